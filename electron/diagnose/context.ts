// What the checks of one diagnosis share, made once after the public address of the SIP port is
// known: the request, the PBX profile, the SIP port's socket and its STUN client, the STUN servers.
// Each check gets its own view of it (CheckContext): its share of the progress bar and its own
// cancel signal, so no check is handed a dozen separate parameters.
import type { TransportAddress } from '../../shared/address';
import type { PbxProfile } from '../../shared/catalog/profiles';
import type { DiagnoseRequest } from '../../shared/ipc';
import type { QualityThresholds } from '../../shared/quality/grade';
import type { PublicAddressCheck } from '../../shared/report';
import type { StunClient } from '../net/stun-client';
import type { UdpEndpoint } from '../net/udp-endpoint';
import type { ProgressSink } from '../net/progress';

export interface DiagnoseContext {
  readonly request: DiagnoseRequest;
  readonly profile: PbxProfile;
  readonly family: 4 | 6;
  readonly sipPort: number;
  readonly localIp?: string;                   // the bind address asked for; else all interfaces
  readonly endpoint: UdpEndpoint;              // the SIP port's one socket: STUN and SIP, as the PBX
  readonly client: StunClient;                 // STUN on that socket
  readonly server: TransportAddress;           // the first STUN server
  readonly secondServer: TransportAddress | null; // mapping without RFC 5780
  readonly publicAddress: PublicAddressCheck;  // test I from the SIP port
  readonly sentByIp: string;                   // this machine's address towards the server
  readonly gatewayIp: string | null;           // the default route's router (the LAN's NAT router)
  readonly qualityThresholds: Partial<QualityThresholds>; // the provider's, where the catalog has them
}

export interface CheckContext extends DiagnoseContext {
  readonly progress: ProgressSink;             // fractions from 0 to 1 within this check
  readonly signal: AbortSignal;                // this check's own: fires when it or the run is cancelled
}

// A check's fractions mapped into its range [from, to] of the whole run's progress bar.
export function checkContext(context: DiagnoseContext, range: readonly [number, number], progress: ProgressSink, signal: AbortSignal): CheckContext {
  const [from, to] = range;
  return {
    ...context,
    signal,
    progress: (message, fraction) => progress(message, fraction === null ? null : from + (to - from) * Math.min(1, Math.max(0, fraction))),
  };
}
