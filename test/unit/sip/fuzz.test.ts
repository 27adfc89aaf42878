// Property-based fuzzing of the SIP side: whatever the bytes, parseSipMessage either succeeds or
// throws SipError (nothing else), what it decodes round-trips, and the readers built on it
// (readOptionsDatagram, parseVia) never throw at all. SIP_FUZZ_RUNS sets the number of inputs
// (default 100 000, split between random bytes, SIP-shaped messages and mutated kamailio answers
// and RFC 4475 messages); FUZZ_SEED replays a run.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesEqual, concatBytes, utf8Encode } from '../../../shared/bytes';
import { formatSipMessage, getHeader, isSipError, parseSipMessage, type SipMessage } from '../../../shared/sip/message';
import { readOptionsDatagram, type SentTransaction } from '../../../shared/sip/options-response';
import { parseVia } from '../../../shared/sip/via';
import { KAMAILIO_200_FORCED_RPORT, KAMAILIO_200_RPORT } from './fixtures/kamailio';

const FUZZ_RUNS = Math.max(3, Number(process.env.SIP_FUZZ_RUNS ?? 100_000));
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const RANDOM_RUNS = Math.floor(FUZZ_RUNS * 0.3);
const SHAPED_RUNS = Math.floor(FUZZ_RUNS * 0.4);
const MUTATED_RUNS = FUZZ_RUNS - RANDOM_RUNS - SHAPED_RUNS;
const VIA_RUNS = Math.max(1_000, Math.floor(FUZZ_RUNS / 10));
const timeoutFor = (runs: number): number => Math.max(60_000, runs * 3); // about 3 ms per input at worst, on a loaded CI machine
const SENT: SentTransaction = { branch: 'z9hG4bKc', callId: 'abc', cseq: 1 };
const KINDS = new Set(['final', 'provisional', 'unmatched', 'request', 'malformed']);

function report(name: string, runs: number, started: number): void {
  if (process.env.SIP_FUZZ_RUNS === undefined) return;
  const seconds = (performance.now() - started) / 1000;
  console.info(`sip ${name}: ${runs} inputs in ${seconds.toFixed(2)} s, ${Math.round(runs / seconds)} inputs/s`);
}

// The one property every input must satisfy.
function probe(bytes: Uint8Array): void {
  let parsed: ReturnType<typeof parseSipMessage> | undefined;
  try {
    parsed = parseSipMessage(bytes);
  } catch (error) {
    if (!isSipError(error)) throw error; // anything but SipError fails the property
  }
  if (parsed !== undefined) {
    formatSipMessage(parsed);
    expectRoundTrip(parsed);
    const via = getHeader(parsed, 'Via');
    if (via !== undefined) checkVia(via);
  }
  const reading = readOptionsDatagram(bytes, SENT); // must not throw at all
  if (!KINDS.has(reading.kind)) throw new Error(`readOptionsDatagram returned kind ${String(reading.kind)}`);
}

// What decodes, written out again in its canonical form, decodes to the same message.
function expectRoundTrip(message: SipMessage): void {
  const { start } = message;
  const startLine = start.kind === 'request' ? `${start.method} ${start.uri} ${start.version}` : `${start.version} ${String(start.status).padStart(3, '0')} ${start.reason}`;
  const head = [startLine, ...message.headers.map((header) => `${header.name}: ${header.value}`)].join('\r\n');
  const again = parseSipMessage(concatBytes(utf8Encode(`${head}\r\n\r\n`), message.body));
  if (JSON.stringify(again.start) !== JSON.stringify(start) || JSON.stringify(again.headers) !== JSON.stringify(message.headers) || !bytesEqual(again.body, message.body)) {
    throw new Error(`round trip changed ${JSON.stringify(head.slice(0, 200))}`);
  }
}

function checkVia(value: string): void {
  const via = parseVia(value); // must not throw at all
  if (via === undefined) return;
  if (via.port !== undefined && !(Number.isInteger(via.port) && via.port >= 1 && via.port <= 65535)) throw new Error(`Via port ${via.port}`);
  const rport = via.params.rport;
  if (typeof rport === 'number' && !(Number.isInteger(rport) && rport >= 1 && rport <= 65535)) throw new Error(`rport ${rport}`);
}

// --- inputs ---------------------------------------------------------------------------------

const token = fc.stringMatching(/^[A-Za-z0-9.!%*_+`'~-]{0,12}$/);
const junk = fc.string({ unit: 'binary', maxLength: 30 });
const eol = fc.constantFrom('\r\n', '\n', '\r', '\r\n ', '\n\t', '');
const viaValue = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('SIP', 'sip', 'SIPS', 'X'),
      fc.constantFrom('2.0', '2', '3.0', ''),
      fc.constantFrom('UDP', 'tcp', 'TLS', 'WS', ''),
      fc.oneof(fc.constantFrom('192.168.100.5', '[::1]', '[fe80::1%eth0]', '::1', 'host.example', '', '[', ']'), token),
      fc.oneof(fc.constant(''), fc.integer({ min: -1, max: 99_999 }).map((port) => `:${port}`), fc.constantFrom(':', ':abc', ':0065002')),
      fc.array(
        fc.oneof(
          fc.constantFrom(';rport', ';rport=', ';rport=0', ';rport=65536', ';rport=42141', ';received=127.0.0.1', ';received=[::1]', ';received=', ';branch=z9hG4bKc', ';branch=', ';;', ';=x'),
          fc.tuple(token, junk).map(([key, value]) => `;${key}=${value}`),
        ),
        { maxLength: 6 },
      ),
      fc.constantFrom('', ', SIP/2.0/UDP 10.0.0.1', ',', ' ,, '),
    )
    .map(([name, version, transport, host, port, params, more]) => `${name}/${version}/${transport} ${host}${port}${params.join('')}${more}`),
  junk,
  fc.string({ unit: 'grapheme', maxLength: 60 }),
);
const headerLine = fc.oneof(
  viaValue.map((value) => `Via: ${value}`),
  viaValue.map((value) => `v:${value}`),
  fc.constantFrom('Call-ID: abc', 'i: abc', 'CSeq: 1 OPTIONS', 'CSeq: 99999999999 OPTIONS', 'CSeq: x', 'From: <sip:t@127.0.0.1>;tag=1', 'To: <sip:127.0.0.1>', 'Server: kamailio'),
  fc.oneof(fc.nat({ max: 2_000_000 }).map(String), fc.constantFrom('-1', '1e3', '', ' 5', '0x10', '9999999')).map((length) => `Content-Length: ${length}`),
  fc.tuple(fc.oneof(token, junk), junk).map(([name, value]) => `${name}:${value}`),
  junk,
);
const startLine = fc.oneof(
  fc.tuple(fc.constantFrom('SIP/2.0', 'SIP/2.1', 'sip/2.0', ''), fc.oneof(fc.integer({ min: 0, max: 999 }).map(String), fc.constantFrom('20', '2000', 'abc')), junk).map(([v, s, r]) => `${v} ${s} ${r}`),
  fc.tuple(fc.oneof(fc.constantFrom('OPTIONS', 'INVITE', 'X', '', '!interesting', 'RE%47IST%45R'), token), fc.constantFrom('sip:127.0.0.1', 'sip:x@y', '', ' ', '<sip:x>', 'sip:%4'), fc.constantFrom('SIP/2.0', 'SIP/3.0', 'sip/2.0')).map(([m, u, v]) => `${m} ${u} ${v}`),
  junk,
);
const shapedInput = fc
  .tuple(startLine, fc.array(fc.tuple(headerLine, eol), { maxLength: 10 }), fc.constantFrom('\r\n\r\n', '\n\n', '\r\n', ''), fc.string({ maxLength: 40 }))
  .map(([start, lines, blank, body]) => utf8Encode(`${start}\r\n${lines.map(([line, end]) => line + end).join('')}${blank}${body}`));

// Maximum-size datagrams take a few ms each to parse (linear, no backtracking): a few are enough.
const randomInput = fc.oneof(
  { arbitrary: fc.uint8Array({ maxLength: 200 }), weight: 50 },
  { arbitrary: fc.constantFrom(65_535, 65_536).map((n) => new Uint8Array(n).fill(0x41)), weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 120 }).map(utf8Encode), weight: 50 },
);

const fixtures = [KAMAILIO_200_RPORT, KAMAILIO_200_FORCED_RPORT].map(utf8Encode);
// RFC 4475 messages that stress the grammar: folding and odd spacing, token characters, a binary
// MIME part, a UTF-8 reason phrase, many Via values.
const TORTURE = ['wsinv', 'intmeth', 'mpart01', 'unreason', 'transports'].map((name) => new Uint8Array(readFileSync(new URL(`../../fixtures/rfc4475/${name}.dat`, import.meta.url))));
type Mutation = (bytes: Uint8Array) => Uint8Array;
const at = (bytes: Uint8Array, i: number) => (bytes.length === 0 ? 0 : i % bytes.length);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })).map(([i, bit]): Mutation => (b) => {
    const c = b.slice();
    if (c.length) c[at(c, i)] = (c[at(c, i)] ?? 0) ^ (1 << bit);
    return c;
  }),
  fc.nat().map((i): Mutation => (b) => b.slice(0, at(b, i))),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 16 })).map(([i, extra]): Mutation => (b) => {
    const cut = at(b, i);
    return concatBytes(b.subarray(0, cut), extra, b.subarray(cut));
  }),
  fc.tuple(fc.nat(), fc.constantFrom('\r\n', ':', ';', ' ', '\0', '[', ']', '=', 'v:', '\r\n\r\n', ',', '%', '\u00ff')).map(([i, text]): Mutation => (b) => {
    const cut = at(b, i);
    return concatBytes(b.subarray(0, cut), utf8Encode(text), b.subarray(cut));
  }),
  fc.tuple(fc.nat(), fc.nat({ max: 40 })).map(([i, n]): Mutation => (b) => concatBytes(b.subarray(0, at(b, i)), b.subarray(at(b, i) + n))),
);
const mutatedInput = fc
  .tuple(fc.constantFrom(...fixtures, ...TORTURE), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([bytes, mutations]) => mutations.reduce((b, m) => m(b), bytes));

// --- properties -----------------------------------------------------------------------------

describe('fuzzing the SIP decoder', () => {
  it('reads the kamailio answers and RFC 4475 messages it mutates (the seeds are valid)', () => {
    for (const bytes of TORTURE) expect(() => parseSipMessage(bytes)).not.toThrow();
    for (const bytes of fixtures) expect(readOptionsDatagram(bytes, { ...SENT, branch: getHeader(parseSipMessage(bytes), 'Via')?.match(/branch=([^;]+)/)?.[1] ?? '' })).toMatchObject({ kind: 'final' });
  });

  it(
    `random bytes raise only SipError; the readers never throw (${RANDOM_RUNS} inputs)`,
    () => {
      const started = performance.now();
      fc.assert(fc.property(randomInput, probe), { numRuns: RANDOM_RUNS, seed: SEED });
      report('random', RANDOM_RUNS, started);
    },
    timeoutFor(RANDOM_RUNS),
  );

  it(
    `SIP-shaped messages (odd start lines, folding, compact headers, Content-Length, Via) raise only SipError (${SHAPED_RUNS} inputs)`,
    () => {
      const started = performance.now();
      fc.assert(fc.property(shapedInput, probe), { numRuns: SHAPED_RUNS, seed: SEED });
      report('shaped', SHAPED_RUNS, started);
    },
    timeoutFor(SHAPED_RUNS),
  );

  it(
    `mutated kamailio answers and RFC 4475 messages (bit flips, truncation, insertions, deletions) raise only SipError (${MUTATED_RUNS} inputs)`,
    () => {
      const started = performance.now();
      fc.assert(fc.property(mutatedInput, probe), { numRuns: MUTATED_RUNS, seed: SEED });
      report('mutated', MUTATED_RUNS, started);
    },
    timeoutFor(MUTATED_RUNS),
  );

  it(
    `parseVia never throws and keeps ports in 1–65535 (${VIA_RUNS} inputs)`,
    () => {
      const started = performance.now();
      fc.assert(fc.property(fc.oneof(viaValue, fc.string({ maxLength: 5000 })), checkVia), { numRuns: VIA_RUNS, seed: SEED });
      report('via', VIA_RUNS, started);
    },
    timeoutFor(VIA_RUNS),
  );
});
