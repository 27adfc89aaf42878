// What to change on the router when the NAT is a blocker, with the real ports and address.
import type { PbxProfile } from '../catalog/profiles';
import type { NatReport } from '../report';
import { NAT_NAMES } from './classify';

export function verdictLine(nat: NatReport, profileName: string): string {
  const name = NAT_NAMES[nat.classic];
  if (nat.supported === true) return `${name}: supported by ${profileName}`;
  if (nat.supported === false) return `${name}: NOT supported by ${profileName}`;
  return `${name}: no verdict yet`;
}

export function natAdvice(nat: NatReport, profile: PbxProfile, pbxIp: string): string[] {
  const rtp = `${profile.rtp.from}–${profile.rtp.to}`;
  switch (nat.classic) {
    case 'symmetric':
      return [
        `The router gives every destination a new public port, so the provider cannot reach the port the PBX announced.`,
        `Fix: forward UDP ${profile.sipPort} and UDP ${rtp} statically to the PBX (${pbxIp}) with the same public ports (a 1:1 or "static port" mapping),`,
        `or turn off random source ports: pfSense/OPNsense "Static Port" in hybrid outbound NAT, SonicWall "Consistent NAT", Linux without --random-fully.`,
      ];
    case 'blocked':
      return [
        `No STUN answer came back: outbound UDP from port ${profile.sipPort} or its answers are blocked.`,
        `Fix: allow UDP from ${pbxIp} ports ${profile.sipPort} and ${rtp} to the STUN server and the SIP provider, and their answers back to ${pbxIp} port ${profile.sipPort}.`,
      ];
    case 'symmetric-udp-firewall':
      return [`No NAT, but a stateful firewall: open UDP ${profile.sipPort} and ${rtp} inbound to ${pbxIp} as the firewall rules say.`];
    case 'unknown':
      return nat.mapping === 'unknown' || nat.filtering === 'unknown'
        ? ['Use a STUN server that supports RFC 5780 (two IP addresses), or name a second STUN server, to finish the NAT test.']
        : [];
    default:
      return [];
  }
}
