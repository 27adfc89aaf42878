// The keep-alive monitor's events in English.
import type { Catalog } from '../catalog';
import { FORMAT } from '../format';
import type { MonitorMessage } from '../messages/monitor';

const f = FORMAT.en;
const MISSED = {
  timeout: 'no answer in time',
  'wrong-source': 'the answer came from another address',
  refused: 'the server refused the request',
  'no-mapped-address': 'the answer carried no mapped address',
  malformed: 'the answer was malformed',
  other: 'no usable answer',
} as const;

export const monitorEn: Catalog<MonitorMessage> = {
  'monitor/started': (m) => `Started: public address ${m.mapped} (${f.number(m.rttMs, 1)} ms).`,
  'monitor/ok': (m) => `OK: ${m.mapped} (${f.number(m.rttMs, 1)} ms).`,
  'monitor/miss': (m) => `No answer (${m.consecutive} in a row): ${MISSED[m.reason]}.`,
  'monitor/binding-lost': (m) =>
    `${m.misses} keep-alives in a row got no answer from ${m.server}: the NAT binding of UDP ${m.port} is probably gone (line down, router restarted or reconnected), and calls to the PBX will fail until it is back.`,
  'monitor/recovered': (m) => `STUN answers are back after ${m.misses} missed keep-alives; public address ${m.mapped}.`,
  'monitor/address-changed': (m) =>
    `The public address of the SIP port changed from ${m.from} to ${m.to}` +
    (m.ipChanged ? ' (a new public IP, e.g. after a DSL reconnect)' : ' (a new public port: the router made a new binding)') +
    ': the PBX must re-register with the provider under the new address.',
};
