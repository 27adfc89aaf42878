// Our STUN codec next to npm `stun` (nodertc/stun, a dev dependency of this benchmark only), on the
// same bytes in the same process: decoding a Binding success response and encoding a Binding
// request. Prints operations per second and the ratio ours/theirs. Each side does what its own
// decode or encode does by default; the printout says what that is.
//
// Our codec is measured as the build ships it: shared/stun bundled by rolldown (electron-vite's
// bundler) and loaded by Node, like npm stun. Imported through vitest's module runner instead,
// every call between our small modules goes through a getter, which about halves its speed.
import { createSocket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rolldown } from 'rolldown';
import stun from 'stun';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type * as Codec from '../shared/stun';
import { startCoturn, type Coturn } from '../test/support/coturn';
import { SAMPLE_IPV4_RESPONSE, SAMPLE_IPV6_RESPONSE } from '../test/unit/stun/fixtures/rfc5769';

const ROUNDS = Number(process.env.CODEC_ROUNDS ?? 15);
const ROUND_MS = Number(process.env.CODEC_ROUND_MS ?? 100);

// Something every call feeds, so the optimiser cannot drop a call whose result is unused.
let sink = 0;

// Time is this process's CPU time (user + system, garbage collector threads included), not the
// wall clock: the machine may be busy with other work, which the wall clock would count.
function cpuMs(since?: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

// Grows the batch until it takes a few milliseconds (the warm-up), then times ROUNDS rounds of
// ROUND_MS each, ours and theirs alternating, so both see the same conditions. Median ops/s per
// side, and the median of the per-round ratios (steadier than a ratio of medians).
function batchSize(fn: () => number): number {
  let n = 64;
  for (;;) {
    const start = process.cpuUsage();
    for (let i = 0; i < n; i++) sink ^= fn();
    if (cpuMs(start) > 5 || n > 1 << 24) return n;
    n *= 2;
  }
}

function timeRound(fn: () => number, batch: number): number {
  let calls = 0;
  const start = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < ROUND_MS) {
    for (let i = 0; i < batch; i++) sink ^= fn();
    calls += batch;
    elapsed = cpuMs(start);
  }
  return (calls / elapsed) * 1000;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

function compare(ours: () => number, theirs: () => number): { ours: number; theirs: number; ratio: number } {
  const batches = [batchSize(ours), batchSize(theirs)] as const;
  const a: number[] = [];
  const b: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    a.push(timeRound(ours, batches[0]));
    b.push(timeRound(theirs, batches[1]));
  }
  return { ours: median(a), theirs: median(b), ratio: median(a.map((value, i) => value / b[i]!)) };
}

interface Row {
  readonly task: string;
  readonly ours: string;
  readonly theirs: string;
  readonly run: { ours: () => number; theirs: () => number };
}

// Socket data arrives as a Buffer; both decoders get the same one.
const ipv4Response = Buffer.from(SAMPLE_IPV4_RESPONSE);
const ipv6Response = Buffer.from(SAMPLE_IPV6_RESPONSE);
let coturnResponse: Buffer = Buffer.alloc(0); // coturn's answer to our own Binding request
const { STUN_BINDING_REQUEST } = stun.constants;

let codec: typeof Codec;
let coturn: Coturn | undefined;
const bundleDir = mkdtempSync(join(tmpdir(), 'trunkcheck-codec-bench-'));

beforeAll(async () => {
  const bundle = await rolldown({ input: resolve('shared/stun/index.ts'), platform: 'neutral', logLevel: 'silent' });
  await bundle.write({ file: join(bundleDir, 'stun.mjs'), format: 'esm' });
  await bundle.close();
  codec = (await import(pathToFileURL(join(bundleDir, 'stun.mjs')).href)) as typeof Codec;
  coturn = await startCoturn();
  coturnResponse = await askOnce(coturn.port);
});
afterAll(async () => {
  rmSync(bundleDir, { recursive: true, force: true });
  await coturn?.stop();
});

// One Binding request as the client sends it (with FINGERPRINT), one answer.
function askOnce(port: number): Promise<Buffer> {
  const socket = createSocket('udp4');
  return new Promise<Buffer>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('coturn did not answer within 2 s')), 2000);
    socket.on('message', (data) => {
      clearTimeout(timer);
      resolve(data);
    });
    socket.send(codec.buildBindingRequest().bytes, port, '127.0.0.1');
  }).finally(() => socket.close());
}

// What the client reads from an answer: the transaction ID (to match it) and the mapped address.
const readOurs = (message: Codec.StunMessage): number => message.transactionId[11]! ^ codec.getXorMappedAddress(message)!.port;
const readTheirs = (message: ReturnType<typeof stun.decode>): number => message.transactionId[11]! ^ message.getXorAddress()!.port;

const READ = { ours: 'decodeMessage, transactionId, getXorMappedAddress', theirs: 'stun.decode, transactionId, getXorAddress' };

const rows: Row[] = [
  {
    task: 'decode RFC 5769 §2.2 response, read ID and XOR-MAPPED-ADDRESS',
    ...READ,
    run: { ours: () => readOurs(codec.decodeMessage(ipv4Response)), theirs: () => readTheirs(stun.decode(ipv4Response)) },
  },
  {
    task: 'decode RFC 5769 §2.3 response (IPv6), read ID and XOR-MAPPED-ADDRESS',
    ...READ,
    run: { ours: () => readOurs(codec.decodeMessage(ipv6Response)), theirs: () => readTheirs(stun.decode(ipv6Response)) },
  },
  {
    task: "decode coturn's answer, read ID and XOR-MAPPED-ADDRESS",
    ...READ,
    run: { ours: () => readOurs(codec.decodeMessage(coturnResponse)), theirs: () => readTheirs(stun.decode(coturnResponse)) },
  },
  {
    // Not §2.2: npm stun re-encodes the message to check it and pads with zeros, so the RFC's
    // vector (SOFTWARE padded with spaces) fails its check.
    task: "decode coturn's answer and verify FINGERPRINT",
    ours: 'decodeMessage + checkFingerprint',
    theirs: 'stun.decode + validateFingerprint',
    run: {
      ours: () => (codec.checkFingerprint(codec.decodeMessage(coturnResponse)) === 'valid' ? 1 : 0),
      theirs: () => (stun.validateFingerprint(stun.decode(coturnResponse)) ? 1 : 0),
    },
  },
  {
    task: 'encode Binding request: random ID + FINGERPRINT',
    ours: 'buildBindingRequest()',
    theirs: 'createMessage + addFingerprint + toBuffer',
    run: {
      ours: () => codec.buildBindingRequest().bytes[27]!,
      theirs: () => {
        const message = stun.createMessage(STUN_BINDING_REQUEST);
        message.addFingerprint();
        return message.toBuffer()[27]!;
      },
    },
  },
];

const CHECKS = [
  'Decode checks. ours: copies the bytes; header size, first two bits, length field (multiple of 4, equal to the bytes), cookie or RFC 3489 type,',
  '  every attribute inside the body, no stray bytes; XOR-MAPPED-ADDRESS length and family. FINGERPRINT when asked (checkFingerprint).',
  '  npm stun: header and attributes read within bounds (binary-data), every attribute parsed; no check of the first two bits, the length',
  '  field against the data, the cookie or stray bytes. FINGERPRINT when asked (validateFingerprint re-encodes the message).',
  'Encode checks. ours: method, transaction ID size, every attribute type and size, body length limit; 96-bit ID from the CSPRNG (Web Crypto).',
  '  npm stun: transaction ID a Buffer of 12 or 16 bytes; 96-bit ID from crypto.randomBytes.',
];

it('STUN codec speed next to npm stun', () => {
  // Same facts from both sides before anything is timed.
  const { decodeMessage, getXorMappedAddress, checkFingerprint, buildBindingRequest } = codec;
  expect(getXorMappedAddress(decodeMessage(ipv4Response))).toEqual({ family: 'IPv4', ip: '192.0.2.1', port: 32853 });
  expect(stun.decode(ipv4Response).getXorAddress()).toMatchObject({ address: '192.0.2.1', port: 32853 });
  expect(getXorMappedAddress(decodeMessage(ipv6Response))?.ip).toBe(stun.decode(ipv6Response).getXorAddress()?.address);
  expect(checkFingerprint(decodeMessage(ipv4Response))).toBe('valid');
  expect(getXorMappedAddress(decodeMessage(coturnResponse))?.port).toBe(stun.decode(coturnResponse).getXorAddress()?.port);
  expect(checkFingerprint(decodeMessage(coturnResponse))).toBe('valid');
  expect(stun.validateFingerprint(stun.decode(coturnResponse))).toBe(true);
  const theirs = stun.createMessage(STUN_BINDING_REQUEST);
  theirs.addFingerprint();
  const request = theirs.toBuffer();
  const ours = buildBindingRequest().bytes;
  expect(ours.length).toBe(request.length); // header + FINGERPRINT, 28 bytes each
  expect(checkFingerprint(decodeMessage(request))).toBe('valid');
  expect(stun.validateFingerprint(stun.decode(Buffer.from(ours)))).toBe(true);

  const lines = [
    `\nSTUN codec, operations per CPU second: median of ${ROUNDS} rounds of ${ROUND_MS} ms CPU time each, ours and theirs alternating;`,
    'ratio = ours/theirs, the median of the per-round ratios.',
  ];
  const header = ['task'.padEnd(70), 'ours'.padStart(12), 'npm stun'.padStart(12), 'ratio'.padStart(8)].join('');
  lines.push(header, '-'.repeat(header.length));
  for (const row of rows) {
    const result = compare(row.run.ours, row.run.theirs);
    lines.push(
      [
        row.task.padEnd(70),
        Math.round(result.ours).toLocaleString('en').padStart(12),
        Math.round(result.theirs).toLocaleString('en').padStart(12),
        `${result.ratio.toFixed(1)}×`.padStart(8),
      ].join(''),
      `  ours: ${row.ours}; theirs: ${row.theirs}`,
    );
  }
  lines.push('', ...CHECKS, `(sink ${sink & 1})`, '');
  console.log(lines.join('\n'));
});
