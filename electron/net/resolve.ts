// Name resolution for STUN and SIP targets, with failures as precise outcomes.
import { lookup } from 'node:dns/promises';
import { isIPv4, isIPv6, parseHostPort, type TransportAddress } from '../../shared/address';
import { isServerHost } from '../../shared/address';
import { fail, ok, type Result } from '../../shared/result';

export type Lookup = (host: string, options: { family: 4 | 6 }) => Promise<{ address: string; family: number }>;

export async function resolveTarget(
  text: string,
  defaultPort: number,
  family: 4 | 6 = 4,
  lookupHost: Lookup = lookup,
): Promise<Result<TransportAddress & { host: string }>> {
  const parsed = parseHostPort(text, defaultPort);
  if (parsed === undefined) {
    return fail('target/invalid', { text: text.slice(0, 80), role: 'server' });
  }
  const { host, port } = parsed;
  if (isIPv4(host)) return ok({ host, family: 'IPv4', ip: host, port });
  if (isIPv6(host)) return ok({ host, family: 'IPv6', ip: host, port });
  // Only a DNS name goes to the resolver, never "$(id)" or other text (the IPC validators' rule).
  if (!isServerHost(host)) {
    return fail('target/invalid', { text: text.slice(0, 80), role: 'server' });
  }
  try {
    const found = await lookupHost(host, { family });
    return ok({ host, family: found.family === 6 ? 'IPv6' : 'IPv4', ip: found.address, port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTFOUND' || code === 'ENODATA' || code === 'EAI_NONAME') {
      return fail('dns/not-found', { host, family });
    }
    return fail('dns/failed', { host, errno: code ?? 'error' });
  }
}
