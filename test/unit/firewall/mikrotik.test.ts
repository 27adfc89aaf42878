import { describe, expect, it } from 'vitest';
import { render } from '../../../shared/firewall/mikrotik';
import { checklistFrom, checklistWithNames, count, fixtureFacts } from './checklists';

const facts = fixtureFacts('masquerade');

describe('the MikroTik RouterOS export', () => {
  const text = render(checklistFrom('masquerade'));

  it('lists the STUN server and the SIP provider in one address list', () => {
    expect(text).toContain(`/ip firewall address-list\nadd list=trunkcheck-servers address=${facts.stunIp} comment="TrunkCheck"\nadd list=trunkcheck-servers address=${facts.providerIp} comment="TrunkCheck"`);
  });

  it('has the four filter rules in the forward chain; the inbound ones only to the PBX', () => {
    expect(count(text, /^add chain=forward action=accept /m)).toBe(4);
    expect(text).toContain(`add chain=forward action=accept protocol=udp src-address=${facts.pbxIp} src-port=${facts.rtp},${facts.sipPort} dst-address-list=trunkcheck-servers dst-port=${facts.stunPort},${facts.providerPort} comment="TrunkCheck-1-outbound-signalling"`);
    expect(text).toContain(`add chain=forward action=accept protocol=udp dst-address=${facts.pbxIp} dst-port=${facts.sipPort} src-address-list=trunkcheck-servers comment="TrunkCheck-2-inbound-signalling"`);
    expect(text).toContain(`add chain=forward action=accept protocol=udp dst-address=${facts.pbxIp} dst-port=${facts.rtp} comment="TrunkCheck-4-inbound-media"`);
  });

  it('forwards the inbound ports to the PBX with dst-nat', () => {
    expect(count(text, /^add chain=dstnat action=dst-nat /m)).toBe(2);
    expect(text).toContain(`add chain=dstnat action=dst-nat protocol=udp dst-address=${facts.publicIp} dst-port=${facts.sipPort} src-address-list=trunkcheck-servers to-addresses=${facts.pbxIp}`);
    expect(text).toContain(`add chain=dstnat action=dst-nat protocol=udp dst-address=${facts.publicIp} dst-port=${facts.rtp} to-addresses=${facts.pbxIp}`);
  });

  it('switches the SIP helper off', () => {
    expect(text).toContain('/ip firewall service-port\nset sip disabled=yes');
  });

  it('marks voice DSCP 46 in mangle only when DSCP is on', () => {
    expect(count(text, /^add chain=forward action=change-dscp new-dscp=46 passthrough=yes /m)).toBe(2);
    const off = render(checklistFrom('masquerade', { qos: false }));
    expect(off).not.toContain('/ip firewall mangle');
    expect(off).not.toContain('change-dscp');
  });

  it('leaves a commented TODO entry for a name without an address', () => {
    const names = render(checklistWithNames());
    expect(names).toContain('# add list=trunkcheck-servers address=<IP-of-sip.example.net>');
    expect(names).toContain(`add list=trunkcheck-servers address=${facts.stunIp}`);
  });

  it('is German for a German checklist', () => {
    const german = render(checklistFrom('masquerade', { language: 'de' }));
    expect(german).toContain('# Den SIP-Helper (einen Service-Port) abschalten');
    expect(german).not.toContain('Switch off the SIP helper');
  });
});
