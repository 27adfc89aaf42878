// Running one check again: the other checks' sections come from the earlier report, which must
// have been measured with the same STUN servers, SIP port, PBX profile and local address, or
// the carried results would describe another setup.
import { parseHostPort } from '../../shared/address';
import type { PbxProfile } from '../../shared/catalog/profiles';
import type { CheckId } from '../../shared/checks';
import type { DiagnoseReport } from '../../shared/report';
import { fail, ok, type Result } from '../../shared/result';

export interface RerunSetup {
  readonly profile: PbxProfile;
  readonly sipPort: number;
  readonly stun: readonly string[];
  readonly localIp?: string;
}

function serverKey(host: string, port: number): string {
  return `${host.toLowerCase()}:${port}`;
}

export function checkRerun(rerun: { readonly check: CheckId; readonly previous: DiagnoseReport }, setup: RerunSetup): Result<DiagnoseReport> {
  const { previous } = rerun;
  const differs: string[] = [];
  if (previous.profile !== setup.profile.id) differs.push(`the PBX profile "${previous.profile}"`);
  if (previous.local.sipPort !== setup.sipPort) differs.push(`SIP port ${previous.local.sipPort}`);
  if (setup.localIp !== undefined && previous.local.ip !== setup.localIp) differs.push(`the local address ${previous.local.ip}`);
  const before = previous.stunServers.map((server) => serverKey(server.host, server.port)).join(', ');
  const now = setup.stun
    .map((text) => parseHostPort(text, setup.profile.defaultStunPort))
    .map((server) => (server === undefined ? '?' : serverKey(server.host, server.port)))
    .join(', ');
  if (before !== now) differs.push(`the STUN server ${before}`);
  if (differs.length > 0) {
    return fail('checks/rerun-mismatch', `The earlier results were measured with ${differs.join(' and ')}, not with what is entered now: run all checks again instead of one.`);
  }
  return ok(previous);
}
