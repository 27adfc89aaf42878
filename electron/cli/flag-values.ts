import type { PortRange } from '../../shared/port-range';
// Flag text turned into the values of an IPC request. Only the form is read here; whether a value
// is allowed is for the validators (shared/ipc.ts) to say, so the CLI and the wizard refuse the
// same values with the same code. Text that is not a number becomes NaN, which they refuse.

// "10", "0.5" → the number; anything else (hex, exponents, words) → NaN.
export function numberOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  return /^\d{1,12}(\.\d{1,6})?$/.test(text) ? Number(text) : Number.NaN;
}

// "55000-56000" → { from: 55000, to: 56000 }.
export function rangeOf(text: string | undefined): PortRange | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d{1,12})-(\d{1,12})$/.exec(text);
  return match ? { from: Number(match[1]), to: Number(match[2]) } : { from: Number.NaN, to: Number.NaN };
}
