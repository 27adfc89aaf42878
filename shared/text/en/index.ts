// Every English wording, by area (one line each).
import type { Catalog } from '../catalog';
import { legacyWording } from '../messages/legacy';
import type { Message } from '../messages';
import { errorsEn } from './errors';
import { fragmentsEn } from './fragments';
import { historyEn } from './history';
import { ipv6En } from './ipv6';
import { monitorEn } from './monitor';
import { natEn } from './nat';
import { progressEn } from './progress';
import { qualityEn } from './quality';
import { rulesEn } from './rules';
import { sipEn } from './sip';

export const EN: Catalog<Message> = {
  ...legacyWording,
  ...rulesEn,
  ...natEn,
  ...sipEn,
  ...qualityEn,
  ...monitorEn,
  ...progressEn,
  ...historyEn,
  ...fragmentsEn,
  ...ipv6En,
  ...errorsEn,
};
