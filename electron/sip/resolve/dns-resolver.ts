// The resolver the diagnosis hands to resolveSipServer: node's c-ares Resolver with short,
// bounded retries (a person waits), on the system's DNS servers unless told otherwise.
import { Resolver } from 'node:dns/promises';
import type { SipDnsResolver } from './rfc3263';

export interface SipResolverOptions {
  /** "ip" or "ip:port"; default: the servers of this machine (/etc/resolv.conf, Windows settings). */
  readonly servers?: readonly string[];
  /** Per try, in ms. Default 2000. */
  readonly timeoutMs?: number;
  /** Default 2. */
  readonly tries?: number;
}

export function createSipResolver(options: SipResolverOptions = {}): SipDnsResolver & { cancel(): void } {
  const resolver = new Resolver({ timeout: options.timeoutMs ?? 2000, tries: options.tries ?? 2 });
  if (options.servers !== undefined) resolver.setServers([...options.servers]);
  return resolver;
}
