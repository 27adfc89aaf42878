// Checklists for the firewall export tests, built the way the app builds them: from the real
// reports of the NAT lab (test/fixtures) with the built-in SwyxWare profile.
import { readReportFixture } from '../../support/report-fixture';
import { defaultProfile } from '../../../shared/catalog/profiles';
import { buildChecklist, type Checklist } from '../../../shared/checklist/model';
import type { DiagnoseReport } from '../../../shared/report';
import type { Ipv6Section } from '../../../shared/report-ipv6';
import { ipv6Section } from '../../support/ipv6-section';

export type FixtureName = 'masquerade' | 'random-fully';
export const FIXTURES: readonly FixtureName[] = ['masquerade', 'random-fully'];

export function loadReport(name: FixtureName): DiagnoseReport {
  return readReportFixture(`report-v2-${name}.json`);
}

export const SITE = { name: 'Musterstadt HQ', customer: 'Beispiel GmbH', technician: 'A. Techniker' };

export function checklistFrom(name: FixtureName, options: { language?: 'en' | 'de'; qos?: boolean } = {}): Checklist {
  const report = loadReport(name);
  return buildChecklist(report, defaultProfile(), {
    site: SITE,
    language: options.language ?? 'en',
    qos: options.qos ?? true,
    createdAt: report.startedAt,
  });
}

// The masquerade report, but the SIP provider known only by name (its address never resolved) and a
// second STUN server by name: the case where exports need FQDN objects or TODO placeholders.
export function checklistWithNames(language: 'en' | 'de' = 'en'): Checklist {
  const report = loadReport('masquerade');
  const changed: DiagnoseReport = {
    ...report,
    stunServers: [...report.stunServers, { host: 'stun.example.net', port: 3478 }],
    sip: report.sip ? { ...report.sip, target: 'sip.example.net:5060' } : null,
    checks: { ...report.checks, sip: null },
  };
  return buildChecklist(changed, defaultProfile(), { site: SITE, language, qos: true, createdAt: report.startedAt });
}

// No address at all for the provider side: only names, none resolved.
export function checklistWithoutServerAddresses(): Checklist {
  const base = checklistWithNames();
  return {
    ...base,
    network: { ...base.network, stun: base.network.stun.map((server) => ({ ...server, host: server.host === '203.0.113.10' ? 'stun.example.org' : server.host, ip: null })) },
    rules: base.rules.map((rule) => {
      const strip = (endpoint: typeof rule.source) => (endpoint.anyAddress || endpoint.label === 'PBX' ? endpoint : { ...endpoint, addresses: [], hosts: ['stun.example.org', 'stun.example.net', 'sip.example.net'] });
      return { ...rule, source: strip(rule.source), destination: strip(rule.destination) };
    }),
  };
}

// The masquerade lab's report in the shapes a real run can have: with or without a SIP provider
// (`--sip`; the README's first example has none), with or without the media test (`--rtp`).
export interface ReportShape {
  readonly sip?: boolean;
  readonly media?: boolean;
}

export function reportWith({ sip = true, media = false }: ReportShape = {}): DiagnoseReport {
  const base = loadReport('masquerade');
  const rtp = { from: 40000, to: 40099 };
  return {
    ...base,
    sip: sip ? base.sip : null,
    checks: { ...base.checks, sip: sip ? base.checks.sip : null },
    rtp: media ? { range: rtp, mode: 'sample', local: null, probe: null } : null,
    rules: base.rules.map((rule) => {
      if (rule.id === 'outbound-signalling' && !sip) return { ...rule, evidence: [{ code: 'signalling/stun-out' as const, port: 65002, server: '203.0.113.10:3478', at: '2026-11-23T21:21:40.263Z' }] };
      if (rule.id === 'inbound-signalling' && !sip) return { ...rule, evidence: [{ code: 'signalling/stun-in' as const, port: 65002, from: '203.0.113.10:3478' }] };
      if (rule.id.endsWith('media') && media) return { ...rule, status: 'verified' as const, evidence: [{ code: 'media/inbound-open' as const, from: '203.0.113.11:3479', tested: 100, range: rtp }] };
      return rule;
    }),
  };
}

export function checklistWith(shape: ReportShape = {}, options: { language?: 'en' | 'de'; qos?: boolean; family?: 4 | 6 } = {}): Checklist {
  const report = reportWith(shape);
  const checklist = buildChecklist(report, defaultProfile(), { site: SITE, language: options.language ?? 'en', qos: options.qos ?? true, createdAt: report.startedAt });
  return options.family === 6 ? toIpv6(checklist) : checklist;
}

// An IPv6 PBX with IPv6 servers and no NAT: for ip6tables-restore and nft's ip6 matches.
export function checklistIpv6(): Checklist {
  return toIpv6(checklistFrom('masquerade'));
}

function toIpv6(base: Checklist): Checklist {
  const map = (ip: string) => ({ '192.168.100.5': '2001:db8::5', '203.0.113.10': '2001:db8:1::10', '203.0.113.20': '2001:db8:1::20' })[ip] ?? ip;
  return {
    ...base,
    network: { ...base.network, pbxIp: '2001:db8::5', publicIp: '2001:db8::5', gateway: null, stun: base.network.stun.map((server) => ({ ...server, ip: server.ip && map(server.ip) })), sip: base.network.sip && { ...base.network.sip, ip: base.network.sip.ip && map(base.network.sip.ip) } },
    rules: base.rules.map((rule) => ({
      ...rule,
      family: 6,
      source: { ...rule.source, addresses: rule.source.addresses.map(map) },
      destination: { ...rule.destination, addresses: rule.destination.addresses.map(map) },
    })),
  };
}

// A dual-stack PBX: the masquerade lab's IPv4 report with the IPv6 section of the dual-stack lab
// (no NAT, a stateful IPv6 firewall): eight rules, four per IP version.
export function reportDualStack(ipv6: Partial<Ipv6Section> = {}, shape?: ReportShape): DiagnoseReport {
  return { ...(shape ? reportWith(shape) : loadReport('masquerade')), ipv6: ipv6Section(ipv6) };
}

export function checklistDualStack(options: { language?: 'en' | 'de'; qos?: boolean; ipv6?: Partial<Ipv6Section>; shape?: ReportShape } = {}): Checklist {
  const report = reportDualStack(options.ipv6, options.shape);
  return buildChecklist(report, defaultProfile(), { site: SITE, language: options.language ?? 'en', qos: options.qos ?? true, createdAt: report.startedAt });
}

// A report where the voice rules were measured and failed, so the exports must name the fix.
export function checklistWithFailedMedia(language: 'en' | 'de' = 'en'): Checklist {
  const report = loadReport('masquerade');
  const changed: DiagnoseReport = {
    ...report,
    rules: report.rules.map((rule) => (rule.id.endsWith('media') ? { ...rule, status: 'failed', evidence: [{ code: 'media/outbound-blocked', ports: [55000, 56000], probed: 12, server: '203.0.113.10:3478' }] } : rule)),
    verdict: 'blocked',
  };
  return buildChecklist(changed, defaultProfile(), { site: SITE, language, qos: true, createdAt: report.startedAt });
}

// The values a reader must find in every export, read from the fixture and the profile.
export function fixtureFacts(name: FixtureName) {
  const report = loadReport(name);
  const profile = defaultProfile();
  return {
    pbxIp: report.local.ip,
    sipPort: report.local.sipPort,
    rtp: `${profile.rtp.from}-${profile.rtp.to}`,
    rtpFrom: profile.rtp.from,
    rtpTo: profile.rtp.to,
    stunIp: report.stunServers[0]?.host ?? '',
    stunPort: report.stunServers[0]?.port ?? 0,
    providerIp: report.checks.sip?.resolved?.ip ?? '',
    providerPort: report.checks.sip?.resolved?.port ?? 0,
    publicIp: report.publicAddress?.ip ?? '',
    createdAt: report.startedAt,
  };
}

// Words that must never reach a user: a value that was missing when the text was built.
export const LEAKED_VALUE = /\b(undefined|null|NaN)\b|\[object Object\]/;

export function count(text: string, pattern: RegExp): number {
  return text.match(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))?.length ?? 0;
}

// The lines of one nftables chain.
export function nftChain(text: string, name: string): string {
  const start = text.indexOf(`\tchain ${name} {`);
  if (start < 0) return '';
  return text.slice(start, text.indexOf('\n\t}', start));
}
