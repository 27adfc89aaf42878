// A second NAT beyond the LAN's router, and whether it is the provider's: judged only from what
// the router says of itself, the routers the TTL probe found, and the STUN mapped address.
import { describe, expect, it } from 'vitest';
import type { GatewayReport, HopEvidence, HopTrace } from '../../../shared/path';
import { addressSpace, classifySecondNat, type SecondNatInput } from '../../../shared/path/second-nat';
import { isPathMessage } from '../../../shared/text/messages/path';

const PBX = '192.168.100.5';
const ROUTER = '192.168.100.1';
const STUN = '203.0.113.10';
const PUBLIC = '203.0.113.2';

const router = (externalIp: string | null, portMapping: Partial<GatewayReport['portMapping']> = {}): GatewayReport => ({
  ip: ROUTER,
  externalIp,
  portMapping: { upnp: null, natPmp: null, pcp: null, ...portMapping },
});
const SILENT_ROUTER = router(null);

// Hops 1.. in order; null for a router that stayed silent. Hop 1 is the LAN's router.
const path = (...beyond: (string | null)[]): HopTrace => ({
  target: STUN,
  hops: [ROUTER, ...beyond].map((from, index): HopEvidence => ({ ttl: index + 1, from, ms: from === null ? null : 0.5 })),
  method: 'ping',
});
const NOT_PROBED: HopTrace = { target: STUN, hops: [], method: 'none' };

const judge = (input: Partial<SecondNatInput>) => {
  const finding = classifySecondNat({ localIp: PBX, gateway: null, path: null, mappedIp: PUBLIC, ...input });
  for (const message of finding.evidence) expect(isPathMessage(message), JSON.stringify(message)).toBe(true);
  return finding;
};

describe('no NAT at all', () => {
  it('says no and no when the mapped address is the machine\'s own', () => {
    expect(judge({ localIp: PUBLIC, mappedIp: PUBLIC })).toEqual({ doubleNat: 'no', carrierGrade: 'no', evidence: [{ code: 'second-nat/no-nat', ip: PUBLIC }] });
  });
});

describe('what the router says of its own WAN address', () => {
  it('finds one NAT when the router reports the address the STUN server saw', () => {
    expect(judge({ gateway: router(PUBLIC), path: path(STUN) })).toMatchObject({ doubleNat: 'no', carrierGrade: 'no', evidence: [{ code: 'second-nat/router-public', externalIp: PUBLIC }] });
  });

  it('believes the router over a provider router numbered in private space (a cable provider\'s 10.x hop)', () => {
    expect(judge({ gateway: router(PUBLIC), path: path('10.12.0.1', '198.51.100.1') })).toMatchObject({ doubleNat: 'no', carrierGrade: 'no' });
  });

  it('finds the provider\'s carrier-grade NAT when the router\'s WAN address is in 100.64.0.0/10', () => {
    expect(judge({ gateway: router('100.64.0.2'), path: NOT_PROBED })).toEqual({ doubleNat: 'yes', carrierGrade: 'yes', evidence: [{ code: 'second-nat/router-shared', externalIp: '100.64.0.2' }] });
  });

  it('finds DS-Lite when the router\'s WAN address is the B4\'s 192.0.0.2', () => {
    expect(judge({ gateway: router('192.0.0.2') })).toMatchObject({ doubleNat: 'yes', carrierGrade: 'yes', evidence: [{ code: 'second-nat/router-ds-lite' }] });
  });

  it('finds a second router of the customer\'s own when the router\'s WAN address is private', () => {
    expect(judge({ gateway: router('192.168.178.2'), path: path('192.168.178.1', STUN) })).toEqual({
      doubleNat: 'yes', carrierGrade: 'no', evidence: [{ code: 'second-nat/router-private', externalIp: '192.168.178.2' }],
    });
  });

  it('finds the provider\'s CGN behind the customer\'s second router when a hop beyond shows 100.64.0.0/10', () => {
    expect(judge({ gateway: router('192.168.178.2'), path: path('192.168.178.1', '100.64.0.1', STUN) })).toEqual({
      doubleNat: 'yes', carrierGrade: 'yes',
      evidence: [{ code: 'second-nat/router-private', externalIp: '192.168.178.2' }, { code: 'second-nat/hop-shared', ttl: 3, from: '100.64.0.1' }],
    });
  });

  it('leaves both open when the router reports a public address the STUN server did not see', () => {
    expect(judge({ gateway: router('198.51.100.7') })).toEqual({
      doubleNat: 'unknown', carrierGrade: 'unknown', evidence: [{ code: 'second-nat/router-public-differs', externalIp: '198.51.100.7', mapped: PUBLIC }],
    });
    expect(judge({ gateway: router('198.51.100.7'), mappedIp: null })).toMatchObject({ doubleNat: 'unknown', evidence: [{ mapped: null }] });
  });
});

describe('a router that answers without a public address (miniupnpd behind a second NAT)', () => {
  const noAddress = router(null, { upnp: true, natPmp: false });

  it('finds the provider\'s CGN with the next hop in 100.64.0.0/10', () => {
    expect(judge({ gateway: noAddress, path: path('100.64.0.1', STUN) })).toEqual({
      doubleNat: 'yes', carrierGrade: 'yes',
      evidence: [{ code: 'second-nat/router-no-address', services: ['upnp', 'nat-pmp'] }, { code: 'second-nat/hop-shared', ttl: 2, from: '100.64.0.1' }],
    });
  });

  it('finds the customer\'s own second router with the next hop in RFC 1918 space, not the provider\'s', () => {
    expect(judge({ gateway: noAddress, path: path('192.168.178.1', STUN) })).toMatchObject({ doubleNat: 'yes', carrierGrade: 'no' });
  });

  it('takes a next router with a public address for the provider\'s', () => {
    expect(judge({ gateway: noAddress, path: path('198.51.100.1', '198.51.100.254') })).toMatchObject({
      doubleNat: 'yes', carrierGrade: 'yes', evidence: [{ code: 'second-nat/router-no-address' }, { code: 'second-nat/hop-provider', ttl: 2, from: '198.51.100.1' }],
    });
  });

  it('knows a second NAT is there, but not whose, when no hop answered', () => {
    expect(judge({ gateway: noAddress, path: path(null, null, null) })).toMatchObject({
      doubleNat: 'yes', carrierGrade: 'unknown', evidence: [{ code: 'second-nat/router-no-address' }, { code: 'second-nat/no-hops', first: 2, last: 4 }],
    });
  });

  it('reads "0.0.0.0" as no address, said by whichever service answered', () => {
    expect(judge({ gateway: router('0.0.0.0', { natPmp: true }), path: NOT_PROBED })).toEqual({
      doubleNat: 'yes', carrierGrade: 'unknown', evidence: [{ code: 'second-nat/router-no-address', services: ['nat-pmp'] }, { code: 'second-nat/no-probe' }],
    });
  });

  it('does not take a PCP error for such an answer: a NAT-PMP-only router refuses every PCP request', () => {
    expect(judge({ gateway: router(null, { pcp: false }), path: NOT_PROBED })).toMatchObject({ doubleNat: 'unknown', carrierGrade: 'unknown' });
  });

  it('believes the path over a router that calls a documentation address not public: the STUN server is the next hop', () => {
    expect(judge({ gateway: noAddress, path: path(STUN), mappedIp: '203.0.113.1' })).toEqual({
      doubleNat: 'no', carrierGrade: 'no', evidence: [{ code: 'second-nat/target-next', ttl: 2, target: STUN }],
    });
  });
});

describe('the hops alone, when the router says nothing', () => {
  it('finds the provider\'s CGN from a hop in 100.64.0.0/10 right after the router', () => {
    expect(judge({ gateway: SILENT_ROUTER, path: path('100.64.0.1', STUN) })).toEqual({
      doubleNat: 'yes', carrierGrade: 'yes', evidence: [{ code: 'second-nat/hop-shared', ttl: 2, from: '100.64.0.1' }],
    });
  });

  it('finds DS-Lite from the AFTR\'s 192.0.0.1', () => {
    expect(judge({ path: path('192.0.0.1', '198.51.100.1') })).toMatchObject({ doubleNat: 'yes', carrierGrade: 'yes', evidence: [{ code: 'second-nat/hop-ds-lite' }] });
  });

  it('finds a second router of the customer\'s own from a private hop right after the router', () => {
    expect(judge({ gateway: SILENT_ROUTER, path: path('192.168.178.1', STUN) })).toEqual({
      doubleNat: 'yes', carrierGrade: 'no', evidence: [{ code: 'second-nat/hop-private', ttl: 2, from: '192.168.178.1' }],
    });
  });

  it('finds the CGN behind the customer\'s second router (three NATs)', () => {
    expect(judge({ path: path('192.168.178.1', '100.64.0.1', STUN) })).toMatchObject({
      doubleNat: 'yes', carrierGrade: 'yes', evidence: [{ code: 'second-nat/hop-private', ttl: 2 }, { code: 'second-nat/hop-shared', ttl: 3 }],
    });
  });

  it('finds no second NAT when the STUN server itself answers right after the router', () => {
    expect(judge({ gateway: SILENT_ROUTER, path: path(STUN, STUN, STUN) })).toEqual({
      doubleNat: 'no', carrierGrade: 'no', evidence: [{ code: 'second-nat/target-next', ttl: 2, target: STUN }],
    });
  });

  it('leaves both open on a public hop after the router: likely one NAT, but a CGN may answer from public space', () => {
    expect(judge({ gateway: SILENT_ROUTER, path: path('198.51.100.1', '198.51.100.254') })).toEqual({
      doubleNat: 'unknown', carrierGrade: 'unknown',
      evidence: [{ code: 'second-nat/router-silent' }, { code: 'second-nat/hop-public', ttl: 2, from: '198.51.100.1' }],
    });
  });

  it('accuses nobody when no router beyond answered, or the path was not probed', () => {
    expect(judge({ gateway: SILENT_ROUTER, path: path(null, null) })).toEqual({
      doubleNat: 'unknown', carrierGrade: 'unknown', evidence: [{ code: 'second-nat/router-silent' }, { code: 'second-nat/no-hops', first: 2, last: 3 }],
    });
    expect(judge({ path: NOT_PROBED })).toEqual({ doubleNat: 'unknown', carrierGrade: 'unknown', evidence: [{ code: 'second-nat/no-probe' }] });
    expect(judge({})).toEqual({ doubleNat: 'unknown', carrierGrade: 'unknown', evidence: [{ code: 'second-nat/no-probe' }] });
  });

  it('takes a private or public hop for nothing after a silent one, but a hop in 100.64.0.0/10 still counts', () => {
    expect(judge({ path: path(null, '192.168.178.1', STUN) })).toMatchObject({ doubleNat: 'unknown', carrierGrade: 'unknown', evidence: [{ code: 'second-nat/no-hops' }] });
    expect(judge({ path: path(null, '198.51.100.1') })).toMatchObject({ doubleNat: 'unknown' });
    expect(judge({ path: path(null, STUN) })).toMatchObject({ doubleNat: 'unknown' });
    expect(judge({ path: path(null, '100.64.0.1') })).toMatchObject({ doubleNat: 'yes', carrierGrade: 'yes' });
  });

  it('counts the hops from the router that answered from the gateway\'s address', () => {
    const routed: HopTrace = { target: STUN, hops: [{ ttl: 1, from: '10.1.1.1', ms: 1 }, { ttl: 2, from: ROUTER, ms: 1 }, { ttl: 3, from: STUN, ms: 1 }], method: 'ping' };
    expect(judge({ gateway: SILENT_ROUTER, path: routed })).toMatchObject({ doubleNat: 'no', evidence: [{ code: 'second-nat/target-next', ttl: 3 }] });
  });
});

describe('address spaces', () => {
  it.each([
    ['192.168.178.1', 'private'], ['10.0.0.1', 'private'], ['172.31.255.1', 'private'], ['172.32.0.1', 'public'],
    ['100.64.0.1', 'shared'], ['100.127.255.254', 'shared'], ['100.128.0.1', 'public'], ['100.63.255.255', 'public'],
    ['192.0.0.1', 'ds-lite'], ['192.0.0.7', 'ds-lite'], ['192.0.0.8', 'unusable'], ['169.254.1.1', 'unusable'],
    ['127.0.0.1', 'unusable'], ['0.0.0.0', 'unusable'], ['224.0.0.1', 'unusable'], ['203.0.113.10', 'public'], ['2001:db8::1', 'unusable'],
  ])('puts %s in %s space', (ip, space) => {
    expect(addressSpace(ip)).toBe(space);
  });
});

describe("the router's own word, read from what its services answered", () => {
  const refusedNatPmp = { ip: '192.168.100.1', externalIp: null, portMapping: { upnp: null, natPmp: false, pcp: null } };
  it('does not take a NAT-PMP refusal (result 2, switched off) for "no public address"', () => {
    const finding = classifySecondNat({ localIp: '192.168.100.5', gateway: refusedNatPmp, path: null, mappedIp: '203.0.113.1', gatewayEvidence: [{ code: 'gateway/natpmp-refused', result: 2 }] });
    expect(finding.doubleNat).toBe('unknown');
  });
  it('takes NAT-PMP result 3 (network failure) for "no public address": a second NAT', () => {
    const finding = classifySecondNat({ localIp: '192.168.100.5', gateway: refusedNatPmp, path: null, mappedIp: '203.0.113.1', gatewayEvidence: [{ code: 'gateway/natpmp-no-address' }] });
    expect(finding.doubleNat).toBe('yes');
    expect(finding.evidence[0]).toEqual({ code: 'second-nat/router-no-address', services: ['nat-pmp'] });
  });
});
