// The stages of a running check in English: one line each, for a status line or a progress bar.
import type { Catalog } from '../catalog';
import { FORMAT } from '../format';
import type { ProgressMessage } from '../messages/progress';

const f = FORMAT.en;

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
  'register/inbound-wait': (m) => `Waiting up to ${m.seconds} s for the provider's own request`,
  'register/unregister': () => 'Removing the test registration',
  'media/scan': (m) => `Checking that UDP ${f.range(m.range)} is free on this machine`,
  'media/ports': (m) => `Sending STUN from the voice ports (${m.done} of ${m.total})`,
  'quality/measure': (m) => `Measuring the line quality (${m.seconds} s)`,
  'diagnose/done': () => 'Diagnosis complete',
};
