// The NAT verdict and what to change on the router when the NAT is a blocker, with the real ports
// and address, as codes with values (shared/text words them).
import type { NatReport } from '../report';
import type { NatMessage, NatMessageOf } from '../text/messages/nat';
import type { PortRange } from '../port-range';

export function verdictMessage(nat: NatReport, profileName: string): NatMessageOf<'nat/verdict'> {
  return { code: 'nat/verdict', classic: nat.classic, supported: nat.supported, profile: profileName };
}

// What the classified type means for the PBX.
export function meaningMessage(nat: NatReport, sipPort: number): NatMessageOf<'nat/meaning'> {
  return { code: 'nat/meaning', classic: nat.classic, mapping: nat.mapping, sipPort };
}

// Where the PBX is: its address, its SIP port and its RTP range.
export interface PbxPorts {
  readonly pbxIp: string;
  readonly sipPort: number;
  readonly rtp: PortRange;
}

// The fix for a blocker, or what is still to do. For symmetric NAT the two are alternatives.
export function natAdvice(nat: NatReport, pbx: PbxPorts): NatMessage[] {
  const values = { sipPort: pbx.sipPort, rtp: pbx.rtp, pbxIp: pbx.pbxIp };
  switch (nat.classic) {
    case 'symmetric':
      return [{ code: 'nat-fix/symmetric-forward', ...values }, { code: 'nat-fix/symmetric-static' }];
    case 'blocked':
      return [{ code: 'nat-fix/blocked', ...values }];
    case 'symmetric-udp-firewall':
      return [{ code: 'nat-fix/firewall', ...values }];
    case 'unknown':
      // A second server measured the mapping; only an RFC 5780 server can test the filtering.
      if (nat.mapping !== 'unknown' && nat.filtering === 'unknown') return [{ code: 'nat-fix/unknown-filtering' }];
      return nat.mapping === 'unknown' || nat.filtering === 'unknown' ? [{ code: 'nat-fix/unknown' }] : [];
    default:
      return [];
  }
}
