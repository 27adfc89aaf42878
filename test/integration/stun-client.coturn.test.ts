// The STUN client against a real coturn on loopback (two addresses: RFC 5780 enabled).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendBinding } from '../../electron/net/binding';
import { checkPublicAddress } from '../../electron/diagnose/public-address';
import { StunClient } from '../../electron/net/stun-client';
import { openUdpEndpoint, type UdpEndpoint } from '../../electron/net/udp-endpoint';
import { startCoturn, type Coturn } from '../support/coturn';
import { word } from '../../shared/text';

let coturn: Coturn;
let endpoint: UdpEndpoint;
let client: StunClient;

beforeAll(async () => {
  coturn = await startCoturn();
  const opened = await openUdpEndpoint({ port: 0, localIp: '127.0.0.1' });
  if (!opened.ok) throw new Error(word('en', opened.error));
  endpoint = opened.value;
  client = new StunClient(endpoint);
});

afterAll(async () => {
  client?.dispose();
  await endpoint?.close();
  await coturn?.stop();
});

const primary = () => ({ family: 'IPv4' as const, ip: '127.0.0.1', port: coturn.port });

describe('STUN client against coturn', () => {
  it('learns its own address from a Binding response (no NAT on loopback)', async () => {
    const result = await sendBinding(client, primary(), { request: { fingerprint: true, software: 'TrunkCheck test' } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.evidence.mapped).toEqual({ family: 'IPv4', ip: '127.0.0.1', port: endpoint.local.port });
    expect(result.evidence.respondedFrom).toEqual(primary());
    expect(result.evidence.software).toMatch(/coturn/i);
    expect(result.evidence.retransmissions).toBe(0);
  });

  it('reads the RFC 5780 OTHER-ADDRESS and RESPONSE-ORIGIN coturn advertises with two addresses', async () => {
    const result = await sendBinding(client, primary());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.evidence.otherAddress).toEqual({ family: 'IPv4', ip: '127.0.0.2', port: coturn.altPort });
    expect(result.evidence.responseOrigin).toEqual(primary());
  });

  it('accepts a CHANGE-REQUEST answer from the alternate address only when told to', async () => {
    const alternate = { family: 'IPv4' as const, ip: '127.0.0.2', port: coturn.altPort };
    const allowed = await sendBinding(client, primary(), { request: { changeIp: true, changePort: true }, acceptFrom: [alternate] });
    expect(allowed.ok).toBe(true);
    if (allowed.ok) expect(allowed.evidence.respondedFrom).toEqual(alternate);

    const before = client.counters.unexpectedSource;
    const refused = await sendBinding(client, primary(), { request: { changeIp: true, changePort: true }, policy: { rtoMs: 100, rc: 2, rm: 3 } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('stun/timeout');
    expect(client.counters.unexpectedSource).toBeGreaterThan(before);
  });

  it('answers a classic RFC 3489 request without magic cookie', async () => {
    const result = await sendBinding(client, primary(), { request: { legacy: true } });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.evidence.mapped.port).toBe(endpoint.local.port);
  });

  it('reports a silent server as a timeout outcome, not an exception', async () => {
    const silent = { family: 'IPv4' as const, ip: '127.0.0.1', port: coturn.port + 7 };
    const result = await sendBinding(client, silent, { policy: { rtoMs: 50, rc: 3, rm: 4 } });
    expect(result).toMatchObject({ ok: false, error: { code: 'stun/timeout' }, outcome: { kind: 'timeout', requestsSent: 3 } });
  });
});

describe('public-address check', () => {
  it('finds the mapped address of the SIP port', async () => {
    const sipPort = 40000 + Math.floor(Math.random() * 5000);
    const result = await checkPublicAddress({ stun: `127.0.0.1:${coturn.port}`, defaultStunPort: 3478, sipPort, localIp: '127.0.0.1' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.ok).toBe(true);
    expect(result.value.binding?.mapped).toEqual({ family: 'IPv4', ip: '127.0.0.1', port: sipPort });
  });

  it('says which port is taken and by whom it probably is, when the SIP port is in use', async () => {
    const holder = await openUdpEndpoint({ port: 0, localIp: '127.0.0.1' });
    if (!holder.ok) throw new Error(word('en', holder.error));
    try {
      const result = await checkPublicAddress({ stun: `127.0.0.1:${coturn.port}`, defaultStunPort: 3478, sipPort: holder.value.local.port, localIp: '127.0.0.1' });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('net/port-in-use');
      expect(word('en', result.error)).toContain(`UDP port ${holder.value.local.port} is already in use`);
      expect(word('en', result.error)).toContain('SwyxLinkManager');
      expect(word('en', result.error)).toContain('--sip-port');
    } finally {
      await holder.value.close();
    }
  });
});
