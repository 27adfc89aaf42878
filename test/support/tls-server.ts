// Real TLS servers on loopback for the transport checks, with certificates the openssl CLI
// makes at test time: a test CA and, for one server name, a valid leaf, an expired one, one
// not valid yet, one for another name, and a self-signed one. Past and future validity come
// from `openssl ca -startdate/-enddate` (OpenSSL 3.0's `x509` has no -not_before); no faketime.
// Also two TCP peers that never complete anything, for the timeout cases, on loopback only.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer as createTcpServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { runProcess } from './processes.js';

export interface PemPair {
  readonly key: string;
  readonly cert: string;
}

export interface TestCertificates {
  readonly ca: PemPair;
  readonly valid: PemPair;
  readonly expired: PemPair;
  readonly notYetValid: PemPair;
  readonly wrongName: PemPair;
  readonly selfSigned: PemPair;
}

export interface LoopbackServer {
  readonly address: string;
  readonly port: number;
  stop(): Promise<void>;
}

export async function canRunOpenssl(): Promise<{ ok: true } | { ok: false; reason: string }> {
  const version = await runProcess('openssl', ['version'], { timeoutMs: 5000 });
  return version.code === 0 ? { ok: true } : { ok: false, reason: `the openssl CLI is missing: ${version.stderr.trim()}` };
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

export async function makeTestCertificates(name: string, wrongName = 'other.example'): Promise<TestCertificates> {
  const dir = mkdtempSync(join(tmpdir(), 'trunkcheck-tls-'));
  const file = (base: string): string => join(dir, base);
  const openssl = async (...args: string[]): Promise<void> => {
    const result = await runProcess('openssl', args, { timeoutMs: 20_000 });
    if (result.code !== 0) throw new Error(`openssl ${args.join(' ')} failed:\n${result.stderr}`);
  };
  const read = (base: string): PemPair => ({ key: readFileSync(file(`${base}.key`), 'utf8'), cert: readFileSync(file(`${base}.crt`), 'utf8') });
  try {
    writeFileSync(file('index.txt'), '');
    writeFileSync(file('serial'), '1000\n');
    writeFileSync(file('ca.cnf'), caConfig(dir, { leaf: name, other: wrongName }));
    await openssl('req', '-x509', ...EC_KEY, '-keyout', file('ca.key'), '-out', file('ca.crt'), '-days', '30',
      '-subj', '/CN=TrunkCheck Test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
    const issue = async (base: string, cn: string, extensions: string, validity: string[]): Promise<void> => {
      await openssl('req', '-new', ...EC_KEY, '-keyout', file(`${base}.key`), '-out', file(`${base}.csr`), '-subj', `/CN=${cn}`);
      await openssl('ca', '-batch', '-notext', '-config', file('ca.cnf'), '-extensions', extensions,
        '-in', file(`${base}.csr`), '-out', file(`${base}.crt`), ...validity);
    };
    const future = new Date(Date.now() + 365 * 86_400_000);
    await issue('valid', name, 'leaf', ['-days', '30']);
    await issue('expired', name, 'leaf', ['-startdate', '20200101000000Z', '-enddate', '20200201000000Z']);
    await issue('future', name, 'leaf', ['-startdate', asn1Time(future), '-enddate', asn1Time(new Date(future.getTime() + 30 * 86_400_000))]);
    await issue('wrong', wrongName, 'other', ['-days', '30']);
    await openssl('req', '-x509', ...EC_KEY, '-keyout', file('self.key'), '-out', file('self.crt'), '-days', '30',
      '-subj', `/CN=${name}`, '-addext', `subjectAltName=DNS:${name}`);
    return { ca: read('ca'), valid: read('valid'), expired: read('expired'), notYetValid: read('future'), wrongName: read('wrong'), selfSigned: read('self') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function caConfig(dir: string, names: { leaf: string; other: string }): string {
  return `[ ca ]
default_ca = test_ca
[ test_ca ]
dir = ${dir}
database = $dir/index.txt
new_certs_dir = $dir
serial = $dir/serial
certificate = $dir/ca.crt
private_key = $dir/ca.key
default_md = sha256
policy = any_name
unique_subject = no
copy_extensions = none
[ any_name ]
commonName = supplied
[ leaf ]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:${names.leaf}
[ other ]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:${names.other}
`;
}

// YYYYMMDDHHMMSSZ, the GeneralizedTime form `openssl ca -startdate` takes.
function asn1Time(date: Date): string {
  return `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

export async function startTlsServer(pair: PemPair, address = '127.0.0.1'): Promise<LoopbackServer & { handshakes(): number }> {
  let handshakes = 0;
  const sockets = new Set<Socket>();
  const server = createTlsServer({ key: pair.key, cert: pair.cert }, (socket) => {
    handshakes += 1;
    socket.on('error', () => undefined);
    socket.end();
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('tlsClientError', () => undefined); // a client that rejects our certificate is a test case
  const port = await listen(server, address);
  return { address, port, handshakes: () => handshakes, stop: () => close(server, sockets) };
}

// Accepts TCP and then says nothing: a TLS client waits for a ServerHello that never comes.
export async function startSilentServer(address = '127.0.0.1'): Promise<LoopbackServer> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server, address);
  return { address, port, stop: () => close(server, sockets) };
}

// A listener whose process never calls accept(): once its accept queue (backlog 1) is full,
// the kernel drops further SYNs, so a connect times out exactly as behind a dropping firewall,
// without a packet leaving loopback.
export async function startStalledListener(address = '127.0.0.1'): Promise<LoopbackServer> {
  const script = `
const server = require('node:net').createServer();
server.listen({ host: ${JSON.stringify(address)}, port: 0, backlog: 1 }, () => {
  process.stdout.write(server.address().port + '\\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); // blocks the event loop: no accept()
});`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stopChild = (): Promise<void> => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    child.once('exit', (code) => reject(new Error(`stalled listener exited (${code})`)));
  });
  const fillers: Socket[] = [];
  const stop = async (): Promise<void> => {
    for (const socket of fillers) socket.destroy();
    await stopChild();
  };
  for (let i = 0; i < 16; i++) {
    const socket = connect({ host: address, port });
    socket.on('error', () => undefined);
    fillers.push(socket);
    const connected = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 300);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!connected) return { address, port, stop };
  }
  await stop();
  throw new Error('the stalled listener kept accepting: the kernel did not enforce the listen backlog');
}

function listen(server: { listen(port: number, host: string, cb: () => void): unknown; address(): unknown; once(event: 'error', cb: (error: Error) => void): unknown }, address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, address, () => resolve((server.address() as { port: number }).port));
  });
}

function close(server: { close(cb: () => void): unknown }, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}
