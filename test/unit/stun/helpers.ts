import { expect } from 'vitest';
import { isStunError, type StunError } from '../../../shared/stun';

// Runs `fn`, expects a StunError, and returns it for a look at its place and detail.
export function stunErrorOf(fn: () => unknown): StunError {
  try {
    fn();
  } catch (e) {
    expect(isStunError(e), `expected a StunError, got ${String(e)}`).toBe(true);
    return e as StunError;
  }
  throw new Error('expected a StunError, but nothing was thrown');
}

export const TID = Uint8Array.from({ length: 12 }, (_, i) => i + 1);
export const LEGACY_TID = Uint8Array.from({ length: 16 }, (_, i) => 0xf0 - i);
