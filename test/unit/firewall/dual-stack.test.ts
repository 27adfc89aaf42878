// A dual-stack PBX (the masquerade lab over IPv4, the dual-stack lab's stateful IPv6 firewall over
// IPv6): every export writes the IPv6 rules 5-8 beside the IPv4 rules 1-4, in its own syntax, with
// the PBX's IPv6 address and the servers' IPv6 addresses, and no NAT for them. `nft -c`,
// iptables-restore and ip6tables-restore check the Linux exports in test/integration/firewall.
import { describe, expect, it } from 'vitest';
import { applicableFormats, FIREWALL_FORMATS, renderAllFirewalls } from '../../../shared/firewall';
import { interfaceId } from '../../../shared/firewall/common';
import { render as renderFortigate } from '../../../shared/firewall/fortigate';
import { render as renderFritzbox } from '../../../shared/firewall/fritzbox';
import { hasSeparateIpv6, render as renderIptables, renderIp6tables } from '../../../shared/firewall/iptables';
import { render as renderLancom } from '../../../shared/firewall/lancom';
import { render as renderMikrotik } from '../../../shared/firewall/mikrotik';
import { render as renderNftables } from '../../../shared/firewall/nftables';
import { render as renderPfsense } from '../../../shared/firewall/pfsense';
import { render as renderWindows } from '../../../shared/firewall/windows';
import { PBX6, SIP6, STUN6 } from '../../support/ipv6-section';
import { checklistDualStack, checklistFrom, checklistIpv6, count, LEAKED_VALUE, nftChain } from './checklists';
import { englishLines } from '../../support/english';
import { codeTokens } from './powershell';
import { find, parseXml, texts } from './xml';

const dual = checklistDualStack();
const IPV4 = /\b(192\.168\.100\.5|203\.0\.113\.\d+)\b/;
const lines = (text: string, pattern: RegExp) => text.split('\n').filter((line) => pattern.test(line));

describe.each(FIREWALL_FORMATS.map((format) => [format.id, format] as const))('every %s export of a dual-stack PBX', (_, format) => {
  const text = format.render(dual);

  it('lists the eight rules, the IPv6 ones with the PBX\'s IPv6 address, and leaks no empty value', () => {
    expect(text).not.toMatch(LEAKED_VALUE);
    expect(text).toContain(`PBX over IPv6: ${PBX6}. Rules 5-8 are the same four rules over IPv6`);
    expect(text).toMatch(/5\. \[VERIFIED\] outbound signalling \(STUN, SIP\) \(IPv6\): UDP 2001:db8::5 \(port 55000-56000, 65002\) -> 2001:db8:1::10, 2001:db8:1::20 \(port 3478, 5060\)/);
    expect(text).toMatch(/8\. \[FAILED\] inbound voice \(RTP\) \(IPv6\): UDP any \(port any\) -> 2001:db8::5 \(port 55000-56000\)/);
    expect(text).toContain('Fix: Allow UDP from any address and port to 2001:db8::5 ports 55000-56000; behind NAT, forward that range to 2001:db8::5 with the same ports.');
    expect(text).toContain('Verified: 1, 2, 5, 6, 7. Failed: 8. Untested: 3, 4.');
  });

  it('warns when the IPv6 path translates the address (NPTv6 or NAT66), and not otherwise', () => {
    const translated = checklistDualStack({ ipv6: { publicAddress: { ip: '2001:db8:ff::5', port: 65002 }, nat: { classic: 'port-restricted-cone', mapping: 'endpoint-independent', translation: 'translated', supported: true, portPreserved: true, bindingLifetimeSec: null, hairpinning: null } } });
    expect(format.render(translated)).toContain(`Warning, IPv6: The STUN server saw 2001:db8:ff::5, not the PBX's own address ${PBX6}: a router translates IPv6 addresses (NPTv6 as in RFC 6296, or NAT66), so the provider must be given 2001:db8:ff::5. A firewall outside that router sees 2001:db8:ff::5 in place of ${PBX6}.`);
    expect(text).not.toContain('translates IPv6 addresses');
  });

  it('is German for a German checklist, the IPv6 rules too', () => {
    const german = format.render(checklistDualStack({ language: 'de' }));
    expect(german).toContain(`TK-Anlage über IPv6: ${PBX6}. Die Regeln 5-8 sind dieselben vier Regeln über IPv6`);
    expect(german).toContain('[FEHLGESCHLAGEN] Sprache eingehend (RTP) (IPv6)');
    expect(german).not.toMatch(/VERIFIED|FAILED|Sources:|are the same four rules/);
    // Comment and step lines only: the code lines are the vendor's syntax.
    expect(englishLines(german.split('\n').filter((line) => /^\s*(#|\d+\.|-|\s{3})/.test(line)).join('\n'))).toEqual([]);
  });
});

describe('the nftables export of a dual-stack PBX', () => {
  const text = renderNftables(dual);

  it('matches the IPv6 rules with ip6 in the same inet table, in every filter chain', () => {
    expect(nftChain(text, 'forward')).toContain(`ip6 saddr ${PBX6} ip6 daddr { ${STUN6}, ${SIP6} } udp sport { 55000-56000, 65002 } udp dport { 3478, 5060 } accept comment "TrunkCheck-5-outbound-signalling-v6"`);
    expect(nftChain(text, 'forward')).toContain(`ip6 daddr ${PBX6} udp dport 55000-56000 accept comment "TrunkCheck-8-inbound-media-v6"`);
    expect(count(nftChain(text, 'input'), /ip6 daddr 2001:db8::5 /)).toBe(2);
    expect(count(nftChain(text, 'output'), /ip6 saddr 2001:db8::5 /)).toBe(2);
    for (const line of lines(text, /-v6"/)) expect(line).not.toMatch(IPV4);
  });

  it('forwards ports for IPv4 only, and marks IPv6 voice with ip6 dscp', () => {
    expect(nftChain(text, 'prerouting')).not.toContain('ip6');
    expect(count(nftChain(text, 'prerouting'), /dnat ip to 192\.168\.100\.5/)).toBe(2);
    expect(nftChain(text, 'postrouting')).toContain(`ip6 saddr ${PBX6} udp sport 55000-56000 ip6 dscp set ef comment "TrunkCheck-7-outbound-media-v6"`);
    expect(nftChain(text, 'postrouting')).toContain('ip saddr 192.168.100.5 udp sport 55000-56000 ip dscp set ef');
  });
});

describe('the iptables and ip6tables exports of a dual-stack PBX', () => {
  const v4 = renderIptables(dual);
  const v6 = renderIp6tables(dual);

  it('keeps the IPv4 rules in the iptables export and says where the IPv6 rules are', () => {
    expect(count(v4, /^-A TRUNKCHECK-FORWARD /m)).toBe(4);
    expect(v4).not.toMatch(/^-A .*2001:db8/m);
    expect(v4).toContain('Rules 5-8 (IPv6) are not in this file: iptables-restore loads IPv4 rules only. Export the format "ip6tables"');
    expect(v4).toContain('iptables-restore --noflush < trunkcheck.rules');
  });

  it('writes the IPv6 rules for ip6tables-restore, without NAT', () => {
    expect(count(v6, /^-A TRUNKCHECK-FORWARD /m)).toBe(4);
    expect(v6).toContain(`-A TRUNKCHECK-FORWARD -s ${PBX6} -d ${STUN6},${SIP6} -p udp -m multiport --sports 55000:56000,65002 -m multiport --dports 3478,5060 -m comment --comment "TrunkCheck-5-outbound-signalling-v6" -j ACCEPT`);
    expect(count(v6, /^-A TRUNKCHECK-INPUT -d 2001:db8::5 /m)).toBe(2);
    expect(count(v6, /^-A TRUNKCHECK-POSTROUTING .* -j DSCP --set-dscp-class EF$/m)).toBe(2);
    expect(v6).not.toContain('*nat');
    expect(v6).not.toContain('DNAT');
    expect(v6).toContain('ip6tables-restore --noflush < trunkcheck.rules');
    expect(v6).toContain('This file holds the IPv6 rules 5-8 only');
    for (const line of lines(v6, /^-A /)) expect(line).not.toMatch(IPV4);
  });

  it('is a separate export only where the iptables export leaves IPv6 rules out', () => {
    expect(hasSeparateIpv6(dual)).toBe(true);
    expect(hasSeparateIpv6(checklistFrom('masquerade'))).toBe(false);
    // An IPv6-only PBX: the iptables export already is its ip6tables-restore file.
    expect(hasSeparateIpv6(checklistIpv6())).toBe(false);
    expect(applicableFormats(dual).map((format) => format.id)).toContain('ip6tables');
    expect(applicableFormats(checklistFrom('masquerade')).map((format) => format.id)).not.toContain('ip6tables');
    const all = renderAllFirewalls(dual);
    expect(all.ok && all.value.find((entry) => entry.id === 'ip6tables')?.text).toBe(v6);
  });

  it('says there is nothing to load when asked for IPv6 rules of an IPv4-only checklist', () => {
    const empty = renderIp6tables(checklistFrom('masquerade'));
    expect(empty).toContain('This checklist has no IPv6 rules');
    expect(empty).not.toMatch(/^[*:-]/m);
  });
});

describe('the Windows export of a dual-stack PBX', () => {
  const text = renderWindows(dual);

  it('creates the IPv6 rules with the PBX\'s IPv6 address as the local address, in PowerShell and netsh', () => {
    expect(text).toContain(`New-NetFirewallRule -DisplayName 'TrunkCheck-5-outbound-signalling-v6' -Group 'TrunkCheck' -Direction Outbound -Action Allow -Protocol UDP -LocalAddress '${PBX6}' -LocalPort '55000-56000','65002' -RemoteAddress '${STUN6}','${SIP6}' -RemotePort '3478','5060'`);
    expect(text).toContain(`New-NetFirewallRule -DisplayName 'TrunkCheck-8-inbound-media-v6' -Group 'TrunkCheck' -Direction Inbound -Action Allow -Protocol UDP -LocalAddress '${PBX6}' -LocalPort '55000-56000'`);
    expect(text).toContain(`netsh advfirewall firewall add rule 'name=TrunkCheck-6-inbound-signalling-v6' 'dir=in' 'action=allow' 'protocol=UDP' 'localip=${PBX6}' 'localport=65002' 'remoteip=${STUN6},${SIP6}'`);
    expect(count(text, /^ {4}New-NetFirewallRule /m)).toBe(8);
  });

  it('marks voice with one QoS policy for both IP versions: a policy matches ports, not addresses', () => {
    expect(count(text, /^ {4}New-NetQosPolicy /m)).toBe(1);
    expect(codeTokens(text).length).toBeGreaterThan(0);
  });
});

describe('the MikroTik export of a dual-stack PBX', () => {
  const text = renderMikrotik(dual);
  const ipv6 = text.slice(text.indexOf('/ipv6 firewall address-list'), text.indexOf('/ip firewall service-port'));

  it('writes the IPv6 rules under /ipv6 firewall with their own address list, filter and mangle, and no NAT', () => {
    expect(ipv6).toContain(`/ipv6 firewall address-list\nadd list=trunkcheck-servers address=${STUN6} comment="TrunkCheck"\nadd list=trunkcheck-servers address=${SIP6} comment="TrunkCheck"`);
    expect(ipv6).toContain(`/ipv6 firewall filter\n# 5. outbound signalling (STUN, SIP) (IPv6) (VERIFIED)\nadd chain=forward action=accept protocol=udp src-address=${PBX6} src-port=55000-56000,65002 dst-address-list=trunkcheck-servers dst-port=3478,5060 comment="TrunkCheck-5-outbound-signalling-v6"`);
    expect(ipv6).toContain(`/ipv6 firewall mangle`);
    expect(count(ipv6, /^add chain=forward action=change-dscp new-dscp=46 .*-v6"$/m)).toBe(2);
    expect(ipv6).not.toMatch(/nat|dst-nat/);
    expect(ipv6).not.toMatch(IPV4);
    // The IPv4 part is as before: /ip firewall with the port forwards.
    expect(text.slice(0, text.indexOf('/ipv6'))).toContain('/ip firewall nat');
  });
});

describe('the pfSense export of a dual-stack PBX', () => {
  const text = renderPfsense(dual);
  const doc = parseXml(text.slice(text.indexOf('<!--', text.indexOf('== config.xml'))));

  it('adds an IPv6 server alias, WAN pass rules to the PBX\'s IPv6 address and IPv6 LAN rules, in well-formed XML', () => {
    expect(texts(doc, 'aliases/alias/name')).toEqual(['TrunkCheck_servers', 'TrunkCheck_rule1_src', 'TrunkCheck_rule1_dst', 'TrunkCheck_servers_v6', 'TrunkCheck_rule5_src', 'TrunkCheck_rule5_dst']);
    expect(texts(doc, 'aliases/alias/address')[3]).toBe(`${STUN6} ${SIP6}`);
    const inet6 = find(doc, 'filter/rule').filter((rule) => texts(rule, 'ipprotocol')[0] === 'inet6');
    expect(inet6.map((rule) => `${texts(rule, 'interface')[0]} ${texts(rule, 'descr')[0]}`)).toEqual([
      'lan TrunkCheck-5-outbound-signalling-v6',
      'lan TrunkCheck-7-outbound-media-v6',
      'wan TrunkCheck-6-inbound-signalling-v6',
      'wan TrunkCheck-8-inbound-media-v6',
    ]);
    expect(texts(inet6[2]!, 'destination/address')).toEqual([PBX6]);
    expect(texts(inet6[2]!, 'source/address')).toEqual(['TrunkCheck_servers_v6']);
    // Port forwards stay IPv4: no IPv6 address in the NAT section.
    expect(texts(doc, 'nat/rule/target')).toEqual(['192.168.100.5', '192.168.100.5']);
  });

  it('names the address family in the GUI steps of the IPv6 rules', () => {
    expect(text).toContain(`Firewall > Rules > WAN > Add (rule 8): Action Pass, Address Family IPv6, Protocol UDP, Source any, Destination ${PBX6} port 55000-56000.`);
    expect(text).toContain('the default "allow LAN IPv6 to any" rule covers it');
    expect(text).toContain('name TrunkCheck_servers_v6, type "Host(s)", entries 2001:db8:1::10, 2001:db8:1::20.');
  });
});

describe('the LANCOM export of a dual-stack PBX', () => {
  const text = renderLancom(dual);

  it('puts the IPv6 rules into the IPv6 firewall\'s forwarding rules, without port forwards', () => {
    expect(text).toContain('IPv6, rules 5-8: LANconfig: Firewall/QoS > IPv6 rules > IPv6 forwarding rules > Add');
    expect(text).toContain(`Rule 5 "TRUNKCHECK-5-OUTBOUND-SIGNALLING-V6": from ${PBX6} (source ports 55000-56000, 65002) to ${STUN6}, ${SIP6} (destination ports 3478, 5060), UDP, action accept.`);
    expect(text).toContain(`Rule 8 "TRUNKCHECK-8-INBOUND-MEDIA-V6": from any (source ports any) to ${PBX6} (destination ports 55000-56000)`);
    expect(lines(text, /Port forwarding table/).join('\n')).not.toContain('2001:db8');
  });

  it('sends an IPv6-only PBX to the IPv6 rules too', () => {
    expect(renderLancom(checklistIpv6())).toContain('IPv6, rules 1-4: LANconfig: Firewall/QoS > IPv6 rules > IPv6 forwarding rules > Add');
  });
});

describe('the FRITZ!Box export of a dual-stack PBX', () => {
  const text = renderFritzbox(dual);

  it('shares the inbound ports over IPv6 by the PBX\'s interface ID', () => {
    expect(text).toContain(`IPv6: the FRITZ!Box opens IPv6 ports for the PBX by its IPv6 interface ID, ::5 (the last 64 bits of ${PBX6}).`);
    expect(text).toContain('Port sharing "TrunkCheck 6" for IPv6: protocol UDP, port 65002, with IPv6 enabled for it');
    expect(text).toContain('Port sharing "TrunkCheck 8" for IPv6: protocol UDP, port 55000-56000');
    expect(text).toContain('"Add Device for Sharing" (Gerät für Freigaben hinzufügen): choose the PBX, 192.168.100.5, or enter that IPv4 address.');
    expect(text).toContain('Over IPv6 the FRITZ!Box opens a port for each device on its own');
  });

  it('finds the interface ID of any IPv6 address: its last 64 bits, shortened as RFC 5952 writes it', () => {
    expect(interfaceId('2001:db8::5')).toBe('::5');
    expect(interfaceId('2001:db8:0:1:1a2b:3c4d:5e6f:7a8b')).toBe('::1a2b:3c4d:5e6f:7a8b');
    expect(interfaceId('2001:db8:0:1:0:0:0:1')).toBe('::1');
    expect(interfaceId('2001:db8::a:0:0:5')).toBe('::a:0:0:5');
    expect(interfaceId('2001:DB8::FFFF:0:0:1')).toBe('::ffff:0:0:1');
    expect(interfaceId('2001:db8::192.0.2.1')).toBe('::c000:201');
  });
});

describe('the FortiGate export of a dual-stack PBX', () => {
  const text = renderFortigate(dual);

  it('writes address6 objects and IPv6 policies with srcaddr6/dstaddr6, without VIP or NAT', () => {
    expect(text).toContain(`config firewall address6\n    edit "TrunkCheck-PBX-v6"\n        set ip6 ${PBX6}/128`);
    expect(text).toContain(`    edit "TrunkCheck-${STUN6}"\n        set ip6 ${STUN6}/128`);
    expect(text).toContain(`config firewall addrgrp6\n    edit "TrunkCheck-servers-v6"\n        set member "TrunkCheck-${STUN6}" "TrunkCheck-${SIP6}"`);
    const policies = text.slice(text.indexOf('# IPv6 policies, rules 5-8'), text.indexOf('\nend', text.indexOf('# IPv6 policies')));
    expect(count(policies, /^ {4}edit 0$/m)).toBe(4);
    expect(policies).toContain('set srcaddr6 "TrunkCheck-PBX-v6"\n        set dstaddr6 "TrunkCheck-servers-v6"');
    expect(policies).toContain('set srcaddr6 "all"\n        set dstaddr6 "TrunkCheck-PBX-v6"');
    expect(lines(policies, /^\s*(set|edit)/).join('\n')).not.toMatch(/set (srcaddr|dstaddr) |set nat|VIP/);
    expect(count(text, /set udp-portrange/)).toBe(8);
    expect(text).toContain('    edit "TrunkCheck-8-inbound-media-v6"\n        set protocol TCP/UDP/SCTP\n        set udp-portrange 55000-56000');
  });

  it('gives an IPv6-only PBX IPv6 objects and policies, not IPv4 ones', () => {
    const only6 = renderFortigate(checklistIpv6());
    expect(only6).not.toContain('config firewall address\n');
    expect(only6).not.toContain('set subnet');
    expect(count(only6, /set srcaddr6 /)).toBe(4);
  });
});
