// Our STUN codec next to npm `stun` (nodertc/stun, a dev dependency of this benchmark only), on the
// same bytes in the same process: decoding a Binding success response and encoding a Binding
// request. Prints operations per second and the ratio ours/theirs. Each side does what its own
// decode or encode does by default; the table says what that is.
import { createSocket } from 'node:dgram';
import stun from 'stun';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildBindingRequest, checkFingerprint, decodeMessage, getXorMappedAddress } from '../shared/stun';
import { startCoturn, type Coturn } from '../test/support/coturn';
import { SAMPLE_IPV4_RESPONSE, SAMPLE_IPV6_RESPONSE } from '../test/unit/stun/fixtures/rfc5769';

const ROUNDS = Number(process.env.CODEC_ROUNDS ?? 7);
const ROUND_MS = Number(process.env.CODEC_ROUND_MS ?? 200);

// Something every call feeds, so the optimiser cannot drop a call whose result is unused.
let sink = 0;

// Grows the batch until it takes a few milliseconds, then times ROUNDS rounds of ROUND_MS each,
// ours and theirs alternating, so both see the same machine load. Median ops/s per side.
function batchSize(fn: () => number): number {
  let n = 64;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < n; i++) sink ^= fn();
    if (performance.now() - start > 5 || n > 1 << 24) return n;
    n *= 2;
  }
}

function timeRound(fn: () => number, batch: number): number {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ROUND_MS) {
    for (let i = 0; i < batch; i++) sink ^= fn();
    calls += batch;
    elapsed = performance.now() - start;
  }
  return (calls / elapsed) * 1000;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

function compare(ours: () => number, theirs: () => number): { ours: number; theirs: number } {
  const batches = [batchSize(ours), batchSize(theirs)] as const; // also the warm-up
  const a: number[] = [];
  const b: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    a.push(timeRound(ours, batches[0]));
    b.push(timeRound(theirs, batches[1]));
  }
  return { ours: median(a), theirs: median(b) };
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
let coturnResponse: Buffer = Buffer.alloc(0); // coturn's answer to our own Binding request, captured in beforeAll
const { STUN_BINDING_REQUEST } = stun.constants;

let coturn: Coturn | undefined;
beforeAll(async () => {
  coturn = await startCoturn();
  coturnResponse = await askOnce(coturn.port);
});
afterAll(async () => coturn?.stop());

// One Binding request as the client sends it (with FINGERPRINT), one answer.
function askOnce(port: number): Promise<Buffer> {
  const socket = createSocket('udp4');
  return new Promise<Buffer>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('coturn did not answer within 2 s')), 2000);
    socket.on('message', (data) => {
      clearTimeout(timer);
      resolve(data);
    });
    socket.send(buildBindingRequest().bytes, port, '127.0.0.1');
  }).finally(() => socket.close());
}

const OUR_DECODE_CHECKS =
  'ours: copies the bytes; checks header size, first two bits, length field (×4, = bytes), cookie or RFC 3489 type, every attribute inside the body, no stray bytes; XOR-MAPPED-ADDRESS family and size';
const THEIR_DECODE_CHECKS =
  'npm stun: reads header and attributes (bounds through binary-data), parses every attribute eagerly; no check of the first two bits, the length field against the data, cookie or stray bytes';

const rows: Row[] = [
  {
    task: 'decode RFC 5769 §2.2 response, read XOR-MAPPED-ADDRESS',
    ours: 'decodeMessage + getXorMappedAddress',
    theirs: 'stun.decode + getXorAddress',
    run: {
      ours: () => getXorMappedAddress(decodeMessage(ipv4Response))!.port,
      theirs: () => stun.decode(ipv4Response).getXorAddress()!.port,
    },
  },
  {
    task: 'decode RFC 5769 §2.3 response (IPv6), read XOR-MAPPED-ADDRESS',
    ours: 'decodeMessage + getXorMappedAddress',
    theirs: 'stun.decode + getXorAddress',
    run: {
      ours: () => getXorMappedAddress(decodeMessage(ipv6Response))!.port,
      theirs: () => stun.decode(ipv6Response).getXorAddress()!.port,
    },
  },
  {
    task: "decode coturn's answer, read XOR-MAPPED-ADDRESS",
    ours: 'decodeMessage + getXorMappedAddress',
    theirs: 'stun.decode + getXorAddress',
    run: {
      ours: () => getXorMappedAddress(decodeMessage(coturnResponse))!.port,
      theirs: () => stun.decode(coturnResponse).getXorAddress()!.port,
    },
  },
  {
    // Not §2.2: npm stun re-encodes the message to check it and pads with zeros, so the RFC's
    // vector (SOFTWARE padded with spaces) fails its check.
    task: "decode coturn's answer and verify FINGERPRINT",
    ours: 'decodeMessage + checkFingerprint',
    theirs: 'stun.decode + validateFingerprint',
    run: {
      ours: () => (checkFingerprint(decodeMessage(coturnResponse)) === 'valid' ? 1 : 0),
      theirs: () => (stun.validateFingerprint(stun.decode(coturnResponse)) ? 1 : 0),
    },
  },
  {
    task: 'encode Binding request: random ID + FINGERPRINT',
    ours: 'buildBindingRequest()',
    theirs: 'createMessage + addFingerprint + toBuffer',
    run: {
      ours: () => buildBindingRequest().bytes[27]!,
      theirs: () => {
        const message = stun.createMessage(STUN_BINDING_REQUEST);
        message.addFingerprint();
        return message.toBuffer()[27]!;
      },
    },
  },
];

it('STUN codec speed next to npm stun', () => {
  // Same facts from both sides before anything is timed.
  expect(getXorMappedAddress(decodeMessage(ipv4Response))).toEqual({ family: 'IPv4', ip: '192.0.2.1', port: 32853 });
  expect(stun.decode(ipv4Response).getXorAddress()).toMatchObject({ address: '192.0.2.1', port: 32853 });
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

  const lines = [`\nSTUN codec, ops/s (median of ${ROUNDS} rounds of ${ROUND_MS} ms each, alternating)`];
  const header = ['task'.padEnd(62), 'ours'.padStart(12), 'npm stun'.padStart(12), 'ratio'.padStart(8)].join('');
  lines.push(header, '-'.repeat(header.length));
  for (const row of rows) {
    const result = compare(row.run.ours, row.run.theirs);
    lines.push(
      [
        row.task.padEnd(62),
        Math.round(result.ours).toLocaleString('en').padStart(12),
        Math.round(result.theirs).toLocaleString('en').padStart(12),
        `${(result.ours / result.theirs).toFixed(1)}×`.padStart(8),
      ].join(''),
      `  ours: ${row.ours}; theirs: ${row.theirs}`,
    );
  }
  lines.push(
    '',
    `Decode checks. ${OUR_DECODE_CHECKS}.`,
    `${THEIR_DECODE_CHECKS}.`,
    'Encode checks. ours: method and transaction ID size, every attribute type and size, body length limit; 96-bit ID from the CSPRNG.',
    'npm stun: transaction ID is a Buffer of 12 or 16 bytes; 96-bit ID from crypto.randomBytes.',
    `(sink ${sink & 1})`,
    '',
  );
  console.log(lines.join('\n'));
});
