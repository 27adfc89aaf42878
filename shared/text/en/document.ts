// The exported documents' own words in English (shared/text/document.ts).
import type { DocumentText } from '../document';
import { FORMAT } from '../format';
import { MAPPING_SERVICE_NAMES } from '../messages/path';

const SERVICES = MAPPING_SERVICE_NAMES;
const FRAGMENTS = { passes: 'pass', dropped: 'dropped', untested: 'not tested' } as const;

export const documentEn: DocumentText = {
  locale: 'en-GB',
  title: 'SIP trunk firewall checklist',
  subtitle: 'Measured with real packets by TrunkCheck',
  generatedBy: 'TrunkCheck',
  page: (page, pages) => `Page ${page} of ${pages}`,

  siteLabel: 'Site',
  customerLabel: 'Customer',
  technicianLabel: 'Technician',
  dateLabel: 'Date',
  profileLabel: 'PBX',
  verdictLabel: 'Result',
  notGiven: '—',

  networkTitle: 'Network',
  pbx: 'PBX',
  router: 'NAT router / firewall',
  lanSide: 'LAN',
  wanSide: 'WAN',
  internet: 'Internet',
  stunServer: 'STUN server',
  sipProvider: 'SIP provider',
  publicAddress: 'Public address',
  gateway: 'Gateway',
  sipPortLabel: 'SIP',
  rtpPortsLabel: 'RTP',
  notMeasured: 'not measured',
  noSipProvider: 'no SIP provider tested',
  pbxIpv6: 'PBX over IPv6',
  ipv6Rules: (ip, rules) => `Rules ${rules}: the same four rules over IPv6, for ${ip}. No NAT: pure firewall rules, without port forwards.`,
  ipv6VerdictLabel: 'Result over IPv6',
  ipv6Translated: (local, mapped) => `Over IPv6 the STUN server saw ${mapped}, not ${local}: a router translates IPv6 addresses (NPTv6 or NAT66).`,

  natTitle: 'NAT type',
  behaviours: {
    'endpoint-independent': 'endpoint-independent',
    'address-dependent': 'address-dependent',
    'address-and-port-dependent': 'address- and port-dependent',
    none: 'none',
    unknown: 'unknown',
  },
  mapping: 'Mapping',
  filtering: 'Filtering',
  portPreserved: 'Port preserved',
  hairpinning: 'Hairpinning',
  bindingLifetime: 'Binding lifetime',
  seconds: (value) => `${value} s`,
  yes: 'yes',
  no: 'no',
  unknown: 'unknown',
  verdicts: { ready: 'Ready', 'action-needed': 'Action needed', blocked: 'Blocked', incomplete: 'Incomplete' },
  verdictByPath: (explained, primaryRules, ipv6Verdict, ipv6Rules) => `Rules ${primaryRules} (IPv4): ${explained} Rules ${ipv6Rules} (IPv6): ${ipv6Verdict}.`,
  verdictExplained: {
    ready: 'Every rule this PBX needs was verified with real packets: the trunk can go live.',
    'action-needed': 'This network needs a change before the trunk works: “What to do” says which.',
    blocked: 'The trunk cannot work in this network as it is: “What to do” says what must change.',
    incomplete: 'Nothing failed, but not everything this PBX needs could be tested: “What to do” says what to run.',
  },

  whatToDoTitle: 'What to do',
  caveatsTitle: 'Caveats',
  notesTitle: 'Notes',
  factsTitle: 'What was measured',
  registrationTitle: 'Registration with the provider',
  rule: (number, name) => `Rule ${number} · ${name}`,
  publicAddressFact: (address, portKept) => (portKept === null ? address : `${address} (${portKept ? 'port preserved' : 'port changed'})`),
  secondNatLabel: 'Second NAT',
  secondNat: (doubleNat, carrierGrade) =>
    doubleNat === 'unknown'
      ? 'not measured'
      : doubleNat === 'no'
        ? 'none'
        : carrierGrade === 'yes'
          ? 'yes: the provider’s carrier-grade NAT (DS-Lite or CGN)'
          : carrierGrade === 'no'
            ? 'yes: a second router of your own'
            : 'yes, whose is not known',
  routerLabel: 'Router',
  routerFact: (ip, externalIp, offered) =>
    `${ip ?? 'address unknown'}: ${externalIp === null ? 'names no WAN address' : `WAN address ${externalIp}`}; ${offered.length === 0 ? 'offers no port mapping' : `offers port mapping (${offered.map((service) => SERVICES[service]).join(', ')})`}`,
  routerNotAsked: 'not asked',
  fragmentsLabel: 'IP fragments',
  fragmentsFact: (outbound, inbound) => `outbound ${FRAGMENTS[outbound]}, inbound ${FRAGMENTS[inbound]}`,

  rulesTitle: 'Firewall rules',
  rulesIntro: 'The four rules a SIP trunk needs, with the real addresses and ports of this site, each as measured.',
  columns: {
    number: '#',
    rule: 'Rule',
    direction: 'Direction',
    source: 'Source',
    destination: 'Destination',
    protocol: 'Protocol',
    status: 'Status',
    evidence: 'Evidence',
  },
  ruleNames: {
    'outbound-signalling': 'Outbound signalling',
    'inbound-signalling': 'Inbound signalling',
    'outbound-media': 'Outbound voice',
    'inbound-media': 'Inbound voice',
  },
  rulePurposes: {
    'outbound-signalling': 'STUN, SIP and audio from the PBX to the STUN server and the SIP provider.',
    'inbound-signalling': 'Answers from the STUN server and the SIP provider to the SIP port.',
    'outbound-media': 'Voice from the RTP ports to any address and port.',
    'inbound-media': 'Voice from any address and port to the RTP ports.',
  },
  directions: { outbound: 'outbound', inbound: 'inbound' },
  statuses: { verified: 'verified', failed: 'failed', untested: 'untested' },
  endpointLabels: {
    PBX: 'PBX',
    'STUN server': 'STUN server',
    'SIP provider': 'SIP provider',
    'STUN server / SIP provider': 'STUN server / SIP provider',
    any: 'any',
  },
  portsLabel: 'Ports',
  any: 'any',
  callQualityTitle: 'Expected call quality (MOS)',
  callQualityIntro: 'Estimated with the ITU-T E-model (G.107) for each codec the PBX offers: 4.0 and above is good, 3.6 to 4.0 acceptable, below 3.6 poor. A planning estimate, not a measured call.',
  callQualityBasis: (loss, jitter, rtt) => `From the measured line: loss ${loss} % one way, jitter ${jitter ?? 'not measured'}${jitter === null ? '' : ' ms'}, round trip ${rtt ?? 'not measured'}${rtt === null ? '' : ' ms'}.`,
  mosGrades: { good: 'Good', acceptable: 'Acceptable', poor: 'Poor', unknown: 'Unknown' },
  mosScales: { narrowband: 'narrowband', wideband: 'wideband, HD voice' },
  mosValue: (mos) => `MOS ${mos}`,
  mosDetails: (r, delay, buffer) => `R ${r} · ${delay} ms mouth to ear · jitter buffer ${buffer} ms`,
  mosUnknown: 'Too few answers to estimate it.',
  mosColumns: { codec: 'Codec', mos: 'MOS', grade: 'Grade', r: 'R', jitterBuffer: 'Jitter buffer (ms)', mouthToEar: 'Mouth to ear (ms)' },
  mosWideband: 'The wideband figure comes from the wideband E-model (G.107.1, R up to 129, mapped as R / 1.29).',
  qosNote: (rules) => `Mark the voice packets of rules ${FORMAT.en.list(rules)} with DSCP EF (46) where the firewall supports QoS.`,


  signOffTitle: 'Sign-off',
  signOffStatement: 'The firewall rules above were set up and checked as stated on the date below.',
  nameLabel: 'Name',
  signatureLabel: 'Signature',

  appendixTitle: 'Appendix: firewall configuration',
  appendixIntro: 'The same four rules, ready to paste into the firewall named. Check the interface and object names before applying them.',
};
