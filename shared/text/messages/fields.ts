// The kinds of value a message may carry, each with its run-time check. A message area declares
// its codes as a table of these (see rules.ts); the message type is derived from that table, so
// the type and the check that guards a report read from disk can never disagree.
import { isIPv4, isIPv6, isValidPort, parseHostPort } from '../../address';
import { hasUnsafeText } from '../../schema';
import type { PortRange } from '../../port-range';

export interface Field<T> {
  readonly check: (value: unknown) => value is T;
}

export type ValueOf<F> = F extends Field<infer T> ? T : never;

// A table row: the values of one code, by name.
export type FieldTable = { readonly [name: string]: Field<unknown> };

// Strings are bounded: a report is read from disk and may be hostile (STYLE.md: sizes are checked).
export const MAX_TEXT = 300;
export const MAX_LIST = 65535;

export const field = <T>(check: (value: unknown) => boolean): Field<T> => ({ check: check as (value: unknown) => value is T });

// One line, without the controls and Unicode separators that could end a comment line of an
// export or hide text (the report schema's own test, shared/schema.ts).
const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max && !hasUnsafeText(value);

const isIp = (value: unknown): value is string => typeof value === 'string' && value.length <= 45 && (isIPv4(value) || isIPv6(value));

export const list = <T>(item: Field<T>, max = MAX_LIST): Field<readonly T[]> => field((value) => Array.isArray(value) && value.length <= max && value.every((entry) => item.check(entry)));

// A UDP port, 1–65535.
export const port: Field<number> = field((value) => typeof value === 'number' && isValidPort(value));
export const ports = list(port);

// How many (requests, ports tested): a non-negative whole number.
export const count: Field<number> = field((value) => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1_000_000_000);

// A duration in milliseconds, fractional allowed.
export const ms: Field<number> = field((value) => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 86_400_000);

export const ip: Field<string> = field(isIp);
export const ips = list(ip); // one per port at most (a pool NAT may give each port its own)

// "203.0.113.10:3478" or "[2001:db8::1]:3478": an IP address and a port, as formatAddress writes it.
export const address: Field<string> = field((value) => {
  if (!isText(value, 64)) return false;
  const parts = parseHostPort(value, 0);
  return parts !== undefined && parts.port !== 0 && (isIPv4(parts.host) || (isIPv6(parts.host) && value.startsWith('[')));
});

// A host as a person typed it, optionally with a port: "sip.example.com", "203.0.113.20:5060".
export const host: Field<string> = field((value) => isText(value, 260) && parseHostPort(value, 0) !== undefined);
export const hosts = list(host, 64);

// Free text from the far end (a SIP reason phrase, a Server header): bounded, one line.
export const text: Field<string> = field((value) => isText(value, MAX_TEXT));

// An ISO 8601 time as Date.toISOString writes it.
export const time: Field<string> = field((value) => isText(value, 40) && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(value) && !Number.isNaN(Date.parse(value)));

export const range: Field<PortRange> = field(
  (value) => typeof value === 'object' && value !== null && port.check((value as PortRange).from) && port.check((value as PortRange).to) && (value as PortRange).from <= (value as PortRange).to,
);
export const ranges = list(range, 64);

// A SIP status code (RFC 3261 §7.2: 100–699).
export const sipStatus: Field<number> = field((value) => typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 699);

export function oneOf<const T extends readonly string[]>(values: T): Field<T[number]> {
  return field((value) => typeof value === 'string' && values.includes(value));
}

export function nullable<T>(inner: Field<T>): Field<T | null> {
  return field((value) => value === null || inner.check(value));
}

// A long text without the one-line bound: only the wording of a schema-1 report (see legacy.ts).
export const MAX_LONG_TEXT = 4000;
export const longText: Field<string> = field((value) => isText(value, MAX_LONG_TEXT));

// The values of a message, checked against its row: every named value present and valid, nothing else.
export function matchesRow(value: Readonly<Record<string, unknown>>, row: FieldTable): boolean {
  const names = Object.keys(value).filter((name) => name !== 'code');
  return names.length === Object.keys(row).length && names.every((name) => row[name]?.check(value[name]) === true);
}

// Text from the far end made fit for a `text` value: one line, at most MAX_TEXT characters.
export function clampText(value: string): string {
  const printable = Array.from(value, (char) => (char.charCodeAt(0) < 32 || char.charCodeAt(0) === 127 ? ' ' : char)).join('');
  return Array.from(printable.replace(/\s+/g, ' ').trim()).slice(0, MAX_TEXT).join('').slice(0, MAX_TEXT);
}
