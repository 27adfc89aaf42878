// The NAT discovery's evidence, verdict and fixes in English.
import type { Catalog } from '../catalog';
import { FORMAT } from '../format';
import type { NatMessage } from '../messages/nat';

const f = FORMAT.en;
const seconds = (value: number): string => f.number(value, Number.isInteger(value) ? 0 : 1);
const either = (items: readonly string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`);

const NAMES = {
  'full-cone': 'Full cone NAT',
  'restricted-cone': 'Restricted cone NAT',
  'port-restricted-cone': 'Port restricted cone NAT',
  symmetric: 'Symmetric NAT',
  'open-internet': 'No NAT (open internet)',
  'symmetric-udp-firewall': 'No NAT, stateful firewall',
  blocked: 'UDP blocked',
  unknown: 'NAT type unknown',
} as const;

const BEHAVIOURS = {
  'endpoint-independent': 'Endpoint-independent',
  'address-dependent': 'Address-dependent',
  'address-and-port-dependent': 'Address- and port-dependent',
  none: 'None (no NAT)',
  unknown: 'Unknown',
} as const;

const MEANINGS = {
  'full-cone': 'The router keeps one public port for the SIP port and lets anyone answer on it: the provider reaches the PBX.',
  'restricted-cone': 'The router keeps one public port for the SIP port and lets in answers from any port of an address the PBX has sent to.',
  'port-restricted-cone':
    'The router keeps one public port for the SIP port and lets in answers only from the exact address and port the PBX sent to; the PBX’s keep-alive holds that way open.',
  symmetric: 'The router gives every destination a new public port, so the provider cannot reach the port the PBX announced.',
  'open-internet': 'The PBX’s address is public and nothing filters UDP on the way: no NAT setting is needed.',
  'symmetric-udp-firewall': 'No address translation, but a stateful firewall lets in only answers to what the PBX sent. The PBX works once the firewall rules are open.',
  unknown: 'The test could not finish the classification with this STUN server.',
} as const;

const LIFETIME_FAILED = {
  socket: () => 'no further UDP socket could be opened on this machine.',
  'no-binding': (server: string) => `the STUN server ${server} did not answer the request that makes the binding.`,
  cancelled: () => 'the test was cancelled.',
  'response-port-ignored': (server: string) => `the STUN server ${server} ignores RESPONSE-PORT (RFC 5780 §7.5).`,
} as const;

// Why a probe got no usable answer, as a clause; the sentence form starts with a capital.
const PROBE_FAILED = {
  timeout: 'no answer came back',
  'wrong-source': 'the answer came from another address than the one asked',
  refused: 'the server refused the request with an error response',
  'no-mapped-address': 'the answer carried no mapped address',
  malformed: 'the answer was malformed',
  other: 'no usable answer came back',
} as const;
const sentence = (clause: string): string => `${clause.charAt(0).toUpperCase()}${clause.slice(1)}.`;

export const natEn: Catalog<NatMessage> = {
  'mapping/no-nat': () => 'The public address is this machine’s own address: there is no NAT.',
  'mapping/same': (m) =>
    `The same public address ${m.mapped} towards ${m.towards.length === 2 ? 'both' : `all ${m.towards.length}`} server addresses asked (${f.list(m.towards)}).`,
  'mapping/alternate-silent': (m) => `The server’s alternate address ${m.alternate} did not answer, so its OTHER-ADDRESS cannot be trusted.`,
  'mapping/port-unknown': (m) => `The public address changed (${m.from} → ${m.to}), but ${m.other} did not answer to tell whether the port matters too.`,
  'mapping/address-dependent': (m) => `A different public address for different destinations (${m.from} → ${m.to}), but the same one for another port of the same server IP.`,
  'mapping/address-and-port-dependent': (m) => `A different public address for different destinations, even for another port of the same server IP: ${f.list(m.mapped)}.`,
  'mapping/second-server-failed': (m) => `The second STUN server ${m.server} gave no usable answer (${PROBE_FAILED[m.reason]}), so the mapping could not be compared.`,
  'mapping/two-servers-differ': (m) =>
    `Different public addresses towards two servers (${m.first} and ${m.second}): at least address-dependent mapping; whether the port matters too needs a server with RFC 5780.`,
  'mapping/not-tested': () =>
    'Not tested: the STUN server has no usable second address (RFC 5780) and no second STUN server was named. Name a second STUN server, or use one with RFC 5780.',

  'filtering/endpoint-independent': (m) => `An answer from ${m.from}, an address this port never sent to, got through.`,
  'filtering/address-dependent': (m) => `An answer from another port of a known IP (${m.knownIp}) got through; one from an unknown IP (${m.unknownIp}) did not.`,
  'filtering/address-and-port-dependent': (m) =>
    `Only answers from the exact address and port this port sent to get through: none of ${m.requests} answers from ${either(m.from)} arrived.`,
  'filtering/refused': (m) => `The STUN server ${m.server} refused CHANGE-REQUEST, so filtering cannot be tested with it.`,
  'filtering/ignored': (m) => `The STUN server ignored CHANGE-REQUEST and answered from ${m.server}, so filtering cannot be tested with it.`,
  'filtering/wrong-source': (m) => `The answer to filtering test ${m.test.toUpperCase()} came from ${m.from}, not from ${m.expected}, so filtering cannot be judged.`,
  'filtering/not-trusted': (m) => `Not trusted: the server’s alternate address ${m.alternate} did not answer direct requests, so a missing answer from it proves nothing.`,
  'filtering/not-tested': () =>
    'Not tested: only a STUN server with a usable second address (RFC 5780) can send answers from addresses this port never sent to. Use a STUN server with RFC 5780 support.',
  'filtering/no-socket': () => 'Not tested: no second UDP socket could be opened on this machine.',

  'probe/mapping-ii': () => 'Mapping test II (second IP, first port)',
  'probe/mapping-iii': () => 'Mapping test III (second IP and port)',
  'probe/second-server': () => 'Mapping test against the second STUN server',
  'probe/filtering-ii': () => 'Filtering test II (answer from second IP and port)',
  'probe/filtering-iii': () => 'Filtering test III (answer from second port)',
  'probe/failed': (m) => sentence(PROBE_FAILED[m.reason]),

  'server/usable': (m) => `Its second address ${m.other} answered from another IP and port.`,
  'server/origin-differs': (m) => `Its RESPONSE-ORIGIN ${m.origin} is not where the answer came from (${m.from}): the server is behind a NAT or misconfigured.`,
  'server/no-other-address': () => 'It sends no OTHER-ADDRESS, so it does not support RFC 5780 behaviour discovery.',
  'server/other-same-ip': (m) => `Its OTHER-ADDRESS ${m.other} is on the same IP address as the server itself, so it cannot test address-dependent behaviour.`,
  'server/other-same-port': (m) => `Its OTHER-ADDRESS ${m.other} is on the same port as the server itself, so it cannot test port-dependent behaviour.`,
  'server/other-family': (m) => `Its OTHER-ADDRESS ${m.other} is of another address family.`,

  'alg/mapped-differs': (m) =>
    `MAPPED-ADDRESS says ${m.plain}, XOR-MAPPED-ADDRESS says ${m.mapped}: a router rewrote the address inside the packet (an application-level gateway, “SIP ALG”). It breaks SIP the same way: switch the SIP ALG off in the router.`,
  'alg/agree': () => 'MAPPED-ADDRESS and XOR-MAPPED-ADDRESS agree.',
  'alg/not-comparable': () => 'The server sent only XOR-MAPPED-ADDRESS, so there was nothing to compare.',

  'lifetime/survived-all': (m) => `Idle bindings survived every delay tried (${m.delays.map(seconds).join(', ')} s).`,
  'lifetime/gone-at-first': (m) => `An idle binding was gone after ${seconds(m.dead)} s, the shortest delay tried.`,
  'lifetime/between': (m) => `An idle binding survived ${seconds(m.alive)} s and was gone after ${seconds(m.dead)} s.`,
  'lifetime/not-measured': (m) => `The binding lifetime was not measured: ${LIFETIME_FAILED[m.why](m.server)}`,
  'lifetime/keepalive-enough': (m) => `The PBX’s keep-alive every ${seconds(m.keepalive)} s is enough.`,
  'lifetime/keepalive-too-slow': (m) => `The PBX’s keep-alive every ${seconds(m.keepalive)} s is too slow: send one at least every ${seconds(m.recommended)} s.`,

  'nat/port-kept': (m) => `The public port is the SIP port ${m.port}.`,
  'nat/port-changed': (m) => `Local port ${m.local} leaves as public port ${m.mapped}.`,
  'nat/port-unknown': () => 'No public port was measured.',
  'nat/hairpin-yes': () => 'A packet to the public address came back into the LAN.',
  'nat/hairpin-no': () => 'A packet to the public address did not come back into the LAN. Phones in the LAN must reach the PBX by its LAN address.',
  'nat/hairpin-not-tested': () => 'Hairpinning is only tested behind a NAT.',
  'nat/timeouts': (m) => `No-answer timeouts were derived from the measured round trip of ${f.number(m.rttMs, m.rttMs < 10 ? 1 : 0)} ms.`,

  'nat/type': (m) => NAMES[m.classic],
  'nat/behaviour': (m) => BEHAVIOURS[m.behaviour],
  'nat/verdict': (m) =>
    `${NAMES[m.classic]}: ${m.supported === true ? `supported by ${m.profile}` : m.supported === false ? `NOT supported by ${m.profile}` : 'no verdict yet'}.`,
  'nat/meaning': (m) =>
    m.classic === 'blocked'
      ? `No STUN answer came back: outbound UDP from port ${m.sipPort}, or its answers, are blocked.`
      : m.classic === 'unknown' && m.mapping === 'endpoint-independent'
        ? 'The router keeps one public port for the SIP port whatever the destination, so it is a cone NAT, not a symmetric one. Which kind of cone needs a filtering test.'
        : MEANINGS[m.classic],
  'nat-fix/symmetric-forward': (m) =>
    `Forward UDP ${m.sipPort} and UDP ${f.range(m.rtp)} statically to the PBX (${m.pbxIp}), keeping the same public ports (a 1:1 or “static port” mapping).`,
  'nat-fix/symmetric-static': () =>
    'Or turn off random source ports for the PBX: pfSense/OPNsense “Static Port” in hybrid outbound NAT, SonicWall “Consistent NAT”, Linux without --random-fully.',
  'nat-fix/blocked': (m) =>
    `Allow UDP from ${m.pbxIp} ports ${m.sipPort} and ${f.range(m.rtp)} to the STUN server and the SIP provider, and their answers back to ${m.pbxIp} port ${m.sipPort}.`,
  'nat-fix/firewall': (m) => `Open UDP ${m.sipPort} and ${f.range(m.rtp)} inbound to ${m.pbxIp} as the firewall rules say.`,
  'nat-fix/unknown': () => 'Use a STUN server that supports RFC 5780 (two IP addresses), or name a second STUN server, to finish the NAT test.',
  'nat-fix/unknown-filtering': () => 'To test the filtering, use a STUN server that supports RFC 5780 (two IP addresses): a second server only measures the mapping.',
};
