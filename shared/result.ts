// Errors cross every boundary (IPC, HTTP bridge, CLI) as plain data, never as class instances.
// The code is a stable, namespaced identifier ("stun/timeout"); the message is one sentence
// for a person: what went wrong and what to do about it.

export interface ErrorData {
  readonly code: string;
  readonly message: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorData };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: string, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
