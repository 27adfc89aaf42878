import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../../shared/bytes';
import { getHeader, parseSipMessage } from '../../../shared/sip/message';
import { checkSipOptions } from '../../../electron/sip/check';
import { sendOptions } from '../../../electron/sip/options-client';
import { FakeClock } from '../../support/fake-clock';
import { memoryEndpoint } from '../../support/memory-endpoint';

const provider = { family: 'IPv4', ip: '203.0.113.20', port: 5060 } as const;
const mapped = { family: 'IPv4', ip: '203.0.113.1', port: 65002 } as const;

// The provider's 200 OK, with `received` as given (the real one, or one an ALG rewrote).
function okFor(request: Uint8Array, received: string): Uint8Array {
  const message = parseSipMessage(request);
  const via = `${getHeader(message, 'Via')?.replace(';rport', '')};rport=65002;received=${received}`;
  const lines = ['SIP/2.0 200 OK', `Via: ${via}`, `From: ${getHeader(message, 'From')}`, `To: ${getHeader(message, 'To')};tag=x`, `Call-ID: ${getHeader(message, 'Call-ID')}`, `CSeq: ${getHeader(message, 'CSeq')}`, 'Content-Length: 0', '', ''];
  return utf8Encode(lines.join('\r\n'));
}

describe('the SIP step of a diagnosis', () => {
  it.each([
    ['a plain NAT', '203.0.113.1', false],
    ['a router whose ALG rewrote the answer', '192.168.100.5', true],
  ])('fills the report section behind %s', async (_name, received, algSuspected) => {
    const clock = new FakeClock();
    const endpoint = memoryEndpoint();
    const pending = checkSipOptions({ endpoint, target: provider, targetHost: 'sip.example.net', localSentBy: { ip: '192.168.100.5', port: 65002 }, stunMapped: mapped, mapping: 'endpoint-independent', clock });
    clock.advance(12);
    endpoint.deliver(okFor(endpoint.sentPackets[0]!.data, received), provider);
    const check = await pending;
    expect(new TextDecoder().decode(endpoint.sentPackets[0]!.data).split('\r\n')[0]).toBe('OPTIONS sip:sip.example.net SIP/2.0');
    expect(check.summary).toEqual({ target: 'sip.example.net:5060', reachable: true, status: 200, reason: 'OK', rttMs: 12, via: { received, rport: 65002 }, algSuspected });
    expect(check.alg?.suspected).toBe(algSuspected);
    expect(check.evidence).toMatchObject({ code: 'options/answered', target: '203.0.113.20:5060', status: 200, reason: 'OK', rttMs: 12, received, rport: 65002 });
  });

  it('reports the ALG as unknown when the provider echoes the Via without received or rport', async () => {
    const clock = new FakeClock();
    const endpoint = memoryEndpoint();
    const pending = checkSipOptions({ endpoint, target: provider, localSentBy: { ip: '192.168.100.5', port: 65002 }, stunMapped: mapped, stunPlainMapped: mapped, mapping: 'endpoint-independent', clock });
    clock.advance(5);
    const request = parseSipMessage(endpoint.sentPackets[0]!.data);
    const echoed = ['SIP/2.0 200 OK', `Via: ${getHeader(request, 'Via')}`, `From: ${getHeader(request, 'From')}`, `To: ${getHeader(request, 'To')};tag=x`, `Call-ID: ${getHeader(request, 'Call-ID')}`, `CSeq: ${getHeader(request, 'CSeq')}`, 'Content-Length: 0', '', ''];
    endpoint.deliver(utf8Encode(echoed.join('\r\n')), provider);
    const check = await pending;
    expect(check.summary).toMatchObject({ reachable: true, status: 200, via: { received: null, rport: null }, algSuspected: null });
    expect(check.alg?.notes).toEqual([{ code: 'sip-alg/via-echoed' }]);
  });

  it('reports an unreachable provider without an ALG verdict', async () => {
    const clock = new FakeClock();
    const pending = checkSipOptions({ endpoint: memoryEndpoint(), target: provider, localSentBy: { ip: '192.168.100.5', port: 65002 }, stunMapped: mapped, timeoutMs: 3000, clock });
    clock.advance(3000);
    const check = await pending;
    expect(check.summary).toEqual({ target: '203.0.113.20:5060', reachable: false, status: null, reason: null, rttMs: null, via: { received: null, rport: null }, algSuspected: null });
    expect(check.alg).toBeNull();
    expect(check.evidence).toEqual({ code: 'options/no-answer', target: '203.0.113.20:5060', requests: 3, waitedMs: 3000 });
  });

  it('sends nothing when the signal was aborted before the start', async () => {
    const endpoint = memoryEndpoint();
    const clock = new FakeClock();
    const outcome = await sendOptions(endpoint, provider, { requestUriHost: 'x.example', localSentBy: { ip: '192.168.100.5', port: 65002 }, clock, signal: AbortSignal.abort() });
    expect(outcome).toMatchObject({ kind: 'timeout', aborted: true, requestsSent: 0 });
    expect(endpoint.sentPackets).toHaveLength(0);
    expect(clock.pending).toBe(0);
  });
});
