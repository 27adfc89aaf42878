import { DE } from './de';
import { EN } from './en';
import type { ExportLanguage, ExportText } from './types';

export type { ExportLanguage, ExportText } from './types';
export { DE } from './de';
export { EN } from './en';

export const EXPORT_TEXT: Readonly<Record<ExportLanguage, ExportText>> = { en: EN, de: DE };

export function exportText(language: ExportLanguage): ExportText {
  return EXPORT_TEXT[language] ?? EN;
}
