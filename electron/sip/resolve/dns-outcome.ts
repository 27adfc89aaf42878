// One DNS query as data: the records found, "none" (a normal answer: the name or that record
// type does not exist), or a failure of the lookup itself with a sentence for the report.
// The codes are the ones node's dns.promises.Resolver (c-ares) sets on its errors.
import type { ErrorData } from '../../../shared/result';
import { clampText } from '../../../shared/text/messages/fields';

export type RecordType = 'NAPTR' | 'SRV' | 'A' | 'AAAA';

export type QueryOutcome<T> =
  | { readonly kind: 'found'; readonly records: readonly T[] }
  | { readonly kind: 'none'; readonly code: 'ENOTFOUND' | 'ENODATA' }
  | { readonly kind: 'failed'; readonly code: string; readonly error: ErrorData };

export async function runQuery<T>(type: RecordType, name: string, lookup: () => Promise<readonly T[]>): Promise<QueryOutcome<T>> {
  try {
    const records = await lookup();
    return records.length > 0 ? { kind: 'found', records } : { kind: 'none', code: 'ENODATA' };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EUNKNOWN';
    // NXDOMAIN comes back as ENOTFOUND, NOERROR without answers as ENODATA.
    if (code === 'ENOTFOUND' || code === 'ENODATA') return { kind: 'none', code };
    return { kind: 'failed', code, error: queryFailure(code, type, name) };
  }
}

// A query that found nothing, as the values of a DNS step (shared/text/messages/sip.ts).
export function notFoundOf(outcome: Exclude<QueryOutcome<unknown>, { kind: 'found' }>): { outcome: 'nxdomain' | 'nodata' | 'failed'; rcode: string | null } {
  if (outcome.kind === 'none') return { outcome: outcome.code === 'ENOTFOUND' ? 'nxdomain' : 'nodata', rcode: null };
  return { outcome: 'failed', rcode: clampText(outcome.code) };
}

// The report's sentences: what failed, then what to do.
export function queryFailure(code: string, type: RecordType, name: string): ErrorData {
  switch (code) {
    case 'ESERVFAIL':
      return { code: 'dns/servfail', message: `The DNS server answered SERVFAIL to the ${type} query for ${name}: the provider's name servers or this machine's DNS server are failing, so retry later or use another DNS server.` };
    case 'ETIMEOUT':
      return { code: 'dns/timeout', message: `No answer came to the ${type} query for ${name} in time: check that this machine's DNS server is reachable and that UDP and TCP port 53 are open towards it.` };
    case 'EREFUSED':
      return { code: 'dns/refused', message: `The DNS server refused the ${type} query for ${name}: point this machine at a DNS server that resolves public names, such as the router's.` };
    case 'ECONNREFUSED':
      return { code: 'dns/unreachable', message: `No DNS server listens at the address this machine uses (the ${type} query for ${name} was refused): check the DNS server address in the network settings.` };
    default:
      return { code: 'dns/failed', message: `The ${type} query for ${name} failed (${code}): check that this machine has a working DNS server.` };
  }
}

export function nameNotFound(name: string): ErrorData {
  return { code: 'dns/not-found', message: `The name ${name} does not exist in DNS (NXDOMAIN): check the spelling against the provider's documentation.` };
}

export function noAddress(name: string, families: readonly (4 | 6)[]): ErrorData {
  const kinds = families.map((family) => (family === 4 ? 'IPv4 (A)' : 'IPv6 (AAAA)')).join(' or ');
  return { code: 'dns/no-address', message: `The name ${name} exists but has no ${kinds} address: ask the provider for the right server name, or use the address it documents.` };
}

export function invalidTarget(text: string): ErrorData {
  return { code: 'target/invalid', message: `"${text.slice(0, 80)}" is not a SIP server: write host or host:port, for example sipconnect.sipgate.de.` };
}
