// Jede deutsche Formulierung, nach Bereich (je eine Zeile).
import type { Catalog } from '../catalog';
import { legacyWording } from '../messages/legacy';
import type { Message } from '../messages';
import { errorsDe } from './errors';

export const DE: Catalog<Message> = {
  ...legacyWording,
  ...errorsDe,
};
