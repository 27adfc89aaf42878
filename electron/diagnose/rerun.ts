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
  const differs = {
    // A custom profile is the same only with the same need: the carried media rule was judged by it.
    profile: previous.profile !== setup.profile.id || (previous.pbx !== null && previous.pbx.inboundMedia !== setup.profile.media.inbound) ? previous.profile : null,
    sipPort: previous.local.sipPort !== setup.sipPort ? previous.local.sipPort : null,
    localIp: setup.localIp !== undefined && previous.local.ip !== setup.localIp ? previous.local.ip : null,
    stun: null as string | null,
  };
  const before = previous.stunServers.map((server) => serverKey(server.host, server.port)).join(', ');
  const now = setup.stun
    .map((text) => parseHostPort(text, setup.profile.defaultStunPort))
    .map((server) => (server === undefined ? '?' : serverKey(server.host, server.port)))
    .join(', ');
  if (before !== now) differs.stun = before;
  if (Object.values(differs).some((value) => value !== null)) return fail('checks/rerun-mismatch', differs);
  return ok(previous);
}
