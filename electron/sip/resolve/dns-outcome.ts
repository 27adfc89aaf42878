// One DNS query as data: the records found, "none" (a normal answer: the name or that record
// type does not exist), or a failure of the lookup itself with an error for the report.
// The codes are the ones node's dns.promises.Resolver (c-ares) sets on its errors.
import { errorOf, type ErrorData } from '../../../shared/result';
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

// The report's errors: what failed (the wording adds what to do).
export function queryFailure(code: string, type: RecordType, name: string): ErrorData {
  switch (code) {
    case 'ESERVFAIL':
      return errorOf('dns/servfail', { type, name });
    case 'ETIMEOUT':
      return errorOf('dns/timeout', { type, name });
    case 'EREFUSED':
      return errorOf('dns/refused', { type, name });
    case 'ECONNREFUSED':
      return errorOf('dns/unreachable', { type, name });
    default:
      return errorOf('dns/query-failed', { type, name, errno: code });
  }
}

export function nameNotFound(name: string): ErrorData {
  return errorOf('dns/nxdomain', { name });
}

export function noAddress(name: string, families: readonly (4 | 6)[]): ErrorData {
  return errorOf('dns/no-address', { name, families });
}

export function invalidTarget(text: string): ErrorData {
  return errorOf('target/invalid', { text: text.slice(0, 80), role: 'sip' });
}
