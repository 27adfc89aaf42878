// The PBX's socket inside a lab namespace, for the code under test that runs in the test worker.
//
// The worker lives in the root namespace, so the socket itself is opened inside the namespace by
// a tiny node:dgram bridge (`ip netns exec … node -e`) that relays datagrams over stdin/stdout as
// JSON lines. Wrapped as a UdpEndpoint, the real StunClient, sendOptions and registerWithProvider
// run on it unchanged: retransmissions, matching and timing are ours, only the socket sits behind
// the NAT.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { TransportAddress } from '../../shared/address';
import { classifyDatagram, type DatagramListener, type UdpEndpoint } from '../../electron/net/udp-endpoint';

const BRIDGE = `
const dgram = require('node:dgram');
const readline = require('node:readline');
const [ip, port] = process.argv.slice(1);
const socket = dgram.createSocket('udp4');
const out = (value) => process.stdout.write(JSON.stringify(value) + '\\n');
socket.on('error', (error) => out({ error: error.message }));
socket.on('message', (m, r) => out({ data: m.toString('base64'), ip: r.address, port: r.port }));
socket.bind(Number(port), ip, () => out({ ready: socket.address() }));
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const m = JSON.parse(line);
  socket.send(Buffer.from(m.data, 'base64'), m.port, m.ip);
});
process.stdin.on('end', () => socket.close(() => process.exit(0)));
`;

// A UdpEndpoint whose socket lives in another network namespace (IPv4).
export async function openNamespaceEndpoint(netns: string, local: { ip: string; port: number }): Promise<UdpEndpoint> {
  const child = spawn('ip', ['netns', 'exec', netns, process.execPath, '-e', BRIDGE, local.ip, String(local.port)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.on('error', () => undefined);
  const stun = new Set<DatagramListener>();
  const sip = new Set<DatagramListener>();
  const stats = { received: 0, sent: 0, unclassified: 0, sendErrors: 0 };
  const ready = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`namespace socket bridge exited (${code}): ${stderr}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const message = JSON.parse(line) as { ready?: unknown; error?: string; data?: string; ip?: string; port?: number };
      if (message.ready) return resolve();
      if (message.error) return void (stats.sendErrors += 1);
      if (message.data === undefined || message.ip === undefined || message.port === undefined) return;
      stats.received += 1;
      const data = new Uint8Array(Buffer.from(message.data, 'base64'));
      const from: TransportAddress = { family: 'IPv4', ip: message.ip, port: message.port };
      const kind = classifyDatagram(data);
      if (kind === 'other') stats.unclassified += 1;
      for (const listener of kind === 'stun' ? stun : kind === 'sip' ? sip : []) listener(data, from);
    });
  });
  await ready;
  return {
    local,
    stats,
    send(data, to) {
      stats.sent += 1;
      child.stdin.write(`${JSON.stringify({ data: Buffer.from(data).toString('base64'), ip: to.ip, port: to.port })}\n`);
    },
    onStun(listener) {
      stun.add(listener);
      return () => stun.delete(listener);
    },
    onSip(listener) {
      sip.add(listener);
      return () => sip.delete(listener);
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const killer = setTimeout(() => child.kill('SIGKILL'), 2000);
        child.once('exit', () => {
          clearTimeout(killer);
          resolve();
        });
        child.stdin.end();
      }),
  };
}
