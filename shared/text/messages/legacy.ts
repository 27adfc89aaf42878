// Text from a report written before the domain spoke in codes (report schema 1): the evidence
// was an English sentence. It cannot be turned back into a code and its values, so it travels as
// it is and is worded as itself in every language; a new run of the check replaces it.
import { longText, matchesRow } from './fields';

export const legacyText = 'legacy/text';

export const LEGACY_MESSAGES = {
  [legacyText]: { text: longText },
} as const;

export interface LegacyText {
  readonly code: typeof legacyText;
  readonly text: string;
}

export function fromLegacyText(text: string): LegacyText {
  return { code: legacyText, text };
}

export function isLegacyText(value: unknown): value is LegacyText {
  return typeof value === 'object' && value !== null && (value as { code?: unknown }).code === legacyText && matchesRow(value as Record<string, unknown>, LEGACY_MESSAGES[legacyText]);
}

// Worded as itself in every language: the report JSON stays language-free otherwise, and an old
// report's English evidence is better shown than dropped.
export const legacyWording = {
  [legacyText]: (message: LegacyText): string => message.text,
} as const;
