// The checks of one diagnosis that a person can cancel or run again on their own. The public
// address (STUN from the SIP port) is not one of them: every run asks it first, because the NAT,
// SIP and media checks all go through the binding it opens.
import type { DiagnoseRequest } from './ipc';

export const CHECK_IDS = ['nat', 'sip', 'media', 'quality'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export function isCheckId(value: unknown): value is CheckId {
  return typeof value === 'string' && (CHECK_IDS as readonly string[]).includes(value);
}

// Which check a progress stage belongs to ("nat/probes" → nat); null for the shared start and end.
export function checkOfStage(stage: string): CheckId | null {
  const head = stage.split('/')[0];
  return isCheckId(head) ? head : null;
}

// The request fields each check alone depends on: changing one of them makes only that check's
// result out of date, and re-running that check alone brings it up to date again.
export const CHECK_FIELDS: { readonly [C in CheckId]: readonly (keyof DiagnoseRequest)[] } = {
  nat: ['lifetime'],
  sip: ['sip'],
  media: ['media', 'rtp'],
  quality: ['qualitySec', 'providerId'],
};

// Fields every check depends on: a change here needs all checks again.
export const COMMON_FIELDS: readonly (keyof DiagnoseRequest)[] = ['stun', 'localIp', 'sipPort', 'profileId'];

function sameField(a: DiagnoseRequest, b: DiagnoseRequest, field: keyof DiagnoseRequest): boolean {
  return JSON.stringify(a[field] ?? null) === JSON.stringify(b[field] ?? null);
}

// The checks whose results no longer match what is entered now; all of them when a common field changed.
export function staleChecks(measured: DiagnoseRequest, now: DiagnoseRequest): { readonly common: boolean; readonly checks: readonly CheckId[] } {
  const common = COMMON_FIELDS.some((field) => !sameField(measured, now, field));
  return { common, checks: common ? [...CHECK_IDS] : CHECK_IDS.filter((check) => CHECK_FIELDS[check].some((field) => !sameField(measured, now, field))) };
}

// After one check ran again, the request its results stand for: the old one with that check's
// fields taken from the new one (so another check's changed field still shows as out of date).
export function mergeRequest(measured: DiagnoseRequest, now: DiagnoseRequest, check: CheckId): DiagnoseRequest {
  const merged: Record<string, unknown> = { ...measured };
  for (const field of CHECK_FIELDS[check]) {
    if (now[field] === undefined) delete merged[field];
    else merged[field] = now[field];
  }
  return merged as unknown as DiagnoseRequest;
}
