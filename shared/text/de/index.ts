// Jede deutsche Formulierung, nach Bereich (je eine Zeile).
import type { Catalog } from '../catalog';
import { legacyWording } from '../messages/legacy';
import type { Message } from '../messages';
import { errorsDe } from './errors';
import { fragmentsDe } from './fragments';
import { historyDe } from './history';
import { ipv6De } from './ipv6';
import { monitorDe } from './monitor';
import { natDe } from './nat';
import { progressDe } from './progress';
import { qualityDe } from './quality';
import { rulesDe } from './rules';
import { sipDe } from './sip';

export const DE: Catalog<Message> = {
  ...legacyWording,
  ...rulesDe,
  ...natDe,
  ...sipDe,
  ...qualityDe,
  ...monitorDe,
  ...progressDe,
  ...historyDe,
  ...fragmentsDe,
  ...ipv6De,
  ...errorsDe,
};
