// The checks of one diagnosis that a person can cancel or run again on their own. The public
// address (STUN from the SIP port) is not one of them: every run asks it first, because the NAT,
// SIP and media checks all go through the binding it opens. The registration with the provider
// (issue 16) is a check of its own after the SIP check: it waits up to half a minute for the
// provider's request, and a person may cancel that wait without losing the OPTIONS result.
export const CHECK_IDS = ['nat', 'sip', 'register', 'media', 'quality'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export function isCheckId(value: unknown): value is CheckId {
  return typeof value === 'string' && (CHECK_IDS as readonly string[]).includes(value);
}

// Which check a progress stage belongs to ("nat/probes" → nat); null for the shared start and end.
export function checkOfStage(stage: string): CheckId | null {
  const head = stage.split('/')[0];
  return isCheckId(head) ? head : null;
}
