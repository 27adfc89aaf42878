// Property-based fuzzing: whatever the bytes, decoding and every reader either succeed or throw
// StunError, nothing else; and what we encode decodes back to exactly what went in.
// FUZZ_RUNS sets the number of random plus mutated inputs (default 100 000, split evenly);
// FUZZ_SEED replays a failing run with the seed fast-check printed.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TransportAddress } from '../../../shared/address';
import { bytesEqual, toHex, utf8Encode } from '../../../shared/bytes';
import {
  Attr,
  MAGIC_COOKIE,
  checkFingerprint,
  checkIntegrity,
  decodeMessage,
  describeMessage,
  encodeAddressValue,
  encodeChangeRequestValue,
  encodeErrorCodeValue,
  encodeMessage,
  encodePaddingValue,
  encodeResponsePortValue,
  encodeTextValue,
  encodeUnknownAttributesValue,
  encodeXorAddressValue,
  formatDescribedMessage,
  getAlternateServer,
  getChangeRequest,
  getChangedAddress,
  getErrorCode,
  getMappedAddress,
  getNonce,
  getOtherAddress,
  getPaddingLength,
  getRealm,
  getReflectedFrom,
  getResponseAddress,
  getResponseOrigin,
  getResponsePort,
  getSoftware,
  getSourceAddress,
  getUnknownAttributes,
  getUsername,
  getXorMappedAddress,
  isStunError,
  looksLikeStun,
  type AttributeSpec,
  type MessageSpec,
  type StunClass,
  type StunMessage,
} from '../../../shared/stun';
import { formatIPv4, formatIPv6 } from '../../../shared/stun/ip';
import * as L from './fixtures/legacy';
import * as V from './fixtures/rfc5769';

const FUZZ_RUNS = Math.max(2, Number(process.env.FUZZ_RUNS ?? 100_000));
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const RANDOM_RUNS = Math.ceil(FUZZ_RUNS / 2);
const MUTATED_RUNS = Math.floor(FUZZ_RUNS / 2);
const ROUND_TRIP_RUNS = Math.max(1_000, Math.floor(FUZZ_RUNS / 50));
const timeoutFor = (runs: number): number => Math.max(30_000, runs); // about 1 ms per input at worst
const KEY = utf8Encode('fuzz-key');

const GETTERS: readonly ((msg: StunMessage) => unknown)[] = [
  getXorMappedAddress,
  getMappedAddress,
  getOtherAddress,
  getResponseOrigin,
  getChangedAddress,
  getSourceAddress,
  getAlternateServer,
  getResponseAddress,
  getReflectedFrom,
  getErrorCode,
  getUnknownAttributes,
  getSoftware,
  getUsername,
  getRealm,
  getNonce,
  getChangeRequest,
  getResponsePort,
  getPaddingLength,
];

function allowStunError(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!isStunError(e)) throw e;
  }
}

// The raw message with the attribute padding bytes zeroed, as our encoder writes it.
function withZeroPadding(msg: StunMessage): Uint8Array {
  const out = Uint8Array.from(msg.raw);
  for (const a of msg.attributes) {
    const end = a.offset + 4 + a.value.length;
    out.fill(0, end, a.offset + 4 + ((a.value.length + 3) & ~3));
  }
  return out;
}

// Everything a caller may do with untrusted bytes. Throws (failing the property) on anything but
// StunError, and on a decoded message that does not re-encode to its own bytes.
function probe(bytes: Uint8Array): void {
  looksLikeStun(bytes);
  let msg: StunMessage;
  try {
    msg = decodeMessage(bytes);
  } catch (e) {
    if (isStunError(e)) return;
    throw e;
  }
  for (const get of GETTERS) allowStunError(() => get(msg));
  checkFingerprint(msg);
  checkIntegrity(msg, KEY);
  const described = describeMessage(msg);
  formatDescribedMessage(described);
  JSON.stringify(described);
  const again = encodeMessage({
    method: msg.method,
    cls: msg.cls,
    legacy: msg.legacy,
    transactionId: msg.transactionId,
    attributes: msg.attributes,
  });
  if (!bytesEqual(again, withZeroPadding(msg))) throw new Error(`re-encoding differs for ${toHex(bytes)}`);
}

function report(name: string, runs: number, started: number): void {
  if (process.env.FUZZ_RUNS === undefined) return;
  const seconds = (performance.now() - started) / 1000;
  console.info(`${name}: ${runs} inputs in ${seconds.toFixed(2)} s, ${Math.round(runs / seconds)} inputs/s`);
}

// --- inputs ---------------------------------------------------------------------------------

const KNOWN_TYPES = Object.values(Attr) as number[];
const attributeType = fc.oneof(fc.constantFrom(...KNOWN_TYPES), fc.integer({ min: 0, max: 0xffff }));

// A header with a right length field (with or without the cookie) over a soup of TLVs with random
// types, lengths and padding content: the inputs that get past framing into the attribute codecs.
const tlvSoup = fc
  .record({
    type: fc.integer({ min: 0, max: 0x3fff }),
    cookie: fc.oneof(fc.constant(MAGIC_COOKIE), fc.integer({ min: 0, max: 0xffffffff })),
    tid: fc.uint8Array({ minLength: 12, maxLength: 12 }),
    tlvs: fc.array(
      fc.record({ type: attributeType, value: fc.uint8Array({ maxLength: 40 }), pad: fc.uint8Array({ minLength: 3, maxLength: 3 }) }),
      { maxLength: 8 },
    ),
  })
  .map(({ type, cookie, tid, tlvs }) => {
    const body: number[] = [];
    for (const t of tlvs) {
      body.push(t.type >> 8, t.type & 0xff, t.value.length >> 8, t.value.length & 0xff, ...t.value);
      body.push(...t.pad.subarray(0, (4 - (t.value.length % 4)) % 4));
    }
    return Uint8Array.of(
      type >> 8,
      type & 0xff,
      body.length >> 8,
      body.length & 0xff,
      cookie >>> 24,
      (cookie >>> 16) & 0xff,
      (cookie >>> 8) & 0xff,
      cookie & 0xff,
      ...tid,
      ...body,
    );
  });

const randomInput = fc.oneof(fc.uint8Array({ maxLength: 120 }), tlvSoup, tlvSoup);

const words = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff })), { minLength: 8, maxLength: 8 });
const address: fc.Arbitrary<TransportAddress> = fc.oneof(
  fc.record({
    family: fc.constant('IPv4' as const),
    ip: fc.uint8Array({ minLength: 4, maxLength: 4 }).map(formatIPv4),
    port: fc.integer({ min: 0, max: 0xffff }),
  }),
  fc.record({
    family: fc.constant('IPv6' as const),
    ip: words.map((w) => formatIPv6(Uint8Array.from(w.flatMap((x) => [x >> 8, x & 0xff])))),
    port: fc.integer({ min: 0, max: 0xffff }),
  }),
);

const text = fc.string({ unit: 'grapheme', maxLength: 30 });
const TYPED = new Set<number>([
  Attr.MAPPED_ADDRESS, Attr.XOR_MAPPED_ADDRESS, Attr.OTHER_ADDRESS, Attr.RESPONSE_ORIGIN, Attr.CHANGED_ADDRESS,
  Attr.SOURCE_ADDRESS, Attr.ALTERNATE_SERVER, Attr.RESPONSE_ADDRESS, Attr.REFLECTED_FROM, Attr.SOFTWARE,
  Attr.USERNAME, Attr.REALM, Attr.NONCE, Attr.ALTERNATE_DOMAIN, Attr.ERROR_CODE, Attr.UNKNOWN_ATTRIBUTES,
  Attr.CHANGE_REQUEST, Attr.RESPONSE_PORT, Attr.MESSAGE_INTEGRITY, Attr.MESSAGE_INTEGRITY_SHA256, Attr.FINGERPRINT,
]);

// An attribute to put in a message, and what describeMessage should say it holds.
type Intent = (tid: Uint8Array) => { spec: AttributeSpec; expected: unknown };
const plain = (a: TransportAddress) => ({ ip: a.ip, port: a.port, family: a.family });
const intent: fc.Arbitrary<Intent> = fc.oneof(
  fc
    .tuple(fc.constantFrom(Attr.MAPPED_ADDRESS, Attr.OTHER_ADDRESS, Attr.RESPONSE_ORIGIN, Attr.CHANGED_ADDRESS, Attr.SOURCE_ADDRESS, Attr.ALTERNATE_SERVER), address)
    .map(([type, a]): Intent => () => ({ spec: { type, value: encodeAddressValue(a) }, expected: plain(a) })),
  address.map((a): Intent => (tid) => ({ spec: { type: Attr.XOR_MAPPED_ADDRESS, value: encodeXorAddressValue(a, tid) }, expected: plain(a) })),
  fc
    .tuple(fc.constantFrom(Attr.SOFTWARE, Attr.USERNAME, Attr.REALM, Attr.NONCE), text)
    .map(([type, t]): Intent => () => ({ spec: { type, value: encodeTextValue(t) }, expected: t })),
  fc
    .tuple(fc.integer({ min: 300, max: 699 }), text)
    .map(([code, reason]): Intent => () => ({ spec: { type: Attr.ERROR_CODE, value: encodeErrorCodeValue(code, reason) }, expected: { code, reason } })),
  fc
    .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 6 })
    .map((types): Intent => () => ({ spec: { type: Attr.UNKNOWN_ATTRIBUTES, value: encodeUnknownAttributesValue(types) }, expected: types })),
  fc
    .tuple(fc.boolean(), fc.boolean())
    .map(([changeIp, changePort]): Intent => () => ({
      spec: { type: Attr.CHANGE_REQUEST, value: encodeChangeRequestValue(changeIp, changePort) },
      expected: { changeIp, changePort },
    })),
  fc.integer({ min: 0, max: 0xffff }).map((port): Intent => () => ({ spec: { type: Attr.RESPONSE_PORT, value: encodeResponsePortValue(port) }, expected: port })),
  fc.integer({ min: 0, max: 64 }).map((n): Intent => () => ({ spec: { type: Attr.PADDING, value: encodePaddingValue(n) }, expected: '00'.repeat(n) })),
  fc
    .tuple(fc.integer({ min: 0, max: 0xffff }).filter((t) => !TYPED.has(t)), fc.uint8Array({ maxLength: 48 }))
    .map(([type, value]): Intent => () => ({ spec: { type, value }, expected: toHex(value) })),
);

const legacyId = fc.uint8Array({ minLength: 16, maxLength: 16 }).filter((id) => !(id[0] === 0x21 && id[1] === 0x12 && id[2] === 0xa4 && id[3] === 0x42));
const modernSpec = fc.record({
  legacy: fc.constant(false),
  method: fc.integer({ min: 0, max: 0xfff }),
  cls: fc.constantFrom<StunClass>('request', 'indication', 'success', 'error'),
  transactionId: fc.uint8Array({ minLength: 12, maxLength: 12 }),
  intents: fc.array(intent, { maxLength: 8 }),
  integrity: fc.option(fc.record({ key: fc.uint8Array({ maxLength: 80 }), sha1: fc.boolean(), sha256: fc.boolean() }), { nil: undefined }),
  fingerprint: fc.boolean(),
});
const legacySpec = fc.record({
  legacy: fc.constant(true),
  method: fc.constantFrom(0x001, 0x002),
  cls: fc.constantFrom<StunClass>('request', 'success', 'error'),
  transactionId: legacyId,
  intents: fc.array(intent, { maxLength: 8 }),
  integrity: fc.constant(undefined),
  fingerprint: fc.constant(false),
});
const generated = fc.oneof({ weight: 4, arbitrary: modernSpec }, { weight: 1, arbitrary: legacySpec }).map((g) => {
  const built = g.intents.map((make) => make(g.transactionId));
  const spec: MessageSpec = {
    method: g.method,
    cls: g.cls,
    legacy: g.legacy,
    transactionId: g.transactionId,
    attributes: built.map((b) => b.spec),
    integrity: g.integrity,
    fingerprint: g.fingerprint,
  };
  return { spec, expected: built.map((b) => b.expected) };
});

const SEEDS = [V.SAMPLE_REQUEST, V.SAMPLE_IPV4_RESPONSE, V.SAMPLE_IPV6_RESPONSE, V.LONG_TERM_REQUEST, L.RFC3489_BINDING_RESPONSE, L.RFC5780_BINDING_RESPONSE, L.RFC5780_BINDING_REQUEST];
const validMessage = fc.oneof(fc.constantFrom(...SEEDS), generated.map((g) => encodeMessage(g.spec)));

type Mutation = (b: Uint8Array) => Uint8Array;
const at = (b: Uint8Array, i: number): number => (b.length === 0 ? 0 : i % b.length);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })).map(([i, bit]): Mutation => (b) => {
    const c = Uint8Array.from(b);
    if (c.length) c[at(c, i)] = c[at(c, i)]! ^ (1 << bit);
    return c;
  }),
  fc.nat().map((n): Mutation => (b) => b.slice(0, at(b, n))),
  fc.integer({ min: -8, max: 8 }).map((delta): Mutation => (b) => {
    const c = Uint8Array.from(b); // edit the length field
    if (c.length >= 4) {
      const length = (((c[2]! << 8) | c[3]!) + delta * 4) & 0xffff;
      c[2] = length >> 8;
      c[3] = length & 0xff;
    }
    return c;
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 0xffff })).map(([i, length]): Mutation => (b) => {
    const c = Uint8Array.from(b); // edit an attribute length field (attributes start at multiples of 4)
    const slot = 20 + 4 * (i % Math.max(1, (c.length - 20) >> 2)) + 2;
    if (slot + 1 < c.length) {
      c[slot] = length >> 8;
      c[slot + 1] = length & 0xff;
    }
    return c;
  }),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([i, extra]): Mutation => (b) => {
    const j = at(b, i);
    return Uint8Array.from([...b.subarray(0, j), ...extra, ...b.subarray(j)]);
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 8 })).map(([i, n]): Mutation => (b) => {
    const j = at(b, i);
    return Uint8Array.from([...b.subarray(0, j), ...b.subarray(j + n)]);
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([i, v]): Mutation => (b) => {
    const c = Uint8Array.from(b);
    if (c.length) c[at(c, i)] = v;
    return c;
  }),
);
const mutatedInput = fc
  .tuple(validMessage, fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([bytes, mutations]) => mutations.reduce((b, m) => m(b), bytes));

// --- properties -----------------------------------------------------------------------------

describe('fuzzing the decoder', () => {
  it(
    `random bytes and random TLV soups raise only StunError (${RANDOM_RUNS} inputs)`,
    () => {
      const started = performance.now();
      fc.assert(fc.property(randomInput, probe), { numRuns: RANDOM_RUNS, seed: SEED });
      report('random', RANDOM_RUNS, started);
    },
    timeoutFor(RANDOM_RUNS),
  );

  it(
    `mutated valid messages (bit flips, truncation, length edits, insertions) raise only StunError (${MUTATED_RUNS} inputs)`,
    () => {
      const started = performance.now();
      fc.assert(fc.property(mutatedInput, probe), { numRuns: MUTATED_RUNS, seed: SEED });
      report('mutated', MUTATED_RUNS, started);
    },
    timeoutFor(MUTATED_RUNS),
  );

  it(
    `arbitrary messages round-trip through encode and decode (${ROUND_TRIP_RUNS} messages)`,
    () => {
      const started = performance.now();
      fc.assert(
        fc.property(generated, ({ spec, expected }) => {
          const bytes = encodeMessage(spec);
          const msg = decodeMessage(bytes);
          expect([msg.method, msg.cls, msg.legacy, toHex(msg.transactionId)]).toEqual([
            spec.method,
            spec.cls,
            spec.legacy,
            toHex(spec.transactionId),
          ]);
          const described = describeMessage(msg).attributes;
          expect(described.slice(0, expected.length).map((a) => a.error)).toEqual(expected.map(() => undefined));
          expect(described.slice(0, expected.length).map((a) => a.value)).toEqual(expected);
          const sha1 = spec.integrity !== undefined && spec.integrity.sha1 !== false;
          const sha256 = spec.integrity?.sha256 === true;
          expect(msg.attributes.length).toBe(expected.length + Number(sha1) + Number(sha256) + Number(spec.fingerprint === true));
          expect(checkIntegrity(msg, spec.integrity?.key ?? KEY)).toEqual({
            sha1: sha1 ? 'valid' : 'absent',
            sha256: sha256 ? 'valid' : 'absent',
          });
          expect(checkFingerprint(msg)).toBe(spec.fingerprint ? 'valid' : 'absent');
          const payload = msg.attributes.slice(0, expected.length);
          expect(toHex(encodeMessage({ ...spec, attributes: payload }))).toBe(toHex(bytes));
        }),
        { numRuns: ROUND_TRIP_RUNS, seed: SEED },
      );
      report('round-trip', ROUND_TRIP_RUNS, started);
    },
    timeoutFor(ROUND_TRIP_RUNS * 10),
  );
});
