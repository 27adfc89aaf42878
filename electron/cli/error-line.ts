// The one way the CLI says an error: its sentence in the command's language (electron/cli/language.ts),
// for stderr (and for the notes it prints beside a result).
import type { ErrorData } from '../../shared/result';
import { word, type Language } from '../../shared/text';

export function errorLine(error: ErrorData, language: Language): string {
  return word(language, error);
}
