// One message area (rules, NAT evidence, progress, …) is a table of codes, each with the kinds
// of its values (fields.ts). From the table come the area's message type, its list of codes and
// the check a reader of a report file calls, so none of them can drift from the others.
import { address, field, list, matchesRow, type Field, type FieldTable, type ValueOf } from './fields';

export type AreaTable = { readonly [code: string]: FieldTable };

// The message of one code of an area: its code and its values.
export type MessageIn<T extends AreaTable, C extends keyof T> = { readonly code: C } & { readonly [K in keyof T[C]]: ValueOf<T[C][K]> };

// Every message of an area, as one union.
export type MessagesOf<T extends AreaTable> = { [C in keyof T & string]: MessageIn<T, C> }[keyof T & string];

export function codesOf<T extends AreaTable>(table: T): (keyof T & string)[] {
  return Object.keys(table) as (keyof T & string)[];
}

// The check for a message of this area read from a file: a known code with exactly its values.
export function guardOf<T extends AreaTable>(table: T): (value: unknown) => value is MessagesOf<T> {
  return (value: unknown): value is MessagesOf<T> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const code = (value as { code?: unknown }).code;
    if (typeof code !== 'string' || !Object.hasOwn(table, code)) return false;
    return matchesRow(value as Record<string, unknown>, table[code] as FieldTable);
  };
}

// Value kinds the areas beyond the rules need.
export const flag: Field<boolean> = field((value) => typeof value === 'boolean');
export const addresses = list(address, 64);
// A measured quantity (seconds, percent, a rate): finite and not negative.
export const amount: Field<number> = field((value) => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1e9);
export const amounts = list(amount, 64);
