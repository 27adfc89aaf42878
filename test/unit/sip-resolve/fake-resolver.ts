// A DNS zone in memory behind the SipDnsResolver interface, failing the way node's
// dns.promises.Resolver fails: an Error with the c-ares code (ENOTFOUND for a name that does
// not exist, ENODATA for a name without that record type). Every query is recorded.
import type { NaptrRecord, SipDnsResolver, SrvRecord } from '../../../electron/sip/resolve/rfc3263';

export interface FakeZone {
  readonly naptr?: Readonly<Record<string, NaptrRecord[]>>;
  readonly srv?: Readonly<Record<string, SrvRecord[]>>;
  readonly a?: Readonly<Record<string, string[]>>;
  readonly aaaa?: Readonly<Record<string, string[]>>;
  /** "SRV _sip._udp.provider.test" → "ESERVFAIL"; "* provider.test" fails every type for that name. */
  readonly fail?: Readonly<Record<string, string>>;
}

export function fakeResolver(zone: FakeZone): SipDnsResolver & { readonly queries: string[] } {
  const queries: string[] = [];
  const tables = { NAPTR: zone.naptr ?? {}, SRV: zone.srv ?? {}, A: zone.a ?? {}, AAAA: zone.aaaa ?? {} };
  const exists = (name: string): boolean => Object.values(tables).some((table) => name in table);
  const answer = async <T>(type: keyof typeof tables, name: string): Promise<T[]> => {
    queries.push(`${type} ${name}`);
    const failure = zone.fail?.[`${type} ${name}`] ?? zone.fail?.[`* ${name}`];
    if (failure) throw Object.assign(new Error(`query${type} ${failure} ${name}`), { code: failure });
    const records = (tables[type] as Record<string, T[]>)[name];
    if (records) return records;
    const code = exists(name) ? 'ENODATA' : 'ENOTFOUND';
    throw Object.assign(new Error(`query${type} ${code} ${name}`), { code });
  };
  return {
    queries,
    resolveNaptr: (name) => answer('NAPTR', name),
    resolveSrv: (name) => answer('SRV', name),
    resolve4: (name) => answer('A', name),
    resolve6: (name) => answer('AAAA', name),
  };
}

export function naptr(order: number, preference: number, service: string, replacement: string, flags = 's', regexp = ''): NaptrRecord {
  return { order, preference, service, replacement, flags, regexp };
}

export function srv(name: string, port: number, priority = 10, weight = 0): SrvRecord {
  return { name, port, priority, weight };
}
