// Run-time checks for JSON from outside (a report file, an IPC request, a history file): each
// field goes through the validators that fresh input goes through, every length is bounded, and
// the first field that fails is named. Unknown fields are dropped, never passed on.
import { isIPv4, isIPv6, isServerHost, isServerText, isValidPort } from './address';
import type { SchemaProblem, SchemaProblemCode, SchemaProblemOf, Seen, TOKEN_KINDS } from './text/messages/errors';

// What to do when a field is absent: refuse (the default), use a value, or leave it out.
type WhenMissing = { readonly use: unknown } | 'omit';

export interface Schema<T> {
  (value: unknown, path: string): T;
  readonly whenMissing?: WhenMissing;
}

// A refusal names the field (its path, "rules[0].id") and the problem as a code with values
// (shared/text/messages/errors.ts SCHEMA_PROBLEMS), worded where it is shown.
export type SchemaCheck<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly path: string; readonly problem: SchemaProblem };

// Thrown only inside this module and caught by checkSchema: the first failure ends the walk.
class SchemaFailure extends Error {
  constructor(
    readonly path: string,
    readonly problem: SchemaProblem,
  ) {
    super(`${path} ${problem.code}`);
  }
}

export function checkSchema<T>(schema: Schema<T>, value: unknown): SchemaCheck<T> {
  try {
    return { ok: true, value: schema(value, '') };
  } catch (error) {
    if (error instanceof SchemaFailure) return { ok: false, path: error.path, problem: error.problem };
    throw error;
  }
}

// Line breaks, NUL and the other C0/C1 controls, DEL, the Unicode line and paragraph separators
// and the bidirectional overrides: in a comment or a quoted string of an export, each can end the
// line early or hide what follows. A tab is harmless and stays.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_TEXT = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_TEXT_ALL = new RegExp(UNSAFE_TEXT.source, 'g');

export function hasUnsafeText(text: string): boolean {
  return UNSAFE_TEXT.test(text);
}

// Text from the network made fit for a report: unsafe characters replaced, the length bounded.
export function cleanText(text: string, max: number): string {
  const clean = text.replace(UNSAFE_TEXT_ALL, '\ufffd');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

// A fresh report made fit to be read back by this schema: every text in it, including what a
// server sent (a STUN SOFTWARE, a SIP reason phrase, a certificate's names), one line and bounded.
export function cleanTexts<T>(value: T, max: number): T {
  if (typeof value === 'string') return cleanText(value, max) as T;
  if (Array.isArray(value)) return value.map((entry: unknown) => cleanTexts(entry, max)) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, cleanTexts(entry, max)])) as T;
}

// The offending value, short and on one line, for the sentence: `("10.0.0.5' ; Start-Proc…", 61 characters)`.
function shown(value: unknown): Seen {
  if (typeof value === 'string') {
    const cut = value.length > 40;
    const excerpt = JSON.stringify(cut ? `${value.slice(0, 40)}…` : value).replace(UNSAFE_TEXT_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return { excerpt, length: cut ? value.length : null };
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return { excerpt: String(value), length: null };
  if (Array.isArray(value)) return { shape: 'list' };
  return typeof value === 'object' ? { shape: 'object' } : null;
}

// The problem's values other than what was seen.
type ProblemValues<C extends SchemaProblemCode> = Omit<SchemaProblemOf<C>, 'code' | 'seen'>;

// Refused with the offending value shown.
function refuse<C extends SchemaProblemCode>(path: string, code: C, values: ProblemValues<C>, value: unknown): never {
  throw new SchemaFailure(path, { code, ...values, seen: shown(value) } as unknown as SchemaProblem);
}

// Refused without showing a value (a missing field, a list too long, a condition on the whole).
function refuseOnly<C extends SchemaProblemCode>(path: string, code: C, values: ProblemValues<C>): never {
  throw new SchemaFailure(path, { code, ...values } as unknown as SchemaProblem);
}

const fieldPath = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

// A problem that takes no values but the one seen.
type PlainProblem = { [C in SchemaProblemCode]: keyof ProblemValues<C> extends never ? C : never }[SchemaProblemCode];

export function scalar<T, C extends SchemaProblemCode>(accepts: (value: unknown) => value is T, code: C, values: ProblemValues<C>): Schema<T> {
  return (value, path) => (accepts(value) ? value : refuse(path, code, values, value));
}

const plain = <T>(accepts: (value: unknown) => value is T, code: PlainProblem): Schema<T> => scalar(accepts, code, {} as never);

export function text(max: number): Schema<string> {
  return (value, path) => {
    if (typeof value !== 'string') return refuse(path, 'schema/not-text', {}, value);
    if (value.length > max) return refuse(path, 'schema/too-long', { max }, value);
    if (hasUnsafeText(value)) return refuse(path, 'schema/control-character', {}, value);
    return value;
  };
}

// Text of a fixed form (an id, a version, a code): the pattern says what may appear.
export function token(pattern: RegExp, kind: (typeof TOKEN_KINDS)[number]): Schema<string> {
  return scalar((value): value is string => typeof value === 'string' && value.length <= 200 && pattern.test(value), 'schema/not-token', { token: kind });
}

export const ipAddress: Schema<string> = plain(
  (value): value is string => typeof value === 'string' && value.length <= 45 && (isIPv4(value) || isIPv6(value)),
  'schema/not-ip',
);

export const serverHost: Schema<string> = plain(
  (value): value is string => typeof value === 'string' && value.length <= 254 && isServerHost(value),
  'schema/not-host',
);

// "host[:port]" as a report keeps a server it was given.
// Exactly: the parser forgives surrounding blanks in what a person types, a report keeps none.
export function serverText(defaultPort: number): Schema<string> {
  return plain(
    (value): value is string => isServerText(value, defaultPort) && value.trim() === value && !hasUnsafeText(value),
    'schema/not-server',
  );
}

export const port: Schema<number> = plain((value): value is number => typeof value === 'number' && isValidPort(value), 'schema/not-port');

export function integer(min: number, max: number): Schema<number> {
  return scalar((value): value is number => Number.isInteger(value) && (value as number) >= min && (value as number) <= max, 'schema/not-integer', { min, max });
}

// A measured figure: finite (JSON's 1e999 reads as Infinity) and within a sane range.
export function figure(min: number, max: number): Schema<number> {
  return scalar((value): value is number => typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max, 'schema/not-number', { min, max });
}

export const flag: Schema<boolean> = plain((value): value is boolean => typeof value === 'boolean', 'schema/not-flag');

export function oneOf<const T extends string>(values: readonly T[]): Schema<T> {
  return scalar((value): value is T => typeof value === 'string' && (values as readonly string[]).includes(value), 'schema/not-one-of', { values });
}

export function literal<const T extends string | number | boolean>(expected: T): Schema<T> {
  return scalar((value): value is T => value === expected, 'schema/not-literal', { expected: JSON.stringify(expected) });
}

// RFC 3339 date and time, as Date.toISOString writes it.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
export const timestamp: Schema<string> = plain(
  (value): value is string => typeof value === 'string' && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value)),
  'schema/not-timestamp',
);

// null, or the value; a missing field reads as null ("not measured" in a report written before it existed).
export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  const check = (value: unknown, path: string): T | null => (value === null ? null : schema(value, path));
  return Object.assign(check, { whenMissing: { use: null } });
}

// May be absent; then it stays absent.
export function optional<T>(schema: Schema<T>): Schema<T> {
  return Object.assign((value: unknown, path: string) => schema(value, path), { whenMissing: 'omit' as const });
}

// Absent in files written before the field existed: then this value.
export function orElse<T>(schema: Schema<T>, fallback: T): Schema<T> {
  return Object.assign((value: unknown, path: string) => schema(value, path), { whenMissing: { use: fallback } });
}

export function list<T>(item: Schema<T>, max: number): Schema<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) return refuse(path, 'schema/not-list', {}, value);
    if (value.length > max) return refuseOnly(path, 'schema/too-many', { count: value.length, max });
    return value.map((entry, index) => item(entry, `${path}[${index}]`));
  };
}

export type Shape<T> = { readonly [K in keyof T]-?: Schema<T[K]> };

// An object with exactly these fields, in the order the input has them; others are dropped.
export function object<T>(shape: Shape<T>): Schema<T> {
  const keys = Object.keys(shape) as (keyof T & string)[];
  return (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return refuse(path, 'schema/not-object', {}, value);
    const input = value as Record<string, unknown>;
    const present = Object.keys(input).filter((key) => Object.hasOwn(shape, key)) as (keyof T & string)[];
    const result: Record<string, unknown> = {};
    for (const key of [...present, ...keys.filter((key) => !Object.hasOwn(input, key))]) {
      const schema = shape[key] as Schema<unknown>;
      if (Object.hasOwn(input, key)) {
        result[key] = schema(input[key], fieldPath(path, key));
      } else if (schema.whenMissing === undefined) {
        refuseOnly(fieldPath(path, key), 'schema/missing', {});
      } else if (schema.whenMissing !== 'omit') {
        result[key] = schema.whenMissing.use;
      }
    }
    return result as T;
  };
}

// A further condition on a checked value (e.g. a range's from ≤ to): its problem, or null.
export function refine<T>(schema: Schema<T>, problemOf: (value: T) => SchemaProblem | null): Schema<T> {
  return (value, path) => {
    const checked = schema(value, path);
    const problem = problemOf(checked);
    if (problem === null) return checked;
    throw new SchemaFailure(path, problem);
  };
}

// A value checked by a guard as a whole (an error, a message): refused as `code` with the value shown.
export function guarded<T>(accepts: (value: unknown) => value is T, code: PlainProblem): Schema<T> {
  return plain(accepts, code);
}

// One of two shapes, told apart by the value of one field (e.g. ports: { any: true } or ranges).
export function either<A, B>(test: (value: Record<string, unknown>) => boolean, first: Schema<A>, second: Schema<B>): Schema<A | B> {
  return (value, path) => (typeof value === 'object' && value !== null && test(value as Record<string, unknown>) ? first(value, path) : second(value, path));
}
