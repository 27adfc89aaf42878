// Every IPC channel fed hostile arguments through dispatch(): wrong types, huge strings,
// __proto__/constructor keys, deep nesting, NaN/Infinity, BigInt and cycles (structured clone
// carries both from a renderer). The answer is always a Result, never a throw or a hang, and
// Object.prototype stays clean. Network safety: any argument that would pass validation for a
// network channel targets only 127.0.0.1 on a closed port, and the call is aborted at once.
// IPC_FUZZ_RUNS sets the runs per channel (default 300).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch, type Handlers } from '../../../electron/handlers';
import { parseHostPort } from '../../../shared/address';
import { API_METHODS, VALIDATORS, validateRequest, type Channel } from '../../../shared/ipc';
import { word } from '../../../shared/text';
import { isErrorData } from '../../../shared/text/messages/errors';

const RUNS = Number(process.env.IPC_FUZZ_RUNS ?? 300);
const CALL_BOUND_MS = 5000;
// Port 9 (discard) is closed on every test machine; ICMP port-unreachable or silence, either way nothing leaves loopback.
const CLOSED = '127.0.0.1:9';
const NETWORK: ReadonlySet<Channel> = new Set(['stun:public-address', 'nat:diagnose', 'monitor:start']);

const storeDir = mkdtempSync(join(tmpdir(), 'trunkcheck-ipc-fuzz-'));
const handlers: Handlers = createHandlers({ mode: 'browser', storeDir });
afterAll(async () => {
  await dispatch(handlers, 'monitor:stop', null, { progress: () => undefined });
  rmSync(storeDir, { recursive: true, force: true });
});

const report = JSON.parse(readFileSync('test/fixtures/report-masquerade.json', 'utf8')) as Record<string, unknown>;
const site = { name: 'Head office', customer: 'Müller GmbH', technician: 'J. Weiß' };
const checklist = (() => {
  const built = validateRequest('checklist:build', { report, site, language: 'en' });
  if (!built.ok) throw new Error(word('en', built.error));
  return built.value;
})();

const POISON_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];
const weirdNumber = fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, -1, 1.5, 65536, 2 ** 53, Number.MAX_VALUE, Number.MIN_VALUE);
const hugeString = fc.constantFrom(1024, 65_536, 1_100_000).map((n) => 'a'.repeat(n));
const weirdString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  hugeString,
  fc.constantFrom('', ' ', '\0', '../../etc/passwd', '127.0.0.1:0', '127.0.0.1:65536', '[::1]:99999', 'a'.repeat(256), '\u202e', '%00', 'constructor'),
);

// A JSON-ish value plus what structured clone adds (BigInt, undefined, cycles, Date, typed arrays).
const { value: hostile } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, undefined, true, false),
    weirdNumber,
    fc.double(),
    fc.bigInt(),
    weirdString,
    fc.constant(new Date(NaN)),
    fc.constant(new Uint8Array(8)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...POISON_KEYS), fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 4 }),
    fc.constantFrom(...POISON_KEYS).chain((key) => tie('value').map((inner) => JSON.parse(`{"${key}": ${safeJson(inner)}}`) as unknown)),
  ),
}));

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner)) ?? 'null';
  } catch {
    return 'null';
  }
}

function deep(depth: number, key: string): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { [key]: value };
  return value;
}
const cyclic = (): unknown => {
  const a: Record<string, unknown> = { stun: CLOSED };
  a.self = a;
  a.report = a;
  return a;
};
const special = fc.oneof(
  fc.constantFrom(10, 1000, 20_000).map((depth) => deep(depth, 'report')),
  fc.constant(null).map(cyclic),
  fc.constant(null).map(() => ({ report: { ...report, schemaVersion: 10n } })),
);

// Valid requests with one field replaced: close to the accepted shape, where holes hide.
const BASES: { readonly [C in Channel]: Record<string, unknown> | null } = {
  'app:info': null,
  'network:interfaces': null,
  'monitor:stop': null,
  'providers:list': null,
  'stun:public-address': { stun: CLOSED, localIp: '127.0.0.1', sipPort: 40000 },
  'nat:diagnose': { stun: [CLOSED], localIp: '127.0.0.1', sipPort: 40000, media: 'off', lifetime: false, sip: CLOSED },
  'checks:cancel': { check: 'sip' },
  'monitor:start': { stun: CLOSED, localIp: '127.0.0.1', sipPort: 40000, intervalSec: 10 },
  'checklist:build': { report, site, language: 'en', qos: true },
  'checklist:export': { checklist, format: 'md' },
  'history:save': { siteId: 'fuzz-site', report, checklist },
  'history:list': { siteId: 'fuzz-site' },
  'history:sites': null,
  'history:compare': { older: 'sites/fuzz-site/20261123T210000000Z-report.json', newer: 'sites/fuzz-site/20261123T210100000Z-report.json' },
  'providers:save': { provider: { id: 'fuzz-trunk', name: 'Fuzz trunk', stun: { host: '127.0.0.1', port: 9, source: 'fuzz' }, sip: null, media: null, networks: null, quality: null, notes: [] } },
  'providers:remove': { id: 'fuzz-trunk' },
};

function mutated(channel: Channel): fc.Arbitrary<unknown> {
  const base = BASES[channel];
  if (base === null) return hostile;
  const keys = [...Object.keys(base), ...POISON_KEYS, 'extra'];
  return fc.tuple(fc.constantFrom(...keys), fc.oneof(hostile, special), fc.boolean()).map(([key, value, drop]) => {
    const copy: Record<string, unknown> = { ...base };
    if (drop && key in base) delete copy[key];
    else Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
    return copy;
  });
}

// Any host the validator would accept is rewritten to the closed loopback port: no DNS, no remote traffic.
function loopbackOnly(channel: Channel, input: unknown): unknown {
  if (!NETWORK.has(channel) || typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const copy: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  const tame = (value: unknown): unknown => (typeof value === 'string' && parseHostPort(value, 3478) !== undefined ? CLOSED : value);
  if (Array.isArray(copy.stun)) copy.stun = copy.stun.map(tame);
  else copy.stun = tame(copy.stun);
  if ('sip' in copy) copy.sip = tame(copy.sip);
  if (channel === 'nat:diagnose') {
    copy.media = 'off';
    delete copy.qualitySec;
  }
  return copy;
}

function isResult(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const result = value as { ok?: unknown; error?: unknown };
  if (result.ok === true) return 'value' in result;
  return result.ok === false && isErrorData(result.error) && word('en', result.error).length > 0;
}

async function boundedDispatch(channel: unknown, input: unknown): Promise<unknown> {
  const controller = new AbortController();
  // A valid network request would wait seconds for an answer that never comes: abort it at once.
  setTimeout(() => controller.abort(), 50).unref();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`"${String(channel)}" did not answer within ${CALL_BOUND_MS} ms`)), CALL_BOUND_MS);
  });
  try {
    return await Promise.race([dispatch(handlers, channel, input, { progress: () => undefined, monitorEvent: () => undefined, signal: controller.signal }), hang]);
  } finally {
    clearTimeout(timer);
    if (channel === 'monitor:start') await dispatch(handlers, 'monitor:stop', null, { progress: () => undefined });
  }
}

function prototypeIsClean(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

describe('IPC fuzzing through dispatch()', () => {
  it('covers every channel of the contract', () => {
    expect(new Set(Object.values(API_METHODS))).toEqual(new Set(Object.keys(VALIDATORS)));
  });

  for (const channel of Object.keys(VALIDATORS) as Channel[]) {
    it(`${channel}: hostile arguments give a typed Result, never a throw or a hang`, async () => {
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(fc.oneof(hostile, special, mutated(channel)).map((input) => loopbackOnly(channel, input)), async (input) => {
          if (NETWORK.has(channel) && safeValidate(channel, input)) accepted += 1;
          const result = await boundedDispatch(channel, input);
          expect(isResult(result)).toBe(true);
          prototypeIsClean();
        }),
        { numRuns: RUNS, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) },
      );
      if (NETWORK.has(channel)) expect(accepted).toBeGreaterThan(0); // the valid path was exercised too
    }, 120_000);
  }

  it('unknown channels, including prototype names, are refused', async () => {
    for (const channel of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 5, null, {}, 'fs:delete']) {
      expect(await boundedDispatch(channel, null)).toMatchObject({ ok: false, error: { code: 'ipc/unknown-channel' } });
    }
    prototypeIsClean();
  });

  it('a cyclic or BigInt argument (possible over structured clone) is a bad request, not an exception', async () => {
    for (const channel of ['checklist:build', 'history:save', 'checklist:export'] as const) {
      expect(await boundedDispatch(channel, { report: cyclic(), checklist: cyclic(), format: 'md', siteId: 'x', site, language: 'en' })).toMatchObject({ ok: false, error: { code: 'ipc/unreadable-request' } });
      expect(await boundedDispatch(channel, { report: { ...report, durationMs: 1n }, checklist: { ...checklist, x: 1n }, format: 'md', siteId: 'x', site, language: 'en' })).toMatchObject({ ok: false });
    }
  });

  it('hosts that are not DNS names or IP addresses are refused before any lookup', () => {
    for (const host of ['exa mple.com', 'a\0b', 'ex%61mple.com', 'münchen.de', '-bad.example', 'a..b', 'x'.repeat(64) + '.com', 'evil.com#@127.0.0.1', 'a_b.example', 'user@host']) {
      expect(validateRequest('stun:public-address', { stun: host }).ok).toBe(false);
      expect(validateRequest('nat:diagnose', { stun: [CLOSED], sip: host }).ok).toBe(false);
    }
    for (const host of ['stun.sipgate.net:10000', '127.0.0.1', '[::1]:3478', 'localhost', 'sip.example.de.']) {
      expect(validateRequest('stun:public-address', { stun: host }).ok).toBe(true);
    }
  });
});

function safeValidate(channel: Channel, input: unknown): boolean {
  try {
    return validateRequest(channel, input).ok;
  } catch {
    return false;
  }
}
