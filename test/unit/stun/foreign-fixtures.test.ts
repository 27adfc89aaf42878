// STUN packets other people captured or wrote (Chrome and Firefox binding requests, FreeSWITCH,
// Citrix, Google, sipgate's Vovida server, webrtc's and ice4j's unit-test vectors), replayed through
// `trunkcheck decode` exactly as a user pastes them. test/fixtures/stun-fixtures.json records for
// each the outcome (decode, refuse, or either) and the facts an independent decoder found.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCommand } from '../../../electron/cli/decode';
import { fromHex, toHex } from '../../../shared/bytes';
import { checkIntegrity, decodeMessage, isStunError, longTermKey, type DescribedStunMessage } from '../../../shared/stun';
import { parseIPv4, parseIPv6 } from '../../../shared/stun/ip';
import { TEXT_ATTRIBUTES } from '../../../shared/stun/text';
import { LONG_TERM_PASSWORD_PREPPED, LONG_TERM_REALM, LONG_TERM_USERNAME } from './fixtures/rfc5769';

interface Facts {
  readonly method: string;
  readonly cls: string;
  readonly legacy: boolean;
  readonly transactionId: string;
  readonly types?: readonly number[];
  readonly addresses: Readonly<Record<string, string>>;
  readonly text: Readonly<Record<string, string>>;
  readonly errorCode?: { readonly code: number; readonly reason: string };
  readonly changeRequest?: { readonly changeIp: boolean; readonly changePort: boolean };
  readonly fingerprint?: string;
}

interface Fixture {
  readonly name: string;
  readonly source: string;
  readonly hex: string;
  readonly outcome: 'decode' | 'refuse' | 'either';
  readonly note?: string;
  readonly expect?: Facts;
}

const FIXTURES = (JSON.parse(readFileSync(new URL('../../fixtures/stun-fixtures.json', import.meta.url), 'utf8')) as { fixtures: Fixture[] }).fixtures;

const typeKey = (type: number): string => `0x${type.toString(16).padStart(4, '0')}`;

// "[::ffff:d1b4:cfc1]:60463" and "[::ffff:209.180.207.193]:60463" are one address (RFC 4291 §2.2):
// compare the bytes, not the spelling.
function addressKey(text: string): string {
  const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(text);
  if (!match) throw new Error(`not an address: ${text}`);
  const [, host, port] = match as unknown as [string, string, string];
  const bytes = parseIPv4(host) ?? parseIPv6(host);
  if (!bytes) throw new Error(`not an IP: ${host}`);
  return `${toHex(bytes)}/${port}`;
}

function factsOf(described: DescribedStunMessage): Facts {
  const addresses: Record<string, string> = {};
  const text: Record<string, string> = {};
  let errorCode: Facts['errorCode'];
  let changeRequest: Facts['changeRequest'];
  for (const attribute of described.attributes) {
    expect(attribute.error, `${attribute.name} is malformed`).toBeUndefined();
    const value = attribute.value as { ip?: string; port?: number; code?: number; reason?: string; changeIp?: boolean; changePort?: boolean };
    if (typeof value === 'object' && value.ip !== undefined) addresses[typeKey(attribute.type)] = addressKey(`[${value.ip}]:${value.port}`);
    if (TEXT_ATTRIBUTES.has(attribute.type)) text[typeKey(attribute.type)] = String(attribute.value);
    if (attribute.name === 'ERROR-CODE') errorCode = { code: value.code!, reason: value.reason! };
    if (attribute.name === 'CHANGE-REQUEST') changeRequest = { changeIp: value.changeIp!, changePort: value.changePort! };
  }
  return {
    method: described.method,
    cls: described.cls,
    legacy: described.legacy,
    transactionId: described.transactionId,
    types: described.attributes.map((attribute) => attribute.type),
    addresses,
    text,
    errorCode,
    changeRequest,
    fingerprint: described.fingerprint,
  };
}

// Every fact the fixture states must hold; facts it leaves out are not checked.
function expectFacts(described: DescribedStunMessage, stated: Facts): void {
  const found = factsOf(described);
  const wanted: Facts = { ...stated, addresses: Object.fromEntries(Object.entries(stated.addresses).map(([type, address]) => [type, addressKey(address)])) };
  for (const key of Object.keys(wanted) as (keyof Facts)[]) expect(found[key], key).toEqual(wanted[key]);
}

function decodeAsUser(hex: string) {
  const result = decodeCommand(hex, true);
  return { ...result, described: result.code === 0 ? (JSON.parse(result.stdout ?? '') as DescribedStunMessage) : undefined };
}

function expectOneSentence(stderr: string | undefined): void {
  expect(stderr ?? '').not.toBe('');
  expect((stderr ?? '').trim().split('\n')).toHaveLength(1);
}

describe('STUN packets from browsers, servers and other codecs (test/fixtures/stun-fixtures.json)', () => {
  it('holds the fixtures it claims to (the file was copied whole)', () => {
    expect(FIXTURES).toHaveLength(46);
    expect(new Set(FIXTURES.map((fixture) => fixture.outcome))).toEqual(new Set(['decode', 'refuse', 'either']));
  });

  it.each(FIXTURES.filter((fixture) => fixture.outcome === 'decode').map((fixture) => [fixture.name, fixture] as const))('decodes %s with the recorded facts', (_, fixture) => {
    const result = decodeAsUser(fixture.hex);
    expect(result.stderr).toBeUndefined();
    expect(result.code).toBe(0);
    expectFacts(result.described!, fixture.expect!);
  });

  it.each(FIXTURES.filter((fixture) => fixture.outcome === 'refuse').map((fixture) => [fixture.name, fixture] as const))('refuses %s with exit 2 and one sentence', (_, fixture) => {
    const result = decodeAsUser(fixture.hex);
    expect(result.code).toBe(2);
    expectOneSentence(result.stderr);
    // Below the command, the codec refuses it with its one typed error, never anything else.
    let thrown: unknown;
    try {
      decodeMessage(fromHex(fixture.hex)!);
    } catch (error) {
      thrown = error;
    }
    expect(isStunError(thrown), String(thrown)).toBe(true);
  });

  it.each(FIXTURES.filter((fixture) => fixture.outcome === 'either').map((fixture) => [fixture.name, fixture] as const))('decodes %s with the recorded facts, or refuses it in one sentence', (_, fixture) => {
    const result = decodeAsUser(fixture.hex);
    if (result.code === 0) expectFacts(result.described!, fixture.expect!);
    else {
      expect(result.code).toBe(2);
      expectOneSentence(result.stderr);
    }
  });

  it('verifies the MESSAGE-INTEGRITY of the RFC 5769 §2.4 request with the RFC\'s long-term credentials, and not with a wrong password', () => {
    const fixture = FIXTURES.find((candidate) => candidate.name.startsWith('RFC 5769 §2.4'))!;
    const message = decodeMessage(fromHex(fixture.hex)!);
    expect(checkIntegrity(message, longTermKey(LONG_TERM_USERNAME, LONG_TERM_REALM, LONG_TERM_PASSWORD_PREPPED)).sha1).toBe('valid');
    expect(checkIntegrity(message, longTermKey(LONG_TERM_USERNAME, LONG_TERM_REALM, 'TheMatrIX!')).sha1).toBe('invalid');
  });
});
