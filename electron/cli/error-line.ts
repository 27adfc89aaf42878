// The one way the CLI says an error: its sentence in the reader's language, for stderr (and for
// the notes it prints beside a result). English until the commands take --lang.
import type { ErrorData } from '../../shared/result';
import { word, type Language } from '../../shared/text';

export function errorLine(error: ErrorData, language: Language = 'en'): string {
  return word(language, error);
}
