// Jede deutsche Formulierung, nach Bereich (je eine Zeile).
import type { Catalog } from '../catalog';
import { legacyWording } from '../messages/legacy';
import type { Message } from '../messages';
import { errorsDe } from './errors';
import { fragmentsDe } from './fragments';
import { gatewayDe } from './gateway';
import { historyDe } from './history';
import { ipv6De } from './ipv6';
import { monitorDe } from './monitor';
import { natDe } from './nat';
import { pathDe } from './path';
import { progressDe } from './progress';
import { qualityDe } from './quality';
import { registrationDe } from './registration';
import { rulesDe } from './rules';
import { sipDe } from './sip';
import { verdictDe } from './verdict';

export const DE: Catalog<Message> = {
  ...legacyWording,
  ...rulesDe,
  ...natDe,
  ...pathDe,
  ...sipDe,
  ...qualityDe,
  ...monitorDe,
  ...progressDe,
  ...historyDe,
  ...fragmentsDe,
  ...gatewayDe,
  ...verdictDe,
  ...ipv6De,
  ...registrationDe,
  ...errorsDe,
};
