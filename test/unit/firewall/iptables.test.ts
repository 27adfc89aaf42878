import { describe, expect, it } from 'vitest';
import type { Checklist } from '../../../shared/checklist/model';
import { render, restoreTool } from '../../../shared/firewall/iptables';
import { checklistFrom, checklistIpv6, checklistWith, checklistWithoutServerAddresses, count, fixtureFacts } from './checklists';

const facts = fixtureFacts('masquerade');

describe('the iptables-restore export', () => {
  const text = render(checklistFrom('masquerade'));

  it('adds its own chains to filter, nat and mangle and jumps to them once', () => {
    expect(text).toContain('*filter\n:TRUNKCHECK-FORWARD - [0:0]\n:TRUNKCHECK-INPUT - [0:0]\n:TRUNKCHECK-OUTPUT - [0:0]\n');
    expect(count(text, /^-I (FORWARD|INPUT|OUTPUT|PREROUTING|POSTROUTING) .* -j TRUNKCHECK-/m)).toBe(5);
    expect(count(text, /^COMMIT$/m)).toBe(3);
    expect(text).toContain('iptables-restore --noflush < trunkcheck.rules');
  });

  it('has four forward rules and two each for the PBX host, with the real addresses and ports', () => {
    expect(count(text, /^-A TRUNKCHECK-FORWARD /m)).toBe(4);
    expect(count(text, /^-A TRUNKCHECK-INPUT -d 192\.168\.100\.5 /m)).toBe(2);
    expect(count(text, /^-A TRUNKCHECK-OUTPUT -s 192\.168\.100\.5 /m)).toBe(2);
    expect(text).toContain(`-A TRUNKCHECK-FORWARD -s ${facts.pbxIp} -d ${facts.stunIp},${facts.providerIp} -p udp -m multiport --sports ${facts.rtpFrom}:${facts.rtpTo},${facts.sipPort} -m multiport --dports ${facts.stunPort},${facts.providerPort}`);
    expect(text).toContain(`-A TRUNKCHECK-FORWARD -d ${facts.pbxIp} -p udp --dport ${facts.rtpFrom}:${facts.rtpTo} `);
  });

  it('forwards the inbound ports from the public address to the PBX', () => {
    expect(count(text, /-j DNAT --to-destination 192\.168\.100\.5$/m)).toBe(2);
    expect(text).toContain(`-A TRUNKCHECK-PREROUTING -d ${facts.publicIp} -s ${facts.stunIp},${facts.providerIp} -p udp --dport ${facts.sipPort}`);
  });

  it('marks voice with the DSCP target (class EF) only when DSCP is on', () => {
    expect(count(text, /-j DSCP --set-dscp-class EF$/m)).toBe(2);
    const off = render(checklistFrom('random-fully', { qos: false }));
    expect(off).not.toContain('*mangle');
    expect(off).not.toContain('DSCP --set');
    expect(off).toContain('do not use --random-fully');
  });

  it('writes the one STUN port of a run without SIP before the multiport match of the PBX ports', () => {
    const lines = render(checklistWith({ sip: false })).split('\n').filter((line) => line.startsWith('-A') && line.includes('outbound-signalling'));
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toContain(`-p udp --dport ${facts.stunPort} -m multiport --sports ${facts.rtpFrom}:${facts.rtpTo},${facts.sipPort} -m comment`);
  });

  it('keeps every line within the 10,240 bytes iptables-restore reads at a time, however many names a comment lists', () => {
    const base = checklistWithoutServerAddresses();
    const hosts = Array.from({ length: 400 }, (_, index) => `${String(index).padStart(3, '0')}-${'a'.repeat(55)}.example.net`);
    const many: Checklist = { ...base, rules: base.rules.map((rule) => ({ ...rule, source: rule.source.label === 'PBX' || rule.source.anyAddress ? rule.source : { ...rule.source, hosts }, destination: rule.destination.label === 'PBX' || rule.destination.anyAddress ? rule.destination : { ...rule.destination, hosts } })) };
    const lines = render(many).split('\n');
    expect(Math.max(...lines.map((line) => new TextEncoder().encode(`${line}\n`).length))).toBeLessThan(10_240);
    expect(lines.some((line) => line.startsWith('#') && line.endsWith('…'))).toBe(true);
  });

  it('splits multiport matches at 15 ports', () => {
    const base = checklistFrom('masquerade');
    const ports = Array.from({ length: 20 }, (_, index) => ({ from: 3000 + index, to: 3000 + index }));
    const many: Checklist = { ...base, rules: base.rules.map((rule) => (rule.id === 'outbound-signalling' ? { ...rule, destination: { ...rule.destination, ports: { any: false, ranges: ports } } } : rule)) };
    const lines = render(many).split('\n').filter((line) => line.startsWith('-A TRUNKCHECK-FORWARD') && line.includes('outbound-signalling'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(`--dports ${ports.slice(0, 15).map((port) => port.from).join(',')} `);
    expect(lines[1]).toContain(`--dports ${ports.slice(15).map((port) => port.from).join(',')} `);
  });

  it('comments out a rule whose far end has no address', () => {
    const none = render(checklistWithoutServerAddresses());
    expect(count(none, /^# -A TRUNKCHECK-FORWARD/m)).toBe(2);
    expect(count(none, /^-A TRUNKCHECK-FORWARD/m)).toBe(2);
  });

  it('is for ip6tables-restore when the PBX has an IPv6 address', () => {
    expect(restoreTool(checklistFrom('masquerade'))).toBe('iptables-restore');
    const v6 = checklistIpv6();
    expect(restoreTool(v6)).toBe('ip6tables-restore');
    expect(render(v6)).toContain('ip6tables-restore --noflush');
    expect(render(v6)).not.toContain('*nat');
  });

  it('is German for a German checklist', () => {
    const german = render(checklistFrom('masquerade', { language: 'de' }));
    expect(german).toContain('Die Regeln stehen in eigenen Ketten');
    expect(german).not.toContain('The rules are in own chains');
  });
});
