// A German checklist's firewall exports speak German in everything a person reads: the comment
// lines and the step texts. The syntax around them (rules, commands, config.xml elements, a
// router's own English menu names in quotes) is the vendors' and stays as it is.
import { describe, expect, it } from 'vitest';
import type { Checklist } from '../../../shared/checklist/model';
import { FIREWALL_FORMATS, type FirewallFormat } from '../../../shared/firewall';
import { englishLines } from '../../support/english';
import { checklistDualStack, checklistFrom, checklistIpv6, checklistWith, checklistWithFailedMedia, checklistWithNames } from './checklists';

// The lines that are prose: comments ("#" in PowerShell, nftables, iptables, RouterOS and FortiOS;
// "<!-- -->" in config.xml) and, in the exports that are a list of steps to click through (.txt),
// every line but the config.xml elements. Commas inside a rule, quoted values and names are code.
function proseLines(format: FirewallFormat, text: string): string[] {
  const steps = format.fileExtension === 'txt';
  return text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('#') || line.startsWith('<!--') || (steps && line !== '' && !line.startsWith('<')));
}

// German checklists in the shapes the exports write differently: with and without marking, failed
// rules with their fix, names without an address (TODO lines), an IPv6 PBX, a dual-stack PBX with
// a translated and an untranslated IPv6 path, SIP and media tested or not.
const CHECKLISTS: readonly (readonly [string, () => Checklist])[] = [
  ['masquerade', () => checklistFrom('masquerade', { language: 'de' })],
  ['masquerade without marking', () => checklistFrom('masquerade', { language: 'de', qos: false })],
  ['random-fully (ports changed)', () => checklistFrom('random-fully', { language: 'de' })],
  ['failed voice rules', () => checklistWithFailedMedia('de')],
  ['provider by name only', () => checklistWithNames('de')],
  ['no SIP provider, media tested', () => checklistWith({ sip: false, media: true }, { language: 'de' })],
  ['IPv6 PBX', () => ({ ...checklistIpv6(), language: 'de' })],
  ['dual-stack', () => checklistDualStack({ language: 'de' })],
  ['dual-stack, IPv6 translated', () => checklistDualStack({ language: 'de', ipv6: { publicAddress: { ip: '2001:db8:ff::5', port: 65002 }, nat: { classic: 'symmetric-udp-firewall', mapping: 'none', translation: 'translated', supported: true, portPreserved: true, bindingLifetimeSec: null, hairpinning: null } } })],
];

describe.each(FIREWALL_FORMATS.map((format) => [format.id, format] as const))('the German %s export', (_, format) => {
  it.each(CHECKLISTS)('of a checklist (%s) has no English sentence in its comments or steps', (_, checklist) => {
    const text = format.render(checklist());
    const prose = proseLines(format, text);
    expect(prose.length).toBeGreaterThan(0);
    expect(englishLines(prose.join('\n'))).toEqual([]);
  });
});

describe('the prose rule of the German export test', () => {
  it('finds an English sentence in the English export, so the German check can fail', () => {
    for (const format of FIREWALL_FORMATS) {
      const english = proseLines(format, format.render(checklistFrom('masquerade', { language: 'en' })));
      expect(englishLines(english.join('\n')), format.id).not.toEqual([]);
    }
  });
});
