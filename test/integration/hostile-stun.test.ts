// Bad STUN servers give precise outcomes, never a crash or a hang (issue: NAT discovery, bad input).
import { afterEach, describe, expect, it } from 'vitest';
import { diagnose } from '../../electron/diagnose/diagnose';
import { resolveTarget } from '../../electron/net/resolve';
import { Attr, encodeAddressValue, encodeErrorCodeValue, encodeMessage, encodeXorAddressValue, Method, type StunMessage } from '../../shared/stun';
import type { TransportAddress } from '../../shared/address';
import { startFakePeer, type FakePeer } from '../support/fake-stun-peer';
import { word } from '../../shared/text';

let peer: FakePeer | undefined;
afterEach(async () => {
  await peer?.close();
  peer = undefined;
});

const sipPort = () => 46000 + Math.floor(Math.random() * 4000);

function success(request: StunMessage, attributes: { type: number; value: Uint8Array }[]): Uint8Array {
  return encodeMessage({ method: Method.Binding, cls: 'success', transactionId: request.transactionId, attributes });
}

const xorMapped = (request: StunMessage, from: TransportAddress) => ({ type: Attr.XOR_MAPPED_ADDRESS, value: encodeXorAddressValue(from, request.transactionId) });

async function run(stun: string[]) {
  const result = await diagnose({ stun, sipPort: sipPort(), localIp: '127.0.0.1' });
  if (!result.ok) throw new Error(word('en', result.error));
  return result.value;
}

describe('hostile or broken STUN servers', () => {
  it('reports filtering as unknown, with the reason, when OTHER-ADDRESS is on the same IP', async () => {
    peer = await startFakePeer((request, from) => [
      { data: success(request, [xorMapped(request, from), { type: Attr.OTHER_ADDRESS, value: encodeAddressValue({ family: 'IPv4', ip: '127.0.0.1', port: 9 }) }]) },
    ]);
    const report = await run([`127.0.0.1:${peer.address.port}`]);
    expect(report.checks.nat?.server?.rfc5780).toBe(false);
    expect(report.checks.nat?.server?.problems).toContainEqual({ code: 'server/other-same-ip', other: '127.0.0.1:9' });
    expect(report.checks.nat?.filteringReason).toEqual({ code: 'filtering/not-tested' });
    expect(report.nat.filtering).toBe('unknown');
  });

  it('says answers came from the wrong address instead of calling UDP blocked', async () => {
    peer = await startFakePeer((request, from) => [{ data: success(request, [xorMapped(request, from)]), via: 'other' }]);
    const report = await run([`127.0.0.1:${peer.address.port}`]);
    expect(report.checks.publicAddress.error?.code).toBe('stun/wrong-source');
    expect((report.checks.publicAddress.error ? word('en', report.checks.publicAddress.error) : undefined)).toContain(`127.0.0.3:${peer.otherSocketAddress.port}`);
  }, 15_000);

  it('ignores garbage and reports no answer as a timeout outcome', async () => {
    peer = await startFakePeer(() => [{ data: new Uint8Array([0, 1, 0, 8, 0x21, 0x12, 0xa4, 0x42, 1, 2, 3]) }, { data: new Uint8Array(2000).fill(0xff) }]);
    const report = await run([`127.0.0.1:${peer.address.port}`]);
    expect(report.nat.classic).toBe('blocked');
    expect(report.checks.publicAddress.error?.code).toBe('stun/timeout');
    expect(peer.received).toBeGreaterThanOrEqual(4);
  }, 15_000);

  it('reports an error response with its code', async () => {
    peer = await startFakePeer((request) => [
      { data: encodeMessage({ method: Method.Binding, cls: 'error', transactionId: request.transactionId, attributes: [{ type: Attr.ERROR_CODE, value: encodeErrorCodeValue(420, 'Unknown Attribute') }] }) },
    ]);
    const report = await run([`127.0.0.1:${peer.address.port}`]);
    expect(report.checks.publicAddress.error).toMatchObject({ code: 'stun/error-response' });
    expect((report.checks.publicAddress.error ? word('en', report.checks.publicAddress.error) : undefined)).toContain('420 Unknown Attribute');
  });

  it('reports a success response without any mapped address', async () => {
    peer = await startFakePeer((request) => [{ data: success(request, []) }]);
    const report = await run([`127.0.0.1:${peer.address.port}`]);
    expect(report.checks.publicAddress.error?.code).toBe('stun/no-mapped-address');
  });

  it('flags a router that rewrites MAPPED-ADDRESS (an ALG) when it differs from XOR-MAPPED-ADDRESS', async () => {
    peer = await startFakePeer((request, from) => [
      { data: success(request, [xorMapped(request, from), { type: Attr.MAPPED_ADDRESS, value: encodeAddressValue({ family: 'IPv4', ip: '192.168.100.5', port: from.port }) }]) },
    ]);
    const report = await run([`127.0.0.1:${peer.address.port}`]);
    expect(report.checks.nat?.alg.suspected).toBe(true);
    expect(report.checks.nat?.alg.evidence).toMatchObject({ code: 'alg/mapped-differs', plain: expect.stringMatching(/^192\.168\.100\.5:\d+$/) });
  });

  it('reports a malformed attribute as a malformed answer', async () => {
    peer = await startFakePeer((request) => [{ data: success(request, [{ type: Attr.XOR_MAPPED_ADDRESS, value: new Uint8Array([0, 9, 1, 2]) }]) }]);
    const report = await run([`127.0.0.1:${peer.address.port}`]);
    expect(report.checks.publicAddress.error?.code).toBe('stun/malformed-response');
  });

  it('names a server name that does not resolve (lookup injected: tests make no DNS queries)', async () => {
    const notFound = Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    const result = await resolveTarget('stun.example.invalid:3478', 3478, 4, async () => Promise.reject(notFound));
    expect(result).toEqual({ ok: false, error: { code: 'dns/not-found', host: 'stun.example.invalid', family: 4 } });
    if (!result.ok) expect(word('en', result.error)).toContain('stun.example.invalid does not resolve');
    const broken = await resolveTarget('stun.example.net', 3478, 4, async () => Promise.reject(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })));
    expect(broken).toMatchObject({ ok: false, error: { code: 'dns/failed' } });
  });
});
