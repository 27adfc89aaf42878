// Every code of the NAT, SIP, quality, monitor, progress and history areas, worded in both
// languages. Each area's sample table is typed by code, so a new code without a sample does not
// compile; the loops find a code whose wording is missing, empty, undefined-ridden or (in German)
// English. The terminal's frame is checked the same way.
import { describe, expect, it } from 'vitest';
import { LANGUAGES, TERMINAL, word, type Language, type Message } from '../../../shared/text';
import { fromLegacyText } from '../../../shared/text/messages/legacy';
import { CHANGE_CODES, isChangeMessage, type ChangeCode, type ChangeMessageOf } from '../../../shared/text/messages/history';
import { isMonitorMessage, MONITOR_CODES, type MonitorCode, type MonitorMessageOf } from '../../../shared/text/messages/monitor';
import { isNatMessage, LIFETIME_FAILURES, NAT_BEHAVIOURS, NAT_CLASSICS, NAT_CODES, NAT_LABEL_CODES, type NatCode, type NatMessageOf } from '../../../shared/text/messages/nat';
import { isProgressMessage, PROGRESS_CODES, type ProgressCode, type ProgressMessageOf } from '../../../shared/text/messages/progress';
import { isQualityMessage, QUALITY_CODES, type QualityCode, type QualityMessageOf } from '../../../shared/text/messages/quality';
import { RULE_CODES, STUN_FAILURES } from '../../../shared/text/messages/rules';
import { ALG_DEVICES, isSipMessage, SIP_CODES, SIP_TRANSPORTS, type SipCode, type SipMessageOf } from '../../../shared/text/messages/sip';
import { isVerdictMessage, MAPPING_SERVICES, VERDICT_CODES, type VerdictCode, type VerdictMessageOf } from '../../../shared/text/messages/verdict';
import { CHECK_IDS } from '../../../shared/checks';
import { DIGEST_ALGORITHMS, REGISTER_OUTCOMES } from '../../../shared/register';
import { isRegistrationMessage, REGISTRATION_CODES, type RegistrationCode, type RegistrationMessageOf } from '../../../shared/text/messages/registration';
import { RULE_IDS } from '../../../shared/report';

const A = '203.0.113.10:3478';
const B = '203.0.113.11:3479';
const M = '198.51.100.7:65002';

const NAT: { readonly [C in NatCode]: NatMessageOf<C> } = {
  'mapping/no-nat': { code: 'mapping/no-nat' },
  'mapping/same': { code: 'mapping/same', mapped: M, towards: [A, '203.0.113.11:3478', B] },
  'mapping/alternate-silent': { code: 'mapping/alternate-silent', alternate: '203.0.113.11:3478' },
  'mapping/port-unknown': { code: 'mapping/port-unknown', from: M, to: '198.51.100.7:61000', other: B },
  'mapping/address-dependent': { code: 'mapping/address-dependent', from: M, to: '198.51.100.7:61000' },
  'mapping/address-and-port-dependent': { code: 'mapping/address-and-port-dependent', mapped: [M, '198.51.100.7:61000', '198.51.100.7:61001'] },
  'mapping/second-server-failed': { code: 'mapping/second-server-failed', server: B, reason: 'timeout' },
  'mapping/two-servers-differ': { code: 'mapping/two-servers-differ', first: M, second: '198.51.100.7:61000' },
  'mapping/not-tested': { code: 'mapping/not-tested' },
  'filtering/endpoint-independent': { code: 'filtering/endpoint-independent', from: B },
  'filtering/address-dependent': { code: 'filtering/address-dependent', knownIp: '203.0.113.10:3479', unknownIp: B },
  'filtering/address-and-port-dependent': { code: 'filtering/address-and-port-dependent', requests: 6, from: [B, '203.0.113.10:3479'] },
  'filtering/refused': { code: 'filtering/refused', server: A },
  'filtering/ignored': { code: 'filtering/ignored', server: A },
  'filtering/wrong-source': { code: 'filtering/wrong-source', test: 'ii', from: '192.0.2.9:3478', expected: B },
  'filtering/not-trusted': { code: 'filtering/not-trusted', alternate: '203.0.113.11:3478' },
  'filtering/not-tested': { code: 'filtering/not-tested' },
  'filtering/no-socket': { code: 'filtering/no-socket' },
  'probe/mapping-ii': { code: 'probe/mapping-ii' },
  'probe/mapping-iii': { code: 'probe/mapping-iii' },
  'probe/second-server': { code: 'probe/second-server' },
  'probe/filtering-ii': { code: 'probe/filtering-ii' },
  'probe/filtering-iii': { code: 'probe/filtering-iii' },
  'probe/failed': { code: 'probe/failed', reason: 'refused' },
  'server/usable': { code: 'server/usable', other: B },
  'server/origin-differs': { code: 'server/origin-differs', origin: '10.0.0.5:3478', from: A },
  'server/no-other-address': { code: 'server/no-other-address' },
  'server/other-same-ip': { code: 'server/other-same-ip', other: '203.0.113.10:3479' },
  'server/other-same-port': { code: 'server/other-same-port', other: '203.0.113.11:3478' },
  'server/other-family': { code: 'server/other-family', other: '[2001:db8::11]:3479' },
  'alg/mapped-differs': { code: 'alg/mapped-differs', plain: '192.168.100.5:65002', mapped: M },
  'alg/agree': { code: 'alg/agree' },
  'alg/not-comparable': { code: 'alg/not-comparable' },
  'lifetime/survived-all': { code: 'lifetime/survived-all', delays: [5, 10, 15] },
  'lifetime/gone-at-first': { code: 'lifetime/gone-at-first', dead: 5 },
  'lifetime/between': { code: 'lifetime/between', alive: 10, dead: 15 },
  'lifetime/not-measured': { code: 'lifetime/not-measured', why: 'response-port-ignored', server: A },
  'lifetime/keepalive-enough': { code: 'lifetime/keepalive-enough', keepalive: 10 },
  'lifetime/keepalive-too-slow': { code: 'lifetime/keepalive-too-slow', keepalive: 10, recommended: 5 },
  'nat/port-kept': { code: 'nat/port-kept', port: 65002 },
  'nat/port-changed': { code: 'nat/port-changed', local: 65002, mapped: 61000 },
  'nat/port-unknown': { code: 'nat/port-unknown' },
  'nat/hairpin-yes': { code: 'nat/hairpin-yes' },
  'nat/hairpin-no': { code: 'nat/hairpin-no' },
  'nat/hairpin-not-tested': { code: 'nat/hairpin-not-tested' },
  'nat/timeouts': { code: 'nat/timeouts', rttMs: 3.4 },
  'nat/type': { code: 'nat/type', classic: 'port-restricted-cone' },
  'nat/behaviour': { code: 'nat/behaviour', behaviour: 'address-and-port-dependent' },
  'nat/verdict': { code: 'nat/verdict', classic: 'symmetric', supported: false, profile: 'SwyxWare (SwyxLinkManager)' },
  'nat/meaning': { code: 'nat/meaning', classic: 'port-restricted-cone', mapping: 'endpoint-independent', sipPort: 65002 },
  'nat-fix/symmetric-forward': { code: 'nat-fix/symmetric-forward', sipPort: 65002, rtp: { from: 55000, to: 56000 }, pbxIp: '192.168.100.5' },
  'nat-fix/symmetric-static': { code: 'nat-fix/symmetric-static' },
  'nat-fix/blocked': { code: 'nat-fix/blocked', sipPort: 65002, rtp: { from: 55000, to: 56000 }, pbxIp: '192.168.100.5' },
  'nat-fix/firewall': { code: 'nat-fix/firewall', sipPort: 65002, rtp: { from: 55000, to: 56000 }, pbxIp: '192.168.100.5' },
  'nat-fix/unknown': { code: 'nat-fix/unknown' },
  'nat-fix/unknown-filtering': { code: 'nat-fix/unknown-filtering' },
};

const SIP: { readonly [C in SipCode]: SipMessageOf<C> } = {
  'dns/ip-literal': { code: 'dns/ip-literal', host: '203.0.113.20', port: 5060 },
  'dns/port-given': { code: 'dns/port-given', host: 'sip.example.net', port: 5060 },
  'dns/tcp-tls-too': { code: 'dns/tcp-tls-too', tcpPort: 5060, tlsPort: 5061 },
  'dns/naptr-none': { code: 'dns/naptr-none', domain: 'example.net', outcome: 'nxdomain', rcode: null },
  'dns/naptr': { code: 'dns/naptr', domain: 'example.net', records: [{ service: 'SIP+D2U', order: 10, preference: 10, replacement: '_sip._udp.example.net' }] },
  'dns/naptr-ignored': { code: 'dns/naptr-ignored', services: ['E2U+sip'] },
  'dns/naptr-unusable': { code: 'dns/naptr-unusable', domain: 'example.net' },
  'dns/prefers': { code: 'dns/prefers', transport: 'tls' },
  'dns/naptr-no-udp': { code: 'dns/naptr-no-udp' },
  'dns/naptr-no-targets': { code: 'dns/naptr-no-targets' },
  'dns/srv-fallback': { code: 'dns/srv-fallback', domain: 'example.net', udpPort: 5060, tlsPort: 5061 },
  'dns/srv-none': { code: 'dns/srv-none', name: '_sip._udp.example.net', outcome: 'failed', rcode: 'ESERVFAIL' },
  'dns/srv-not-offered': { code: 'dns/srv-not-offered', name: '_sip._tcp.example.net', transport: 'tcp' },
  'dns/srv': { code: 'dns/srv', name: '_sip._udp.example.net', records: [{ target: 'sip1.example.net', port: 5060, priority: 10, weight: 60 }] },
  'dns/addresses': {
    code: 'dns/addresses',
    host: 'sip1.example.net',
    lookups: [
      { type: 'A', outcome: 'found', ips: ['203.0.113.20'], rcode: null },
      { type: 'AAAA', outcome: 'nodata', ips: [], rcode: null },
    ],
  },
  'sip-alg/via-rewritten': { code: 'sip-alg/via-rewritten', got: '203.0.113.1:65002', sent: '192.168.100.5:65002' },
  'sip-alg/no-received': { code: 'sip-alg/no-received', local: '192.168.100.5', mapped: '203.0.113.1:65002' },
  'sip-alg/private-received': { code: 'sip-alg/private-received', received: '192.168.100.5', mapped: '203.0.113.1' },
  'sip-alg/received-split': { code: 'sip-alg/received-split', received: '203.0.113.2', mapped: '203.0.113.1' },
  'sip-alg/received-differs': { code: 'sip-alg/received-differs', received: '198.51.100.9', mapped: '203.0.113.1' },
  'sip-alg/rport-split': { code: 'sip-alg/rport-split', rport: 31337, mapped: 65002 },
  'sip-alg/rport-differs': { code: 'sip-alg/rport-differs', rport: 1024, mapped: 65002 },
  'sip-alg/no-rport': { code: 'sip-alg/no-rport' },
  'sip-alg/no-stun': { code: 'sip-alg/no-stun' },
  'sip-alg/consistent': { code: 'sip-alg/consistent', seen: '203.0.113.1:65002' },
  'sip-alg/via-unreadable': { code: 'sip-alg/via-unreadable' },
  'sip-alg/via-echoed': { code: 'sip-alg/via-echoed' },
  'sip-alg/via-changed': { code: 'sip-alg/via-changed', got: '203.0.113.1:65002', sent: '192.168.100.5:65002' },
  'sip-alg/header-rewritten': { code: 'sip-alg/header-rewritten', header: 'contact', sent: '192.168.100.5:65002', got: '203.0.113.1:65002' },
  'sip-alg/stun-rewritten': { code: 'sip-alg/stun-rewritten', plain: '192.168.100.5:65002', mapped: '203.0.113.1:65002' },
  'sip-alg/switch-off': { code: 'sip-alg/switch-off', device: 'fortigate' },
};

const QUALITY: { readonly [C in QualityCode]: QualityMessageOf<C> } = {
  'quality/loss-pass': { code: 'quality/loss-pass', oneWay: 0.1, roundTrip: 0.2, limit: 1 },
  'quality/loss-fail': { code: 'quality/loss-fail', oneWay: 5, roundTrip: 9.7, limit: 1 },
  'quality/jitter-pass': { code: 'quality/jitter-pass', jitter: 4.2, limit: 20 },
  'quality/server-stopped': { code: 'quality/server-stopped', after: 1.2, duration: 2, unanswered: 40 },
  'quality/jitter-fail': { code: 'quality/jitter-fail', jitter: 30, limit: 20 },
  'quality/rtt-pass': { code: 'quality/rtt-pass', avg: 35.1, p95: 41, limit: 100 },
  'quality/rtt-fail': { code: 'quality/rtt-fail', avg: 180, p95: 240.5, limit: 150 },
  'quality/nothing-sent': { code: 'quality/nothing-sent' },
  'quality/no-answers': { code: 'quality/no-answers', sent: 100 },
  'quality/too-few-for-jitter': { code: 'quality/too-few-for-jitter' },
  'quality/good': { code: 'quality/good' },
  'quality/bad': { code: 'quality/bad' },
  'keepalive/not-measured': { code: 'keepalive/not-measured', profile: 10 },
  'keepalive/enough': { code: 'keepalive/enough', lifetime: 15, profile: 10 },
  'keepalive/shorter': { code: 'keepalive/shorter', lifetime: 2.5, profile: 10, interval: 2 },
};

const MONITOR: { readonly [C in MonitorCode]: MonitorMessageOf<C> } = {
  'monitor/started': { code: 'monitor/started', mapped: M, rttMs: 25 },
  'monitor/ok': { code: 'monitor/ok', mapped: M, rttMs: 24.6 },
  'monitor/miss': { code: 'monitor/miss', consecutive: 2, reason: 'timeout' },
  'monitor/binding-lost': { code: 'monitor/binding-lost', misses: 3, server: A, port: 65002 },
  'monitor/recovered': { code: 'monitor/recovered', misses: 4, mapped: '198.51.100.7:40123' },
  'monitor/address-changed': { code: 'monitor/address-changed', from: M, to: '198.51.100.8:65002', ipChanged: true },
};

const PROGRESS: { readonly [C in ProgressCode]: ProgressMessageOf<C> } = {
  'ui/start': { code: 'ui/start' },
  'stun/resolve': { code: 'stun/resolve', servers: ['stun.example.net', 'stun2.example.net:3478'] },
  'stun/bind': { code: 'stun/bind', port: 65002 },
  'stun/request': { code: 'stun/request', server: A, port: 65002 },
  'stun/done': { code: 'stun/done' },
  'stun/failed': { code: 'stun/failed' },
  'nat/probes': { code: 'nat/probes' },
  'nat/classify': { code: 'nat/classify' },
  'nat/lifetime': { code: 'nat/lifetime', elapsed: 7, total: 15 },
  'sip/resolve': { code: 'sip/resolve', target: 'sip.example.net' },
  'sip/options': { code: 'sip/options', port: 65002, target: '203.0.113.20:5060' },
  'register/request': { code: 'register/request', port: 65002, target: '203.0.113.20:5060', aor: 'sip:trunk1@sip.example.net' },
  'register/inbound-wait': { code: 'register/inbound-wait', elapsed: 4, total: 30 },
  'register/unregister': { code: 'register/unregister', target: '203.0.113.20:5060' },
  'media/scan': { code: 'media/scan', range: { from: 55000, to: 56000 } },
  'media/ports': { code: 'media/ports', done: 4, total: 12 },
  'quality/measure': { code: 'quality/measure', seconds: 10 },
  'ipv6/start': { code: 'ipv6/start', address: '2001:db8::5' },
  'ipv6/check': { code: 'ipv6/check', address: '2001:db8::5', check: 'media' },
  'ipv6/done': { code: 'ipv6/done', address: '2001:db8::5' },
  'ipv6/failed': { code: 'ipv6/failed', address: '2001:db8::5' },
  'diagnose/done': { code: 'diagnose/done' },
};

const HISTORY: { readonly [C in ChangeCode]: ChangeMessageOf<C> } = {
  'change/verdict': { code: 'change/verdict', from: 'incomplete', to: 'blocked' },
  'change/nat-type': { code: 'change/nat-type', from: 'port-restricted-cone', to: 'symmetric', supported: false },
  'change/nat-support': { code: 'change/nat-support', classic: 'full-cone', supported: true },
  'change/mapping': { code: 'change/mapping', from: 'endpoint-independent', to: 'address-and-port-dependent' },
  'change/filtering': { code: 'change/filtering', from: 'address-dependent', to: 'address-and-port-dependent' },
  'change/port-kept': { code: 'change/port-kept', port: 65002, kept: false },
  'change/lifetime': { code: 'change/lifetime', from: 30, to: 15 },
  'change/hairpinning': { code: 'change/hairpinning', works: true },
  'change/public-address': { code: 'change/public-address', from: M, to: '198.51.100.8:65002' },
  'change/public-address-lost': { code: 'change/public-address-lost', from: M },
  'change/public-address-found': { code: 'change/public-address-found', to: M },
  'change/sip-target': { code: 'change/sip-target', from: 'sip.example.net', to: 'sip2.example.net' },
  'change/sip-silent': { code: 'change/sip-silent', target: 'sip.example.net' },
  'change/sip-answers': { code: 'change/sip-answers', target: 'sip.example.net', status: 200, reason: 'OK' },
  'change/sip-status': { code: 'change/sip-status', target: 'sip.example.net', fromStatus: 200, fromReason: 'OK', toStatus: 403, toReason: 'Forbidden' },
  'change/sip-not-checked': { code: 'change/sip-not-checked', from: 'sip.example.net' },
  'change/sip-checked': { code: 'change/sip-checked', to: 'sip.example.net' },
  'change/sip-alg': { code: 'change/sip-alg', suspected: true },
  'change/sip-seen-from': { code: 'change/sip-seen-from', from: M, to: '198.51.100.7:1024' },
  'change/rule': { code: 'change/rule', rule: 'inbound-media', from: 'verified', to: 'failed' },
  'change/pbx-address': { code: 'change/pbx-address', from: '192.168.100.5:65002', to: '192.168.100.6:65002' },
  'change/gateway': { code: 'change/gateway', from: '192.168.100.1', to: null },
  'change/profile': { code: 'change/profile', from: 'swyxware', to: '3cx' },
  'change/stun-servers': { code: 'change/stun-servers', from: [A], to: [] },
};

const RTP = { from: 55000, to: 56000 };
const VERDICT: { readonly [C in VerdictCode]: VerdictMessageOf<C> } = {
  'todo/forward': { code: 'todo/forward', pbxIp: '192.168.100.5', sipPort: 5060, rtp: { from: 9000, to: 10999 } },
  'todo/forward-both-routers': { code: 'todo/forward-both-routers', pbxIp: '192.168.100.5', sipPort: 5060, rtp: { from: 9000, to: 10999 } },
  'todo/cgn-public-address': { code: 'todo/cgn-public-address' },
  'todo/cgn-keepalive': { code: 'todo/cgn-keepalive', seconds: 10 },
  'todo/fragments-allow': { code: 'todo/fragments-allow' },
  'todo/fragments-tcp': { code: 'todo/fragments-tcp' },
  'todo/run-again': { code: 'todo/run-again', check: 'media' },
  'todo/name-sip-server': { code: 'todo/name-sip-server' },
  'todo/test-media': { code: 'todo/test-media' },
  'todo/test-rule': { code: 'todo/test-rule', rule: 'inbound-media' },
  'caveat/one-way-audio': { code: 'caveat/one-way-audio', pbxIp: '192.168.100.5', rtp: RTP, behindCgn: false },
  'note/port-mapping-offered': { code: 'note/port-mapping-offered', services: ['upnp', 'nat-pmp', 'pcp'] },
  'todo/register-unsupported': { code: 'todo/register-unsupported', aor: 'sip:trunk1@sip.example.net' },
  'caveat/no-inbound-request': { code: 'caveat/no-inbound-request', seconds: 30 },
  'caveat/register-left': { code: 'caveat/register-left', seconds: 120 },
};

const REGISTRATION: { readonly [C in RegistrationCode]: RegistrationMessageOf<C> } = {
  'registration/outcome': { code: 'registration/outcome', outcome: 'registered', aor: 'sip:trunk1@sip.example.net', status: 200, reason: 'OK', rttMs: 24 },
  'registration/digest': { code: 'registration/digest', challenged: true, algorithm: 'SHA-256' },
  'registration/expiry': { code: 'registration/expiry', seconds: 120, contact: 'sip:trunk1@192.168.100.5:65002' },
  'registration/seen-as': { code: 'registration/seen-as', received: '198.51.100.7', rport: 65002 },
  'registration/inbound': { code: 'registration/inbound', method: 'OPTIONS', from: '203.0.113.20:5060', afterMs: 2400, answered: 200 },
  'registration/no-inbound': { code: 'registration/no-inbound', waitedMs: 30000 },
  'registration/unregister': { code: 'registration/unregister', done: true },
};

// Every variant a wording branches on.
const VARIANTS: readonly Message[] = [
  ...Object.values(NAT),
  ...STUN_FAILURES.map((reason) => ({ ...NAT['probe/failed'], reason })),
  ...STUN_FAILURES.map((reason) => ({ ...NAT['mapping/second-server-failed'], reason })),
  ...LIFETIME_FAILURES.map((why) => ({ ...NAT['lifetime/not-measured'], why })),
  ...NAT_CLASSICS.flatMap((classic) => [
    { code: 'nat/type' as const, classic },
    { ...NAT['nat/meaning'], classic },
    { ...NAT['nat/meaning'], classic, mapping: 'unknown' as const },
    ...[true, false, null].map((supported) => ({ ...NAT['nat/verdict'], classic, supported })),
  ]),
  ...NAT_BEHAVIOURS.map((behaviour) => ({ code: 'nat/behaviour' as const, behaviour })),
  { ...NAT['mapping/same'], towards: [A, B] },
  { ...NAT['filtering/wrong-source'], test: 'iii' },
  ...Object.values(SIP),
  ...ALG_DEVICES.map((device) => ({ code: 'sip-alg/switch-off' as const, device })),
  ...SIP_TRANSPORTS.map((transport) => ({ ...SIP['dns/prefers'], transport })),
  ...(['nxdomain', 'nodata', 'failed'] as const).map((outcome) => ({ ...SIP['dns/naptr-none'], outcome, rcode: outcome === 'failed' ? 'ETIMEOUT' : null })),
  ...Object.values(QUALITY),
  ...Object.values(MONITOR),
  ...STUN_FAILURES.map((reason) => ({ ...MONITOR['monitor/miss'], reason })),
  { ...MONITOR['monitor/address-changed'], ipChanged: false },
  ...Object.values(PROGRESS),
  ...Object.values(HISTORY),
  ...([true, false, null] as const).map((supported) => ({ ...HISTORY['change/nat-type'], supported })),
  { ...HISTORY['change/nat-support'], supported: false },
  { ...HISTORY['change/port-kept'], kept: true },
  { ...HISTORY['change/hairpinning'], works: false },
  { ...HISTORY['change/sip-alg'], suspected: false },
  { ...HISTORY['change/sip-answers'], status: null, reason: null },
  ...(['verified', 'failed', 'untested'] as const).flatMap((from) => (['verified', 'failed', 'untested'] as const).map((to) => ({ ...HISTORY['change/rule'], from, to }))),
  ...(['ready', 'action-needed', 'blocked', 'incomplete'] as const).flatMap((from) => (['ready', 'action-needed', 'blocked', 'incomplete'] as const).map((to) => ({ ...HISTORY['change/verdict'], from, to }))),
  ...Object.values(VERDICT),
  ...CHECK_IDS.map((check) => ({ code: 'todo/run-again' as const, check })),
  ...RULE_IDS.map((rule) => ({ code: 'todo/test-rule' as const, rule })),
  { ...VERDICT['caveat/one-way-audio'], behindCgn: true },
  ...MAPPING_SERVICES.map((service) => ({ ...VERDICT['note/port-mapping-offered'], services: [service] })),
  { ...VERDICT['caveat/register-left'], seconds: null },
  ...Object.values(REGISTRATION),
  ...REGISTER_OUTCOMES.flatMap((outcome) => [
    { ...REGISTRATION['registration/outcome'], outcome },
    { ...REGISTRATION['registration/outcome'], outcome, status: null, reason: null, rttMs: null },
  ]),
  ...DIGEST_ALGORITHMS.map((algorithm) => ({ ...REGISTRATION['registration/digest'], algorithm })),
  { ...REGISTRATION['registration/digest'], challenged: false, algorithm: null },
  { ...REGISTRATION['registration/digest'], algorithm: null },
  { ...REGISTRATION['registration/expiry'], contact: null },
  { ...REGISTRATION['registration/seen-as'], received: null, rport: null },
  { ...REGISTRATION['registration/inbound'], from: null, afterMs: null, answered: null },
  ...([false, null] as const).map((done) => ({ ...REGISTRATION['registration/unregister'], done })),
];

// Words that mark an English sentence; none of them is a German word or a protocol name.
const ENGLISH = [' the ', ' was ', ' were ', ' from ', ' could ', ' not ', ' and ', ' with ', ' is ', ' of ', ' to ', ' answered', ' request ', 'allow ', ' any ', ' by ', ' no ', ' this ', ' which ', ' only ', ' every '];

// Labels (names in a table cell) and progress lines are not sentences; everything else is one or more.
const isLabel = (message: Message): boolean => (NAT_LABEL_CODES as readonly string[]).includes(message.code) || message.code.startsWith('probe/mapping') || message.code.startsWith('probe/filtering') || message.code === 'probe/second-server' || (PROGRESS_CODES as readonly string[]).includes(message.code);

const GUARDS = [isNatMessage, isSipMessage, isQualityMessage, isMonitorMessage, isProgressMessage, isChangeMessage, isVerdictMessage, isRegistrationMessage];

describe('the wording of the NAT, SIP, quality, monitor, progress, history and verdict messages', () => {
  it('has a sample for every code of every area, and every variant passes its area\'s check', () => {
    expect(Object.keys(NAT).sort()).toEqual([...NAT_CODES].sort());
    expect(Object.keys(SIP).sort()).toEqual([...SIP_CODES].sort());
    expect(Object.keys(QUALITY).sort()).toEqual([...QUALITY_CODES].sort());
    expect(Object.keys(MONITOR).sort()).toEqual([...MONITOR_CODES].sort());
    expect(Object.keys(PROGRESS).sort()).toEqual([...PROGRESS_CODES].sort());
    expect(Object.keys(HISTORY).sort()).toEqual([...CHANGE_CODES].sort());
    expect(Object.keys(VERDICT).sort()).toEqual([...VERDICT_CODES].sort());
    expect(Object.keys(REGISTRATION).sort()).toEqual([...REGISTRATION_CODES].sort());
    for (const message of VARIANTS) expect(GUARDS.filter((guard) => guard(message)), JSON.stringify(message)).toHaveLength(1);
  });

  it('gives every code of every area, the rules included, to exactly one area', () => {
    const all = [...RULE_CODES, ...NAT_CODES, ...SIP_CODES, ...QUALITY_CODES, ...MONITOR_CODES, ...PROGRESS_CODES, ...CHANGE_CODES, ...VERDICT_CODES, ...REGISTRATION_CODES];
    expect(new Set(all).size).toBe(all.length);
  });

  for (const language of LANGUAGES) {
    it(`words every code in ${language === 'en' ? 'English' : 'German'}: a label, a progress line, or one full sentence or more`, () => {
      for (const message of VARIANTS) {
        const text = word(language, message);
        expect(text, message.code).not.toMatch(/undefined|null|NaN|\[object|\[[a-z-]+\/[a-z-]+\]/);
        if (isLabel(message)) expect(text, message.code).toMatch(/^\S.{1,}\S$/);
        else expect(text, message.code).toMatch(/^\S.{10,}[.)]$/);
      }
    });
  }

  it('says every German wording without an English sentence', () => {
    for (const message of VARIANTS) {
      const text = ` ${word('de', message)} `;
      for (const marker of ENGLISH) expect(text.toLowerCase(), `${message.code}: ${text}`).not.toContain(marker);
    }
  });

  it('words every code differently in German than in English (names that are the same in both aside)', () => {
    const same = new Set(['nat/behaviour']);
    for (const message of VARIANTS) if (!same.has(message.code) && message.code !== 'nat/type') expect(word('de', message), message.code).not.toBe(word('en', message));
  });

  it('uses the German network vocabulary of the wizard and the checklist', () => {
    expect(word('de', { code: 'nat/behaviour', behaviour: 'endpoint-independent' })).toBe('Endpunkt-unabhängig');
    expect(word('de', { code: 'nat/behaviour', behaviour: 'address-and-port-dependent' })).toBe('Adress- und portabhängig');
    expect(word('de', NAT['lifetime/not-measured'])).toContain('Haltedauer der Zuordnung');
    expect(word('de', NAT['nat/verdict'])).toBe('Symmetrisches NAT: wird von SwyxWare (SwyxLinkManager) NICHT unterstützt.');
    expect(word('de', NAT['nat-fix/symmetric-forward'])).toContain('statisch an die TK-Anlage (192.168.100.5) weiterleiten');
  });

  it('writes numbers the German way in German', () => {
    expect(word('de', QUALITY['quality/loss-fail'])).toContain('Paketverlust 5,0 % je Richtung (9,7 % der Umläufe)');
    expect(word('en', QUALITY['quality/loss-fail'])).toContain('Packet loss 5.0 % each way (9.7 % of round trips)');
    expect(word('de', QUALITY['keepalive/shorter'])).toContain('nur 2,5 s');
    expect(word('de', NAT['nat/timeouts'])).toContain('3,4 ms');
  });

  it('shows an old report\'s English sentence as it is', () => {
    expect(word('de', fromLegacyText('Mapping not tested: no OTHER-ADDRESS.'))).toBe('Mapping not tested: no OTHER-ADDRESS.');
  });
});

describe('the check of a NAT or SIP message read from a file', () => {
  it.each([
    ['an unknown code', { code: 'mapping/everything-fine' }],
    ['an address list with a name in it', { ...NAT['mapping/same'], towards: [A, 'evil.example:3478'] }],
    ['a behaviour that does not exist', { code: 'nat/behaviour', behaviour: 'friendly' }],
    ['a lifetime of minus five seconds', { ...NAT['lifetime/gone-at-first'], dead: -5 }],
    ['a DNS record with a line break', { ...SIP['dns/naptr'], records: [{ service: 'SIP+D2U\r\nX: 1', order: 10, preference: 10, replacement: '.' }] }],
    ['a DNS record with an extra value', { ...SIP['dns/srv'], records: [{ target: 'a', port: 5060, priority: 1, weight: 1, evil: true }] }],
    ['a router the catalog does not know', { code: 'sip-alg/switch-off', device: 'toaster' }],
  ])('refuses %s', (_name, value) => {
    expect(GUARDS.some((guard) => guard(value))).toBe(false);
  });
});

describe('the terminal frame', () => {
  const flatten = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : typeof value === 'object' && value !== null ? Object.values(value).flatMap(flatten) : [];

  for (const language of LANGUAGES) {
    it(`has every label and phrase in ${language === 'en' ? 'English' : 'German'}`, () => {
      const t = TERMINAL[language as Language];
      for (const text of flatten(t).filter((_, index, all) => all[index] !== '')) expect(text.trim().length).toBeGreaterThan(0);
      expect(t.header('1.0.0', 'SwyxWare', 65002)).toContain('65002');
      expect(t.rtpSummary({ from: 55000, to: 56000 }, 12, false, 12, 12, 0, [55000])).toContain('55000-56000');
    });
  }

  it('says the provider did not tell where it saw the request from, instead of printing a half address', () => {
    expect(TERMINAL.en.sipAnswered('203.0.113.20:5060', 200, 'OK', 4, null, null)).toBe(
      '203.0.113.20:5060: 200 OK in 4.0 ms; the provider did not say where it saw the request from (no received, no rport)',
    );
    expect(TERMINAL.de.sipAnswered('203.0.113.20:5060', 200, 'OK', 4, null, null)).toContain('der Provider sagte nicht, woher er die Anfrage kommen sah');
    expect(TERMINAL.en.sipAnswered('203.0.113.20:5060', 200, 'OK', 4, '203.0.113.1', null)).toContain('the provider saw 203.0.113.1:?');
  });

  it('frames the German report without English words', () => {
    const t = TERMINAL.de;
    const lines = [
      ...flatten(t),
      t.stunAnswer(A, 3.2, 1, 'Coturn'),
      t.measuredIn(120, 3.4),
      t.sipAnswered('203.0.113.20:5060', 200, 'OK', 12, '203.0.113.1', 65002),
      t.sipAnswered('203.0.113.20:5060', 200, 'OK', 12, null, null),
      t.transport('sip.example.net:5061', 'ok', 40, { name: 'sip.example.net', days: 80 }),
      t.rtpSummary({ from: 55000, to: 56000 }, 12, true, 12, 11, 0, [55001]),
      t.qualitySummary('pass', 0, 1.2, 20),
      t.savedFirst('head-office', '/tmp/x.json'),
      t.since('head-office', '2026-11-23T21:21:40.263Z'),
      t.keeping(65002, A, 10),
      t.monitorSummary(4, 4, 0, 0, 0),
      t.wrote('checklist.pdf', 1000),
      // The IPv6 block and the expected call quality per codec.
      t.translation('none', null),
      t.translation('translated', '2001:db8:ff::5'),
      t.translation('unknown', null),
      t.mosEstimate('G.722', true, { mos: 4.21, r: 110.3, jitterBufferMs: 20, mouthToEarMs: 72 }, 'good'),
      t.mosEstimate('G.729', false, { mos: 3.1, r: 60, jitterBufferMs: 120, mouthToEarMs: 290 }, 'poor'),
      t.mosEstimate('G.711', false, null, 'unknown'),
    ];
    for (const line of lines) for (const marker of ENGLISH) expect(` ${line} `.toLowerCase(), line).not.toContain(marker);
  });
});
