// The first real measurement: which public address and port the NAT gives the PBX's SIP port.
import { formatAddress, type TransportAddress } from '../../shared/address';
import type { PublicAddressCheck } from '../../shared/report';
import { errorOf, fail, ok, type ErrorData, type Result } from '../../shared/result';
import { clampText } from '../../shared/text/messages/fields';
import type { RetransmitPolicy } from '../net/retransmit';
import { resolveTarget } from '../net/resolve';
import { StunClient } from '../net/stun-client';
import { openUdpEndpoint } from '../net/udp-endpoint';
import { sendBinding } from '../net/binding';
import type { ProgressSink } from '../net/progress';

export interface PublicAddressOptions {
  readonly stun: string;
  readonly defaultStunPort: number;
  readonly localIp?: string;
  readonly sipPort: number;
  readonly policy?: RetransmitPolicy;
  readonly progress?: ProgressSink;
  readonly signal?: AbortSignal;
}

// A person waits for this one: cap the RFC 8489 schedule at 8 s (five requests at
// 0, 0.5, 1.5, 3.5 and 7.5 s), enough for a lossy line, instead of 39.5 s.
export const PUBLIC_ADDRESS_POLICY: RetransmitPolicy = { rtoMs: 500, rc: 7, rm: 16, deadlineMs: 8000 };

// Test I on a socket that is already open (the SIP socket).
export async function measurePublicAddress(
  client: StunClient,
  server: TransportAddress,
  options: { localIp?: string; policy?: RetransmitPolicy; signal?: AbortSignal },
): Promise<PublicAddressCheck> {
  const result = await sendBinding(client, server, {
    policy: options.policy ?? PUBLIC_ADDRESS_POLICY,
    request: { software: 'TrunkCheck', fingerprint: true },
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const local = { ip: options.localIp ?? client.endpoint.local.ip, port: client.endpoint.local.port };
  if (result.ok) return { ok: true, local, binding: result.evidence, error: null };
  return { ok: false, local, binding: null, error: explain(result.error, local.port, client) };
}

// Result.fail: the network could not be used at all (bad name, port in use).
// Result.ok with check.ok false: the network was used but gave no usable answer.
export async function checkPublicAddress(options: PublicAddressOptions): Promise<Result<PublicAddressCheck>> {
  const progress = options.progress ?? (() => undefined);
  progress({ code: 'stun/resolve', servers: [clampText(options.stun)] }, 0.05);
  const server = await resolveTarget(options.stun, options.defaultStunPort, options.localIp?.includes(':') ? 6 : 4);
  if (!server.ok) return server;

  progress({ code: 'stun/bind', port: options.sipPort }, 0.1);
  const endpoint = await openUdpEndpoint({ port: options.sipPort, ...(options.localIp ? { localIp: options.localIp } : {}) });
  if (!endpoint.ok) return endpoint;
  const client = new StunClient(endpoint.value);
  try {
    progress({ code: 'stun/request', server: formatAddress(server.value), port: options.sipPort }, 0.2);
    const check = await measurePublicAddress(client, server.value, options);
    progress({ code: check.ok ? 'stun/done' : 'stun/failed' }, 1);
    return ok(check);
  } catch (error) {
    return fail('internal/stun-check', { detail: (error as Error).message });
  } finally {
    client.dispose();
    await endpoint.value.close();
  }
}

// A timeout on the SIP port says more than a timeout elsewhere: stray answers mean a STUN server
// behind a NAT, none at all mean the port's way out is blocked (the wording gives the advice).
function explain(error: ErrorData, sipPort: number, client: StunClient): ErrorData {
  if (error.code !== 'stun/timeout') return error;
  const stray = client.counters.unexpectedSources;
  if (stray.length > 0) {
    return errorOf('stun/wrong-source', { server: error.server, requests: error.requests, waitedMs: error.waitedMs, from: stray.map((a) => `${a.ip}:${a.port}`) });
  }
  return { ...error, port: sipPort };
}
