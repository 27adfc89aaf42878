// Every English wording, by area (one line each).
import type { Catalog } from '../catalog';
import { legacyWording } from '../messages/legacy';
import type { Message } from '../messages';
import { errorsEn } from './errors';

export const EN: Catalog<Message> = {
  ...legacyWording,
  ...errorsEn,
};
