// The IPv6 section of a dual-stack report, as the dual-stack lab describes it (documentation
// prefix 2001:db8::/32, RFC 3849): the PBX at 2001:db8::5 without NAT, two STUN addresses and a
// SIP server over IPv6, and a stateful IPv6 firewall on the router that lets answers in but not
// voice from an unknown address. Tests change what they need with a spread.
import type { Ipv6Section } from '../../shared/report-ipv6';

export const PBX6 = '2001:db8::5';
export const STUN6 = '2001:db8:1::10';
export const SIP6 = '2001:db8:1::20';

export function ipv6Section(overrides: Partial<Ipv6Section> = {}): Ipv6Section {
  return {
    address: PBX6,
    publicAddress: { ip: PBX6, port: 65002 },
    servers: {
      stun: [{ family: 'IPv6', ip: STUN6, port: 3478 }],
      sip: { family: 'IPv6', ip: SIP6, port: 5060 },
    },
    nat: { classic: 'symmetric-udp-firewall', mapping: 'none', translation: 'none', supported: true, portPreserved: true, bindingLifetimeSec: null, hairpinning: null },
    filtering: 'address-and-port-dependent',
    sip: { target: `[${SIP6}]:5060`, reachable: true, status: 200, reason: 'OK', rttMs: 3.2, via: { received: PBX6, rport: 65002 }, algSuspected: false },
    rules: [
      { id: 'outbound-signalling', status: 'verified', evidence: [{ code: 'signalling/stun-out', port: 65002, server: `[${STUN6}]:3478`, at: '2026-11-23T21:21:40.263Z' }] },
      { id: 'inbound-signalling', status: 'verified', evidence: [{ code: 'signalling/stun-in', port: 65002, from: `[${STUN6}]:3478` }] },
      { id: 'outbound-media', status: 'verified', evidence: [{ code: 'media/outbound-answered', probed: 12, range: { from: 55000, to: 56000 }, server: `[${STUN6}]:3478`, changed: [], publicIps: [PBX6] }] },
      { id: 'inbound-media', status: 'failed', evidence: [{ code: 'media/inbound-blocked', from: `[2001:db8:1::11]:3479`, ports: [55000, 55091, 56000], tested: 12 }] },
    ],
    fragments: { outbound: 'passes', inbound: 'passes' },
    verdict: 'action-needed',
    findings: [
      { code: 'ipv6/own-address', address: PBX6 },
      { code: 'ipv6/firewall-stateful', address: PBX6 },
    ],
    ...overrides,
  };
}
