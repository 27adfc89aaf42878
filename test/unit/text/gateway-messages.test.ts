// Every code of the gateway area (what the LAN's router says of itself), worded in both
// languages, checked as a report reader checks it, and German without English sentences.
import { describe, expect, it } from 'vitest';
import { isMessage, word, type Message } from '../../../shared/text';
import { CHANGE_CODES } from '../../../shared/text/messages/history';
import { GATEWAY_CODES, GATEWAY_NOT_ASKED, GATEWAY_SERVICES, isGatewayMessage, NOT_PUBLIC_SCOPES, UPNP_PROBLEMS, UPNP_STEPS, type GatewayCode, type GatewayMessageOf } from '../../../shared/text/messages/gateway';
import { MONITOR_CODES } from '../../../shared/text/messages/monitor';
import { NAT_CODES } from '../../../shared/text/messages/nat';
import { PROGRESS_CODES } from '../../../shared/text/messages/progress';
import { QUALITY_CODES } from '../../../shared/text/messages/quality';
import { RULE_CODES } from '../../../shared/text/messages/rules';
import { SIP_CODES } from '../../../shared/text/messages/sip';
import { englishLines } from '../../support/english';

const SAMPLES: { readonly [C in GatewayCode]: GatewayMessageOf<C> } = {
  'gateway/not-asked': { code: 'gateway/not-asked', why: 'no-gateway' },
  'gateway/cancelled': { code: 'gateway/cancelled' },
  'gateway/silent': { code: 'gateway/silent', service: 'upnp', closed: true },
  'gateway/malformed': { code: 'gateway/malformed', service: 'pcp' },
  'gateway/upnp-address': { code: 'gateway/upnp-address', ip: '203.0.113.1', connection: 'WANIPConnection:2' },
  'gateway/upnp-no-address': { code: 'gateway/upnp-no-address', connection: 'WANIPConnection:2' },
  'gateway/upnp-fault': { code: 'gateway/upnp-fault', connection: 'WANPPPConnection:1', status: 500, upnpError: 501 },
  'gateway/upnp-failed': { code: 'gateway/upnp-failed', step: 'description', problem: 'too-large' },
  'gateway/natpmp-address': { code: 'gateway/natpmp-address', ip: '203.0.113.1' },
  'gateway/natpmp-no-address': { code: 'gateway/natpmp-no-address' },
  'gateway/natpmp-refused': { code: 'gateway/natpmp-refused', result: 3 },
  'gateway/natpmp-other-version': { code: 'gateway/natpmp-other-version', version: 2 },
  'gateway/pcp-answered': { code: 'gateway/pcp-answered' },
  'gateway/pcp-refused': { code: 'gateway/pcp-refused', result: 7 },
  'gateway/pcp-nat-pmp-only': { code: 'gateway/pcp-nat-pmp-only' },
  'gateway/pcp-other-version': { code: 'gateway/pcp-other-version', version: 1 },
  'gateway/external-not-public': { code: 'gateway/external-not-public', ip: '100.64.0.2', scope: 'shared' },
  'gateway/sources-differ': { code: 'gateway/sources-differ', upnp: '203.0.113.1', natPmp: '203.0.113.2' },
  'gateway/mapping-offered': { code: 'gateway/mapping-offered', services: ['upnp', 'pcp'] },
};

// Every value a wording branches on.
const VARIANTS: readonly Message[] = [
  ...Object.values(SAMPLES),
  ...GATEWAY_NOT_ASKED.map((why) => ({ code: 'gateway/not-asked' as const, why })),
  ...GATEWAY_SERVICES.flatMap((service) => [true, false].map((closed) => ({ code: 'gateway/silent' as const, service, closed }))),
  ...GATEWAY_SERVICES.map((service) => ({ code: 'gateway/malformed' as const, service })),
  ...UPNP_STEPS.flatMap((step) => UPNP_PROBLEMS.map((problem) => ({ code: 'gateway/upnp-failed' as const, step, problem }))),
  { ...SAMPLES['gateway/upnp-fault'], status: 401, upnpError: null },
  ...[0, 1, 2, 3, 4, 5, 99].map((result) => ({ code: 'gateway/natpmp-refused' as const, result })),
  { code: 'gateway/natpmp-other-version', version: 7 },
  ...Array.from({ length: 15 }, (_, result) => ({ code: 'gateway/pcp-refused' as const, result })),
  ...NOT_PUBLIC_SCOPES.map((scope) => ({ ...SAMPLES['gateway/external-not-public'], scope })),
  ...[['upnp'], ['nat-pmp', 'pcp'], ['upnp', 'nat-pmp', 'pcp']].map((services) => ({ code: 'gateway/mapping-offered' as const, services: services as GatewayMessageOf<'gateway/mapping-offered'>['services'] })),
];

// As test/unit/text/area-messages.test.ts: one of these words alone marks an English sentence.
const ENGLISH = [' the ', ' was ', ' were ', ' from ', ' could ', ' not ', ' and ', ' with ', ' is ', ' of ', ' to ', ' answered', ' request ', 'allow ', ' any ', ' by ', ' no ', ' this ', ' which ', ' only ', ' every '];

describe('the gateway messages', () => {
  it('has a sample for every code, and every variant passes the check a report reader calls', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...GATEWAY_CODES].sort());
    for (const message of VARIANTS) {
      expect(isGatewayMessage(message), JSON.stringify(message)).toBe(true);
      expect(isMessage(message), JSON.stringify(message)).toBe(true);
    }
  });

  it('shares no code with another area', () => {
    const all = [...RULE_CODES, ...NAT_CODES, ...SIP_CODES, ...QUALITY_CODES, ...MONITOR_CODES, ...PROGRESS_CODES, ...CHANGE_CODES, ...GATEWAY_CODES];
    expect(new Set(all).size).toBe(all.length);
  });

  it.each([
    ['an unknown service', { code: 'gateway/silent', service: 'telnet', closed: false }],
    ['a public address called not public', { code: 'gateway/external-not-public', ip: '100.64.0.2', scope: 'public' }],
    ['an address that is a name', { code: 'gateway/upnp-address', ip: 'router.example', connection: 'WANIPConnection:1' }],
    ['a connection name with a line break', { code: 'gateway/upnp-no-address', connection: 'WANIPConnection:1\r\nX: y' }],
    ['a service named twice over the limit', { code: 'gateway/mapping-offered', services: ['upnp', 'upnp', 'pcp', 'pcp'] }],
    ['an extra value', { code: 'gateway/pcp-answered', lifetime: 0 }],
  ])('refuses %s read from a file', (_name, value) => {
    expect(isMessage(value)).toBe(false);
  });

  for (const language of ['en', 'de'] as const) {
    it(`words every variant in ${language === 'en' ? 'English' : 'German'} as one sentence or more`, () => {
      for (const message of VARIANTS) {
        const text = word(language, message);
        expect(text, message.code).not.toMatch(/undefined|null|NaN|\[object|\[[a-z-]+\/[a-z-]+\]/);
        expect(text, message.code).toMatch(/^[A-ZÄÖÜ].{10,}[.)]$/);
      }
    });
  }

  it('says every German wording without an English sentence, and differently from the English one', () => {
    for (const message of VARIANTS) {
      const german = word('de', message);
      expect(englishLines(german), message.code).toEqual([]);
      for (const marker of ENGLISH) expect(` ${german} `.toLowerCase(), `${message.code}: ${german}`).not.toContain(marker);
      expect(word('de', message), message.code).not.toBe(word('en', message));
    }
  });

  it('words the security note as the one line the report shows', () => {
    expect(word('en', SAMPLES['gateway/mapping-offered'])).toBe(
      'The router offers automatic port mapping (UPnP IGD and PCP); TrunkCheck never creates a mapping. Consider switching it off unless a device needs it.',
    );
    expect(word('de', SAMPLES['gateway/mapping-offered'])).toBe(
      'Der Router bietet automatische Portfreigaben an (UPnP IGD und PCP); TrunkCheck legt nie eine Freigabe an. Schalten Sie die Funktion ab, wenn kein Gerät sie braucht.',
    );
  });

  it('names what a non-public WAN address means: the provider’s NAT or a second router', () => {
    expect(word('en', SAMPLES['gateway/external-not-public'])).toContain('carrier-grade NAT');
    expect(word('de', { ...SAMPLES['gateway/external-not-public'], ip: '192.168.178.20', scope: 'private' })).toContain('weiterer eigener Router');
  });
});
