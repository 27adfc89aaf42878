// Errors cross every boundary (IPC, HTTP bridge, CLI, report files) as plain data, never as class
// instances. An error is a code, a stable namespaced identifier ("stun/timeout"), with the values
// its sentence needs; shared/text words it in the reader's language (word(language, error)).
// The codes and their values are one table: shared/text/messages/errors.ts.
import type { ErrorCode, ErrorData, ErrorOf, ErrorValues } from './text/messages/errors';

export type { ErrorCode, ErrorData, ErrorOf } from './text/messages/errors';

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorData };

// A code without values takes none; a code with values must be given exactly its values.
export type ValuesArgument<C extends ErrorCode> = keyof ErrorValues<C> extends never ? [] : [values: ErrorValues<C>];

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function errorOf<C extends ErrorCode>(code: C, ...values: ValuesArgument<C>): ErrorOf<C> {
  return { code, ...(values[0] ?? {}) } as unknown as ErrorOf<C>;
}

export function fail<C extends ErrorCode>(code: C, ...values: ValuesArgument<C>): Result<never> {
  return { ok: false, error: errorOf(code, ...values) as unknown as ErrorData };
}
