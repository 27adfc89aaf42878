import { describe, expect, it } from 'vitest';
import { FIREWALL_FORMAT_IDS, FIREWALL_FORMATS, findFirewallFormat, renderFirewall, type FirewallFormatId } from '../../../shared/firewall';
import { checklistFrom, checklistWithFailedMedia, checklistWithNames, checklistWithoutServerAddresses, FIXTURES, fixtureFacts, LEAKED_VALUE, SITE } from './checklists';

const IDS: FirewallFormatId[] = ['windows', 'nftables', 'iptables', 'ip6tables', 'mikrotik', 'pfsense', 'lancom', 'fritzbox', 'fortigate'];

describe('the firewall format registry', () => {
  it('offers the nine platforms (ip6tables for the IPv6 rules of a dual-stack PBX), each with a name and a file extension', () => {
    expect(FIREWALL_FORMATS.map((format) => format.id)).toEqual(IDS);
    // The ids alone (what the IPC contract checks formats against) name the same eight.
    expect(FIREWALL_FORMAT_IDS).toEqual(IDS);
    for (const format of FIREWALL_FORMATS) {
      expect(format.name.length).toBeGreaterThan(3);
      expect(format.fileExtension).toMatch(/^[a-z0-9]+$/);
    }
  });

  it('renders through renderFirewall exactly what the format renders', () => {
    const checklist = checklistFrom('masquerade');
    for (const format of FIREWALL_FORMATS) expect(renderFirewall(format.id, checklist)).toBe(format.render(checklist));
    expect(findFirewallFormat('windows')?.fileExtension).toBe('ps1');
    expect(findFirewallFormat('cisco')).toBeUndefined();
    expect(() => renderFirewall('cisco' as FirewallFormatId, checklist)).toThrow('Unknown firewall format "cisco"');
  });
});

describe.each(FIREWALL_FORMATS.map((format) => [format.id, format] as const))('every %s export', (_, format) => {
  it.each(FIXTURES.flatMap((fixture) => (['en', 'de'] as const).flatMap((language) => [true, false].map((qos) => [fixture, language, qos] as const))))(
    'from the %s report (%s, DSCP %s) names the site, the PBX, the date and its real ports, and leaks no empty value',
    (fixture, language, qos) => {
      const facts = fixtureFacts(fixture);
      const text = format.render(checklistFrom(fixture, { language, qos }));
      expect(text).not.toMatch(LEAKED_VALUE);
      expect(text).toContain('TrunkCheck');
      expect(text).toContain(SITE.name);
      expect(text).toContain(SITE.customer);
      expect(text).toContain(facts.createdAt);
      expect(text).toContain(facts.pbxIp);
      expect(text).toContain(String(facts.sipPort));
      expect(text).toContain(facts.rtp);
      expect(text).toContain(facts.stunIp);
      expect(text).toContain(facts.providerIp);
      expect(text.endsWith('\n')).toBe(true);
    },
  );

  it('says which rules were proven and which were not (English)', () => {
    const text = format.render(checklistFrom('masquerade'));
    expect(text).toMatch(/1\. \[VERIFIED\] outbound signalling/);
    expect(text).toMatch(/2\. \[VERIFIED\] inbound signalling/);
    expect(text).toMatch(/3\. \[UNTESTED\] outbound voice/);
    expect(text).toMatch(/4\. \[UNTESTED\] inbound voice/);
    expect(text).toContain('Verified: 1, 2. Failed: none. Untested: 3, 4.');
  });

  it('writes its comments and steps in German for a German checklist', () => {
    const text = format.render(checklistFrom('masquerade', { language: 'de' }));
    expect(text).toContain('TrunkCheck-Firewall-Export');
    expect(text).toContain('[BESTÄTIGT] Signalisierung ausgehend');
    expect(text).toContain('[UNGETESTET] Sprache eingehend');
    expect(text).toContain('Bestätigt: 1, 2. Fehlgeschlagen: keine. Ungetestet: 3, 4.');
    expect(text).toContain('Nachweis: Die STUN-Binding-Anfrage von UDP 65002 an 203.0.113.10:3478 wurde beantwortet');
    expect(text).toContain('Die Sprachports wurden nicht geprüft');
    expect(text).not.toMatch(/VERIFIED|UNTESTED|Sources:|outbound signalling|was answered|not tested/);
  });

  it('names the fix of a failed rule', () => {
    const text = format.render(checklistWithFailedMedia());
    expect(text).toContain('3. [FAILED] outbound voice');
    expect(text).toContain('Fix: Allow UDP from 192.168.100.5 ports 55000-56000 to any address and any port.');
    expect(text).toContain('Evidence: Binding requests from 2 of 12 tested ports got no answer from 203.0.113.10:3478 (ports 55000 and 56000).');
    expect(text).not.toMatch(LEAKED_VALUE);
  });

  it('warns when the measured NAT did not keep the ports (random-fully report), and not otherwise', () => {
    expect(format.render(checklistFrom('random-fully'))).toContain('changed the source port');
    expect(format.render(checklistFrom('masquerade'))).not.toContain('changed the source port');
  });

  it('handles names without an address and providers without any address without leaking empty values', () => {
    for (const checklist of [checklistWithNames(), checklistWithoutServerAddresses(), checklistWithNames('de')]) {
      const text = format.render(checklist);
      expect(text).not.toMatch(LEAKED_VALUE);
      expect(text).toContain('sip.example.net');
    }
  });
});
