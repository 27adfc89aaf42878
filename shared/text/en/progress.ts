// The stages of a running check in English: one line each, for a status line or a progress bar.
import type { CheckId } from '../../checks';
import type { Catalog } from '../catalog';
import { FORMAT } from '../format';
import type { ProgressMessage } from '../messages/progress';

const f = FORMAT.en;

// What the IPv6 pass is testing, by check.
const IPV6_CHECK_EN: { readonly [C in CheckId]: string } = {
  nat: 'testing the firewall',
  sip: 'sending SIP OPTIONS',
  register: 'registering',
  media: 'testing the voice ports',
  quality: 'measuring the line quality',
};

export const progressEn: Catalog<ProgressMessage> = {
  'ui/start': () => 'Starting…',
  'stun/resolve': (m) => `Looking up ${f.list(m.servers)}`,
  'stun/bind': (m) => `Opening UDP port ${m.port}`,
  'stun/request': (m) => `Asking ${m.server} for the public address of UDP ${m.port}`,
  'stun/done': () => 'Answer received',
  'stun/failed': () => 'No usable STUN answer',
  'nat/probes': () => 'Testing mapping, filtering and hairpinning',
  'nat/classify': () => 'Classifying the NAT',
  'nat/lifetime': (m) => `Waiting for idle bindings to expire (${m.elapsed} of ${m.total} s)`,
  'sip/resolve': (m) => `Looking up the SIP server ${m.target} (NAPTR, SRV, A)`,
  'sip/options': (m) => `Sending SIP OPTIONS from port ${m.port} to ${m.target}`,
  'register/request': (m) => `Registering as ${m.aor} from port ${m.port} with ${m.target}`,
  'register/inbound-wait': (m) => `Waiting for the provider's own request at the SIP port (${m.elapsed} of ${m.total} s)`,
  'register/unregister': (m) => `Removing the test registration at ${m.target}`,
  'media/scan': (m) => `Checking that UDP ${f.range(m.range)} is free on this machine`,
  'media/ports': (m) => `Sending STUN from the voice ports (${m.done} of ${m.total})`,
  'quality/measure': (m) => `Measuring the line quality (${m.seconds} s)`,
  'ipv6/start': (m) => `Measuring the IPv6 path from ${m.address} as well`,
  'ipv6/check': (m) => `IPv6: ${IPV6_CHECK_EN[m.check]}`,
  'ipv6/done': (m) => `IPv6 path from ${m.address} measured`,
  'ipv6/failed': (m) => `IPv6 path from ${m.address} not measured`,
  'diagnose/done': () => 'Diagnosis complete',
};
