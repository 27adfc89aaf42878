// Text that is no server name never reaches a resolver, whoever passes it in.
import { describe, expect, it } from 'vitest';
import { resolveTarget } from '../../../electron/net/resolve';
import { resolveSipServer } from '../../../electron/sip/resolve/rfc3263';
import { fakeResolver } from './fake-resolver';

const HOSTILE = ['$(id)', '`id`.example', 'bücher.example', 'a;b.example', '127.0.0.1:9:9'];

describe('names the resolvers refuse', () => {
  it.each(HOSTILE)('the STUN resolver refuses %s without a lookup', async (text) => {
    const looked: string[] = [];
    const result = await resolveTarget(text, 3478, 4, async (host) => {
      looked.push(host);
      return { address: '192.0.2.1', family: 4 };
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'target/invalid' } });
    expect(looked).toEqual([]);
  });

  it.each(HOSTILE)('the SIP resolver refuses %s without a query', async (text) => {
    const resolver = fakeResolver({ a: { [text]: ['192.0.2.1'] } });
    const result = await resolveSipServer(text, resolver);
    expect(result.targets).toEqual([]);
    expect(resolver.queries).toEqual([]);
  });
});
