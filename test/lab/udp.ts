// Tiny UDP helpers that run inside a lab namespace as `ip netns exec NS node -e …`, so the
// packets start and end where the lab says (the test worker itself lives in the root namespace).
import { runProcess, startProcess } from '../support/processes.js';
import type { Lab } from './lab.js';

// Sends a hand-built RFC 8489 Binding request (no codec under test involved) to every target
// every 100 ms until each has answered; exit 0 when all did, 1 at the deadline.
const STUN_PROBE = `
const dgram = require('node:dgram');
const crypto = require('node:crypto');
const [targetsJson, timeoutMs, type] = process.argv.slice(1);
const pending = new Map(JSON.parse(targetsJson).map((t) => [t.host + ':' + t.port, t]));
const socket = dgram.createSocket(type);
const request = Buffer.alloc(20);
request.writeUInt16BE(0x0001, 0);
request.writeUInt32BE(0x2112a442, 4);
crypto.randomFillSync(request, 8, 12);
socket.on('message', (_m, rinfo) => {
  pending.delete(rinfo.address + ':' + rinfo.port);
  if (pending.size === 0) { socket.close(); process.exit(0); }
});
socket.on('error', () => undefined);
const deadline = Date.now() + Number(timeoutMs);
const tick = () => {
  if (Date.now() > deadline) process.exit(1);
  for (const t of pending.values()) socket.send(request, t.port, t.host);
};
socket.bind(0, () => { tick(); setInterval(tick, 100); });
`;

export async function waitForStunInNamespace(netns: string, targets: { host: string; port: number }[], timeoutMs: number): Promise<boolean> {
  // One probe per IP version: a udp4 socket cannot reach an IPv6 server, nor the other way round.
  const probe = async (family: 'udp4' | 'udp6', chosen: typeof targets): Promise<boolean> =>
    chosen.length === 0 || (await runProcess(process.execPath, ['-e', STUN_PROBE, JSON.stringify(chosen), String(timeoutMs), family], { netns, timeoutMs: timeoutMs + 5000 })).code === 0;
  const results = await Promise.all([probe('udp4', targets.filter((t) => !t.host.includes(':'))), probe('udp6', targets.filter((t) => t.host.includes(':')))]);
  return results.every(Boolean);
}

// Server side of the binding-lifetime check: note where the first datagram came from (the
// NAT's mapped address), stay silent for idleMs, then answer that address once.
const ANSWER_LATE = `
const dgram = require('node:dgram');
const [host, port, idleMs] = process.argv.slice(1);
const socket = dgram.createSocket('udp4');
socket.on('message', (_m, rinfo) => {
  console.log('mapped ' + rinfo.address + ':' + rinfo.port);
  setTimeout(() => socket.send('late', rinfo.port, rinfo.address, () => { socket.close(); }), Number(idleMs));
});
socket.bind(Number(port), host, () => console.log('ready'));
`;

// LAN side: send one datagram, then wait for any answer.
const SEND_AND_LISTEN = `
const dgram = require('node:dgram');
const [localPort, host, port, waitMs] = process.argv.slice(1);
const socket = dgram.createSocket('udp4');
const done = (delivered) => { console.log(delivered ? 'delivered' : 'not-delivered'); process.exit(0); };
socket.on('message', () => done(true));
socket.bind(Number(localPort), () => {
  socket.send('hello', Number(port), host);
  setTimeout(() => done(false), Number(waitMs));
});
`;

export interface BindingCheck {
  /** The LAN host's transport address as the server saw it, e.g. 203.0.113.1:40000. */
  readonly mapped: string | undefined;
  /** Whether the server's answer, sent after idleMs of silence, still reached the LAN host. */
  readonly delivered: boolean;
}

// Sends one datagram LAN → sip server, lets the flow sit idle for idleMs, then has the server
// answer. Tells whether the NAT binding (conntrack entry) outlived the silence.
export async function checkBindingAfterIdle(lab: Lab, idleMs: number, ports: { lanPort: number; serverPort: number }): Promise<BindingCheck> {
  const server = startProcess(process.execPath, ['-e', ANSWER_LATE, lab.addr.sip, String(ports.serverPort), String(idleMs)], lab.ns.inet);
  try {
    const deadline = Date.now() + 5000;
    while (!server.output().includes('ready')) {
      if (Date.now() > deadline || server.process.exitCode !== null) throw new Error(`UDP answer server did not start:\n${server.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const client = await lab.exec('lan', process.execPath, ['-e', SEND_AND_LISTEN, String(ports.lanPort), lab.addr.sip, String(ports.serverPort), String(idleMs + 1500)], {
      timeoutMs: idleMs + 10_000,
    });
    const mapped = /mapped (\S+)/.exec(server.output())?.[1];
    return { mapped, delivered: client.stdout.includes('delivered') && !client.stdout.includes('not-delivered') };
  } finally {
    await server.stop();
  }
}
