import { describe, expect, it } from 'vitest';
import { render } from '../../../shared/firewall/pfsense';
import { checklistFrom, checklistIpv6, checklistWithNames, count, fixtureFacts } from './checklists';
import { find, parseXml, texts, type XmlElement } from './xml';

const facts = fixtureFacts('masquerade');

// The config.xml part, parsed strictly: it must be well-formed to be merged into a config.xml.
function configXml(text: string): XmlElement {
  const doc = parseXml(text.slice(text.indexOf('<!--', text.indexOf('== config.xml'))));
  expect(doc.name).toBe('pfsense');
  return doc;
}

const one = (node: XmlElement | undefined, path: string) => (node ? texts(node, path)[0] : undefined);

describe('the pfSense / OPNsense export', () => {
  const text = render(checklistFrom('masquerade'));
  const doc = configXml(text);

  it('switches outbound NAT to hybrid with a Static Port rule for the PBX, and says why', () => {
    expect(text).toContain('Mode "Hybrid Outbound NAT rule generation"');
    expect(text).toContain(`Source: Network ${facts.pbxIp}/32, Destination: any, Translation: Interface address, tick "Static Port"`);
    expect(text).toContain('pfSense rewrites source ports on outbound NAT by default');
    expect(texts(doc, 'nat/outbound/mode')).toEqual(['hybrid']);
    expect(texts(doc, 'nat/outbound/rule/source/network')).toEqual([`${facts.pbxIp}/32`]);
    expect(find(doc, 'nat/outbound/rule/staticnatport')).toHaveLength(1);
  });

  it('forwards the inbound ports to the PBX, rule 2 only from the provider alias', () => {
    expect(count(text, /^\d+\. Firewall > NAT > Port Forward > Add/m)).toBe(2);
    const forwards = find(doc, 'nat/rule');
    expect(forwards).toHaveLength(2);
    expect(forwards.map((rule) => one(rule, 'target'))).toEqual([facts.pbxIp, facts.pbxIp]);
    expect(forwards.map((rule) => one(rule, 'destination/port'))).toEqual([String(facts.sipPort), facts.rtp]);
    expect(forwards.map((rule) => one(rule, 'local-port'))).toEqual([String(facts.sipPort), String(facts.rtpFrom)]);
    expect(one(forwards[0], 'source/address')).toBe('TrunkCheck_servers');
    expect(find(forwards[1] as XmlElement, 'source/any')).toHaveLength(1);
    expect(texts(doc, 'nat/rule/associated-rule-id')).toEqual(['pass', 'pass']);
  });

  it('keeps the provider addresses in a host alias and the outbound rules as LAN pass rules', () => {
    expect(texts(doc, 'aliases/alias/address')[0]).toBe(`${facts.stunIp} ${facts.providerIp}`);
    expect(texts(doc, 'aliases/alias/address')).toContain(`${facts.rtpFrom}:${facts.rtpTo} ${facts.sipPort}`);
    const lan = find(doc, 'filter/rule');
    expect(lan).toHaveLength(2);
    expect(lan.map((rule) => one(rule, 'source/address'))).toEqual([facts.pbxIp, facts.pbxIp]);
  });

  it('puts names without an address into the host alias as FQDN entries', () => {
    const names = render(checklistWithNames());
    expect(names).toContain(`entries ${facts.stunIp}, stun.example.net, sip.example.net`);
    expect(texts(configXml(names), 'aliases/alias/address')[0]).toBe(`${facts.stunIp} stun.example.net sip.example.net`);
  });

  it('leaves DSCP to the PBX and says so, either way', () => {
    expect(text).toContain('this export sets no DSCP on pfSense/OPNsense');
    expect(render(checklistFrom('masquerade', { qos: false }))).toContain('DSCP EF (46) marking for voice: off.');
  });

  it('uses WAN pass rules instead of NAT for an IPv6 PBX', () => {
    const v6 = render(checklistIpv6());
    const v6doc = configXml(v6);
    expect(find(v6doc, 'nat')).toHaveLength(0);
    expect(texts(v6doc, 'filter/rule/interface')).toEqual(['lan', 'lan', 'wan', 'wan']);
    expect(v6).not.toContain('Static Port');
  });

  it('rejects XML that is not well-formed (the check is real)', () => {
    expect(() => parseXml('<pfsense><nat></pfsense>')).toThrow('closes');
    expect(() => parseXml('<pfsense><a>x & y</a></pfsense>')).toThrow('bare &');
  });

  it('is German for a German checklist', () => {
    const german = render(checklistFrom('masquerade', { language: 'de' }));
    expect(german).toContain('== Schritte (Weboberfläche) ==');
    expect(german).toContain('pfSense schreibt beim ausgehenden NAT standardmäßig die Quellports um');
    configXml(german);
  });
});
