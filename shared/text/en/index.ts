// Every English wording, by area (one line each).
import type { Catalog } from '../catalog';
import { legacyWording } from '../messages/legacy';
import type { Message } from '../messages';
import { errorsEn } from './errors';
import { fragmentsEn } from './fragments';
import { gatewayEn } from './gateway';
import { historyEn } from './history';
import { ipv6En } from './ipv6';
import { monitorEn } from './monitor';
import { natEn } from './nat';
import { pathEn } from './path';
import { progressEn } from './progress';
import { qualityEn } from './quality';
import { registrationEn } from './registration';
import { rulesEn } from './rules';
import { sipEn } from './sip';
import { verdictEn } from './verdict';

export const EN: Catalog<Message> = {
  ...legacyWording,
  ...rulesEn,
  ...natEn,
  ...pathEn,
  ...sipEn,
  ...qualityEn,
  ...monitorEn,
  ...progressEn,
  ...historyEn,
  ...fragmentsEn,
  ...gatewayEn,
  ...verdictEn,
  ...ipv6En,
  ...registrationEn,
  ...errorsEn,
};
