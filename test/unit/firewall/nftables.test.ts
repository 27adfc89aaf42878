import { describe, expect, it } from 'vitest';
import { render } from '../../../shared/firewall/nftables';
import { checklistFrom, checklistIpv6, checklistWithNames, count, fixtureFacts, nftChain } from './checklists';

const facts = fixtureFacts('masquerade');

describe('the nftables export', () => {
  const text = render(checklistFrom('masquerade'));

  it('is one complete table with forward (router) and input/output (PBX host) chains, and says why', () => {
    expect(text.startsWith('#!/usr/sbin/nft -f\n')).toBe(true);
    expect(text).toContain('table inet trunkcheck {');
    expect(text).toContain('flush table inet trunkcheck');
    expect(text).toMatch(/Chains: "forward" holds the four rules for the Linux router/);
    expect(count(nftChain(text, 'forward'), /accept comment "TrunkCheck-/)).toBe(4);
    expect(count(nftChain(text, 'input'), /accept comment "TrunkCheck-[24]-inbound/)).toBe(2);
    expect(count(nftChain(text, 'output'), /accept comment "TrunkCheck-[13]-outbound/)).toBe(2);
  });

  it('writes the real addresses and ports, and accepts inbound traffic only to the PBX', () => {
    const forward = nftChain(text, 'forward');
    expect(forward).toContain(`ip saddr ${facts.pbxIp} ip daddr { ${facts.stunIp}, ${facts.providerIp} } udp sport { ${facts.rtp}, ${facts.sipPort} } udp dport { ${facts.stunPort}, ${facts.providerPort} } accept`);
    expect(forward).toContain(`ip daddr ${facts.pbxIp} ip saddr { ${facts.stunIp}, ${facts.providerIp} } udp dport ${facts.sipPort} accept`);
    expect(forward).toContain(`ip daddr ${facts.pbxIp} udp dport ${facts.rtp} accept`);
    for (const line of text.split('\n').filter((entry) => /inbound-(signalling|media)"$/.test(entry) && entry.includes('accept'))) {
      expect(line).toContain(`ip daddr ${facts.pbxIp}`);
    }
  });

  it('forwards the inbound ports from the measured public address to the PBX, keeping the port', () => {
    const dnat = nftChain(text, 'prerouting');
    expect(dnat).toContain('type nat hook prerouting priority dstnat;');
    expect(count(dnat, /dnat ip to /)).toBe(2);
    expect(dnat).toContain(`ip daddr ${facts.publicIp} ip saddr { ${facts.stunIp}, ${facts.providerIp} } udp dport ${facts.sipPort} dnat ip to ${facts.pbxIp}`);
    expect(dnat).toContain(`ip daddr ${facts.publicIp} udp dport ${facts.rtp} dnat ip to ${facts.pbxIp}`);
  });

  it('marks voice DSCP EF in a mangle-priority postrouting chain only when DSCP is on', () => {
    const marks = nftChain(text, 'postrouting');
    expect(marks).toContain('type filter hook postrouting priority mangle;');
    expect(count(marks, /ip dscp set ef/)).toBe(2);
    const off = render(checklistFrom('masquerade', { qos: false }));
    expect(off).not.toContain('dscp set');
    expect(nftChain(off, 'postrouting')).toBe('');
  });

  it('tells a random-fully router to keep the ports', () => {
    expect(render(checklistFrom('random-fully'))).toContain('do not use "fully-random"');
    expect(text).not.toContain('fully-random');
  });

  it('uses ip6 matches for an IPv6 PBX and needs no port forward there', () => {
    const v6 = render(checklistIpv6());
    expect(v6).toContain('ip6 saddr 2001:db8::5 ip6 daddr { 2001:db8:1::10, 2001:db8:1::20 }');
    expect(v6).toContain('ip6 dscp set ef');
    expect(nftChain(v6, 'prerouting')).toBe('');
  });

  it('keeps the resolved address and a TODO for a name without one', () => {
    const names = render(checklistWithNames());
    expect(names).toContain('# TODO: sip.example.net has no resolved IP address');
    expect(nftChain(names, 'forward')).toContain(`ip daddr ${facts.stunIp} udp sport`);
  });

  it('is German for a German checklist', () => {
    const german = render(checklistFrom('masquerade', { language: 'de' }));
    expect(german).toContain('Ketten: "forward" enthält die vier Regeln');
    expect(german).toContain('# Router zwischen LAN und Internet');
    expect(german).not.toContain('Chains:');
  });
});
