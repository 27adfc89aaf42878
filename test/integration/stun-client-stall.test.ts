// A "no answer" verdict must not be taken while the answer waits in the socket's buffer. After a
// stall in an I/O callback (a busy machine, a long decode), Node runs the timers whose time has
// passed before it polls the sockets again; the no-answer tests wait only a few round trips, so
// a stall longer than that would otherwise turn an answered request into silence (and an open
// filter into a closed one). Real loopback sockets: the stall is made by the peer's own handler.
import { createSocket, type Socket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { StunClient } from '../../electron/net/stun-client';
import { openUdpEndpoint, type UdpEndpoint } from '../../electron/net/udp-endpoint';
import { Attr, buildBindingRequest, decodeMessage, encodeMessage, encodeXorAddressValue, Method } from '../../shared/stun';
import { word } from '../../shared/text';

const STALL_MS = 120;
const open: (UdpEndpoint | Socket)[] = [];

afterEach(async () => {
  for (const thing of open.splice(0)) {
    if ('local' in thing) await thing.close();
    else thing.close();
  }
});

function busyWait(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // The whole process stands still, as it does on a machine that has no core to spare.
  }
}

async function endpoint(): Promise<UdpEndpoint> {
  const opened = await openUdpEndpoint({ port: 0, localIp: '127.0.0.1' });
  if (!opened.ok) throw new Error(word('en', opened.error));
  open.push(opened.value);
  return opened.value;
}

// A STUN server that answers at once and then keeps the process busy for STALL_MS.
async function stallingServer(): Promise<{ port: number }> {
  const socket = createSocket('udp4');
  open.push(socket);
  socket.on('message', (data, from) => {
    const request = decodeMessage(new Uint8Array(data));
    const answer = encodeMessage({
      method: Method.Binding,
      cls: 'success',
      transactionId: request.transactionId,
      attributes: [{ type: Attr.XOR_MAPPED_ADDRESS, value: encodeXorAddressValue({ family: 'IPv4', ip: from.address, port: from.port }, request.transactionId) }],
    });
    socket.send(answer, from.port, from.address);
    busyWait(STALL_MS);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { port: socket.address().port };
}

describe('no-answer verdicts after the process stalled', () => {
  it('counts a STUN answer that arrived during the stall as an answer, though its wait had run out', async () => {
    const server = await stallingServer();
    const client = new StunClient(await endpoint());
    const { bytes, transactionId } = buildBindingRequest();
    // One copy and a 30 ms wait: the answer is sent at once, the stall ends long after 30 ms.
    const outcome = await client.transact(bytes, transactionId, { family: 'IPv4', ip: '127.0.0.1', port: server.port }, { schedule: { sends: [0], endMs: 30 } });
    client.dispose();
    expect(outcome.kind).toBe('response');
  });
});
