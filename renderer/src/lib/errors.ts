// Errors from the main process arrive in English and are shown as they are; only the
// wizard's own transport error has a translation.
import type { Messages } from '../i18n/en';
import type { ErrorData } from '../../../shared/result';
import { CONNECTION_ERROR_CODE } from './api';

export function errorText(t: Messages, error: ErrorData): string {
  return error.code === CONNECTION_ERROR_CODE ? t.errors.connection : error.message;
}
