import { describe, expect, it } from 'vitest';
import { findProfile } from '../../../shared/catalog/profiles';
import { buildChecklist } from '../../../shared/checklist/model';
import { render } from '../../../shared/firewall/fortigate';
import { checklistFrom, checklistWithNames, checklistWithoutServerAddresses, count, fixtureFacts, loadReport, SITE } from './checklists';

const facts = fixtureFacts('masquerade');

describe('the FortiGate CLI export', () => {
  const text = render(checklistFrom('masquerade'));

  it('defines the PBX and the provider side as address objects and a group', () => {
    expect(text).toContain(`edit "TrunkCheck-PBX"\n        set subnet ${facts.pbxIp} 255.255.255.255`);
    expect(text).toContain(`edit "TrunkCheck-${facts.stunIp}"\n        set subnet ${facts.stunIp} 255.255.255.255`);
    expect(text).toContain(`set member "TrunkCheck-${facts.stunIp}" "TrunkCheck-${facts.providerIp}"`);
  });

  it('uses FQDN address objects for names without an address', () => {
    const names = render(checklistWithNames());
    expect(names).toContain('edit "TrunkCheck-sip.example.net"\n        set type fqdn\n        set fqdn "sip.example.net"');
    expect(names).toContain(`set member "TrunkCheck-${facts.stunIp}" "TrunkCheck-stun.example.net" "TrunkCheck-sip.example.net"`);
    const none = render(checklistWithoutServerAddresses());
    expect(count(none, /^ {4}edit 0$/m)).toBe(4);
  });

  it('has UDP services with the destination ports of each rule', () => {
    expect(text).toContain(`edit "TrunkCheck-1-outbound-signalling"\n        set protocol TCP/UDP/SCTP\n        set udp-portrange ${facts.stunPort} ${facts.providerPort}`);
    expect(text).toContain(`set udp-portrange ${facts.sipPort}\n`);
    expect(text).toContain(`set udp-portrange ${facts.rtp}\n`);
  });

  it('forwards the inbound ports with VIPs from the public address to the PBX', () => {
    expect(count(text, /set portforward enable/)).toBe(2);
    expect(text).toContain(`edit "TrunkCheck-VIP-2"\n        set extip ${facts.publicIp}\n        set mappedip "${facts.pbxIp}"\n        set extintf "WAN_INTERFACE"\n        set portforward enable\n        set protocol udp\n        set extport ${facts.sipPort}\n        set mappedport ${facts.sipPort}`);
    expect(text).toContain(`set extport ${facts.rtp}\n        set mappedport ${facts.rtp}`);
  });

  it('has four policies; inbound ones reach only the PBX through its VIPs', () => {
    expect(count(text, /^ {4}edit 0$/m)).toBe(4);
    expect(text).toContain('set srcaddr "TrunkCheck-servers"\n        set dstaddr "TrunkCheck-VIP-2"');
    expect(text).toContain('set srcaddr "all"\n        set dstaddr "TrunkCheck-VIP-4"');
    expect(text).toContain('TODO: replace LAN_INTERFACE and WAN_INTERFACE');
  });

  it('sets DSCP EF on the two voice policies only when DSCP is on', () => {
    expect(count(text, /set diffserv-forward enable\n {8}set diffservcode-forward 101110/)).toBe(2);
    expect(render(checklistFrom('masquerade', { qos: false }))).not.toContain('diffserv');
  });

  it('switches the SIP ALG to the kernel helper and names the session helper to delete', () => {
    expect(text).toContain('config system settings\n    set default-voip-alg-mode kernel-helper-based\nend');
    expect(text).toContain('#     delete 13');
  });

  it('compares the PBX keep-alive with the 180 s UDP session TTL', () => {
    expect(text).toContain('the PBX sends keep-alives every 10 s');
    const base = checklistFrom('masquerade');
    const slow = render({ ...base, profile: { ...base.profile, keepaliveSec: 300 } });
    expect(slow).toContain('only every 300 s: raise the session TTL');
  });

  it('writes no VIP when the PBX has the public address itself', () => {
    const profile = findProfile('3cx');
    if (!profile) throw new Error('3CX profile missing');
    const report = loadReport('masquerade');
    const direct = buildChecklist({ ...report, publicAddress: { ip: report.local.ip, port: 5060 } }, profile, { site: SITE, language: 'en', createdAt: report.startedAt });
    const out = render(direct);
    expect(out).not.toContain('config firewall vip');
    expect(out).not.toContain('set nat enable');
    expect(out).toContain('set dstaddr "TrunkCheck-PBX"');
  });

  it('is German for a German checklist', () => {
    const german = render(checklistFrom('masquerade', { language: 'de' }));
    expect(german).toContain('# SIP-ALG: die FortiGate behandelt SIP');
    expect(german).not.toContain('# SIP ALG: the FortiGate');
  });
});
