// Which checks of a diagnosis are out of date after the entries changed, and the request their
// results stand for after one check ran again.
import { CHECK_IDS, type CheckId } from './checks';
import type { DiagnoseRequest } from './ipc-contract';

// The request fields each check alone depends on: changing one of them makes only that check's
// result out of date, and re-running that check alone brings it up to date again.
export const CHECK_FIELDS: { readonly [C in CheckId]: readonly (keyof DiagnoseRequest)[] } = {
  nat: ['lifetime'],
  sip: ['sip'],
  register: ['register'],
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
