// The terminal's frame in English: labels and the phrases around measured values.
import { FORMAT } from '../format';
import type { MappingService } from '../../path';
import type { TerminalText } from '../terminal';

const f = FORMAT.en;
const ms = (value: number): string => f.number(value, value < 10 ? 1 : 0);
const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

const VERDICT = { ready: 'READY', 'action-needed': 'ACTION NEEDED', blocked: 'BLOCKED', incomplete: 'INCOMPLETE' } as const;
const FRAGMENTS = { passes: 'pass', dropped: 'dropped', untested: 'not tested' } as const;
const GRADES = { good: 'good', acceptable: 'acceptable', poor: 'poor', unknown: 'unknown' } as const;

export const terminalEn: TerminalText = {
  header: (version, profile, sipPort) => `TrunkCheck ${version} · ${profile} · SIP port ${sipPort}`,
  labels: {
    nat: 'NAT type',
    secondNat: 'Second NAT',
    router: 'Router',
    fragments: 'IP fragments',
    publicAddress: 'Public address',
    stunServer: 'STUN server',
    mapping: 'Mapping',
    filtering: 'Filtering',
    hairpinning: 'Hairpinning',
    serverNote: 'STUN server note',
    alg: 'Warning',
    lifetime: 'Binding lifetime',
    measuredIn: 'Measured in',
    sipOptions: 'SIP OPTIONS',
    register: 'Registration',
    rtpPorts: 'RTP ports',
    keepalive: 'Keep-alive',
    quality: 'Line quality',
    verdict: 'Verdict',
    ipv6: 'IPv6 path',
    ipv6Address: 'IPv6 address',
    translation: 'Translation',
    ipv6Firewall: 'IPv6 firewall',
    mos: 'Expected MOS',
  },
  sublabels: { fix: 'Fix', dns: 'DNS', dnsWarning: 'DNS warning', algNote: 'Checked', sipAlg: 'SIP ALG', switchOff: 'Switch it off', inbound: 'Inbound', finding: '' },
  rulesTitle: 'Firewall rules',
  headline: (verdict) => `Verdict: ${VERDICT[verdict]}`,
  whatToDoTitle: 'What to do',
  caveatsTitle: 'Caveats',
  notesTitle: 'Notes',
  secondNat: (double, carrierGrade) =>
    double === 'unknown'
      ? 'not measured'
      : double === 'no'
        ? 'no'
        : carrierGrade === 'yes'
          ? 'yes: the provider’s carrier-grade NAT (DS-Lite or CGN)'
          : carrierGrade === 'no'
            ? 'yes: a second router of your own'
            : 'yes, whose is not known',
  router: (ip, externalIp, mapping) => {
    const service = (name: string, offered: MappingService): string => `${name} ${offered === true ? 'offered' : offered === false ? 'refused' : 'no answer'}`;
    return `${ip ?? 'unknown'}, says its WAN address is ${externalIp ?? '(none)'}; ${service('UPnP', mapping.upnp)}, ${service('NAT-PMP', mapping.natPmp)}, ${service('PCP', mapping.pcp)}`;
  },
  fragments: (outbound, inbound) => `outbound ${FRAGMENTS[outbound]}, inbound ${FRAGMENTS[inbound]}`,
  portPreserved: 'port preserved',
  portChanged: (from) => `port changed from ${from}`,
  publicAddressUnknown: 'unknown (see the firewall rules below)',
  nothingFilters: 'None (nothing filters)',
  stunAnswer: (server, rttMs, retransmissions, software) =>
    `${server}, ${ms(rttMs)} ms${retransmissions ? ` after ${plural(retransmissions, 'retransmission', 'retransmissions')}` : ''}${software ? `, ${software}` : ''}`,
  yes: 'yes',
  no: 'no',
  notTested: 'not tested',
  measuredIn: (durationMs, rttMs) => `${f.number(durationMs)} ms${rttMs === null ? '' : ` (round trip ${ms(rttMs)} ms)`}`,
  sipAnswered: (target, status, reason, rttMs, received, rport) =>
    `${target}: ${status ?? '?'}${reason ? ` ${reason}` : ''}${rttMs === null ? '' : ` in ${ms(rttMs)} ms`}; ${received === null && rport === null ? 'the provider did not say where it saw the request from (no received, no rport)' : `the provider saw ${received ?? '(no received)'}:${rport ?? '?'}`}`,
  transport: (target, outcome, time, certificate) =>
    `${target}: ${outcome} in ${f.number(time)} ms${certificate ? `, certificate ${certificate.name} valid ${certificate.days} more days` : ''}`,
  rtpSummary: (range, probed, full, outbound, kept, inbound, held) =>
    `${f.range(range)}: ${probed} tested (${full ? 'all ports' : 'sample'}), outbound ${outbound}/${probed}, port kept ${kept}/${probed}, inbound from unknown ${inbound}/${probed}` +
    (held.length > 0 ? `; held by other programs: ${f.ports(held)}` : ''),
  keepaliveEvery: (seconds) => `every ${f.number(seconds, Number.isInteger(seconds) ? 0 : 1)} s`,
  qualitySummary: (verdict, loss, jitter, rtt) =>
    `${{ pass: 'pass', fail: 'fail', unknown: 'unknown' }[verdict]}: loss ${f.number(loss, 1)} % (one way), jitter ${jitter === null ? '–' : ms(jitter)} ms, round trip ${rtt === null ? '–' : ms(rtt)} ms`,
  ruleStatus: { verified: 'verified', failed: 'failed', untested: 'untested' },
  ruleName: { 'outbound-signalling': 'outbound-signalling', 'inbound-signalling': 'inbound-signalling', 'outbound-media': 'outbound-media', 'inbound-media': 'inbound-media' },
  verdict: { ready: 'ready', 'action-needed': 'action needed', blocked: 'blocked', incomplete: 'incomplete' },
  savedFirst: (site, path) => `Saved as the first report of site ${site}: ${path}`,
  saved: (path) => `Saved: ${path}`,
  since: (site, time) => `Since the previous run of ${site} (${time}):`,
  nothingChanged: 'Nothing changed.',
  wrote: (file, bytes) => `Wrote ${file} (${bytes} bytes).`,
  keeping: (port, server, interval) => `Keeping UDP ${port} alive towards ${server} every ${f.number(interval, Number.isInteger(interval) ? 0 : 1)} s. Press Ctrl+C to stop.`,
  monitorSummary: (sent, answered, missed, changes, lost) =>
    `${sent} keep-alives, ${answered} answered, ${missed} missed, ${changes} address changes, ${lost} bindings lost.`,
  verdictWord: VERDICT,
  ipv6NotMeasured: 'not measured',
  translation: (translation, mapped) =>
    translation === 'none' ? 'none (no NAT)' : translation === 'translated' ? `NPTv6 or NAT66, seen as ${mapped ?? 'another address'}` : 'not measured',
  ipv6RulesTitle: 'Firewall rules over IPv6',
  mosEstimate: (codec, wideband, figures, grade) =>
    `${codec}${wideband ? ' (wideband)' : ''}: ` +
    (figures === null
      ? `${GRADES[grade]}, too few answers to estimate it`
      : `MOS ${f.number(figures.mos, 2)}, ${GRADES[grade]} (R ${f.number(figures.r, 1)}, jitter buffer ${f.number(figures.jitterBufferMs)} ms, mouth to ear ${f.number(figures.mouthToEarMs)} ms)`),
};
