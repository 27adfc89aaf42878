// Errors arrive as codes with values, from the main process and from the wizard's own transport
// alike; shared/text words them in the wizard's language.
import type { Messages } from '../i18n/en';
import type { ErrorData } from '../../../shared/result';
import { word } from '../../../shared/text';

export function errorText(t: Messages, error: ErrorData): string {
  return word(t.lang.code, error);
}
