// Jede deutsche Formulierung, nach Bereich (je eine Zeile).
import type { Catalog } from '../catalog';
import { legacyWording } from '../messages/legacy';
import type { Message } from '../messages';
import { rulesDe } from './rules';

export const DE: Catalog<Message> = {
  ...legacyWording,
  ...rulesDe,
};
