import { describe, expect, it } from 'vitest';
import { render } from '../../../shared/firewall/windows';
import { checklistFrom, checklistIpv6, checklistWithNames, checklistWithoutServerAddresses, count, fixtureFacts } from './checklists';

const facts = fixtureFacts('masquerade');

describe('the Windows Defender Firewall export for the PBX host', () => {
  const text = render(checklistFrom('masquerade'));
  const lines = text.split('\n');

  it('creates the four rules with New-NetFirewallRule, restricted to the PBX address from the report', () => {
    const rules = lines.filter((line) => line.trim().startsWith('New-NetFirewallRule'));
    expect(rules).toHaveLength(4);
    for (const rule of rules) expect(rule).toContain(`-LocalAddress '${facts.pbxIp}'`);
    expect(rules[0]).toContain(`-Direction Outbound -Action Allow -Protocol UDP -LocalAddress '${facts.pbxIp}' -LocalPort '${facts.rtp}','${facts.sipPort}' -RemoteAddress '${facts.stunIp}','${facts.providerIp}' -RemotePort '${facts.stunPort}','${facts.providerPort}'`);
    expect(rules[1]).toContain(`-Direction Inbound -Action Allow -Protocol UDP -LocalAddress '${facts.pbxIp}' -LocalPort '${facts.sipPort}' -RemoteAddress '${facts.stunIp}','${facts.providerIp}'`);
    expect(rules[3]).toMatch(new RegExp(`-Direction Inbound .* -LocalPort '${facts.rtp}'$`));
    expect(rules.every((rule) => rule.includes("-Group 'TrunkCheck'"))).toBe(true);
  });

  it('has the same four rules as netsh advfirewall in a second section behind the -Netsh switch', () => {
    const rules = lines.filter((line) => line.trim().startsWith('netsh advfirewall firewall add rule'));
    expect(rules).toHaveLength(4);
    expect(rules[0]).toContain(`'dir=out' 'action=allow' 'protocol=UDP' 'localip=${facts.pbxIp}' 'localport=${facts.rtp},${facts.sipPort}' 'remoteip=${facts.stunIp},${facts.providerIp}' 'remoteport=${facts.stunPort},${facts.providerPort}'`);
    expect(rules[3]).toContain(`'dir=in' 'action=allow' 'protocol=UDP' 'localip=${facts.pbxIp}' 'localport=${facts.rtp}'`);
    expect(text).toContain('param([switch]$Netsh)');
    expect(text.indexOf('if (-not $Netsh) {')).toBeLessThan(text.indexOf('if ($Netsh) {'));
    expect(text).toContain('# ===== Section 2: netsh advfirewall');
  });

  it('marks voice with a QoS policy (DSCP 46) on the RTP source ports only when DSCP is on', () => {
    expect(text).toContain(`New-NetQosPolicy -Name 'TrunkCheck-voice-EF' -IPProtocolMatchCondition UDP -IPSrcPortStartMatchCondition ${facts.rtpFrom} -IPSrcPortEndMatchCondition ${facts.rtpTo} -DSCPAction 46`);
    const off = render(checklistFrom('masquerade', { qos: false }));
    expect(count(off, /^ +New-NetQosPolicy/m)).toBe(0);
    expect(count(text, /^ +New-NetQosPolicy/m)).toBe(1);
    expect(off).toContain('DSCP EF (46) marking for voice: off.');
  });

  it('explains in German for a German checklist', () => {
    const german = render(checklistFrom('random-fully', { language: 'de' }));
    expect(german).toContain('# ===== Abschnitt 1: PowerShell');
    expect(german).toContain('Windows-Defender-Firewall auf dem Rechner der TK-Anlage');
    expect(german).not.toContain('Section 1');
  });

  it('writes a long list of provider addresses whole into the netsh rule', () => {
    const base = checklistIpv6();
    const addresses = Array.from({ length: 40 }, (_, index) => `2001:db8:1::${(index + 1).toString(16)}`);
    const many = { ...base, rules: base.rules.map((rule) => (rule.id === 'outbound-signalling' ? { ...rule, destination: { ...rule.destination, addresses } } : rule)) };
    const netsh = render(many).split('\n').find((line) => line.includes("'name=TrunkCheck-1-outbound-signalling'"));
    expect(netsh).toContain(`'remoteip=${addresses.join(',')}'`);
  });

  it('leaves a TODO for a provider name without an address and disables a rule that has none', () => {
    expect(render(checklistWithNames())).toContain('# TODO: sip.example.net has no resolved IP address');
    const none = render(checklistWithoutServerAddresses());
    expect(count(none, /^ {4}# New-NetFirewallRule/m)).toBe(2);
    expect(count(none, /^ {4}New-NetFirewallRule/m)).toBe(2);
    expect(none).toContain("-RemoteAddress '<IP-of-stun.example.org>'");
  });
});
