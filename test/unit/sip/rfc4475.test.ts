// The RFC 4475 "SIP Torture Test Messages", byte for byte (test/fixtures/rfc4475/*.dat), against
// what the RFC says of each (test/fixtures/rfc4475.json): §3.1.1 valid messages decode with the
// facts they carry, §3.1.2 invalid ones are refused with the one typed error (or, where the RFC
// lets a liberal parser accept them, decode with their start-line facts), §3.2–§3.4 semantic ones
// decode unless the RFC wants them answered with an error for their framing. None crashes: not the
// parser, not the OPTIONS reader, not `trunkcheck decode`.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCommand } from '../../../electron/cli/decode';
import { toHex, utf8Decode } from '../../../shared/bytes';
import { formatSipMessage, getHeader, isSipError, parseSipMessage, type SipMessage } from '../../../shared/sip/message';
import { readOptionsDatagram } from '../../../shared/sip/options-response';
import { parseVia } from '../../../shared/sip/via';

interface Facts {
  readonly kind: 'request' | 'response';
  readonly method?: string;
  readonly uri?: string;
  readonly status?: number;
  readonly reason?: string;
  readonly callId?: string;
  readonly viaHost?: string;
  readonly viaBranch?: string;
  readonly body?: string;
}

interface TortureMessage {
  readonly name: string;
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly section: string;
  readonly title: string;
  readonly group: 'valid' | 'invalid' | 'semantic';
  readonly rfc: string;
  readonly tolerantMayAccept?: boolean;
  readonly expect: Facts;
}

const FIXTURES = new URL('../../fixtures/', import.meta.url);
const MESSAGES = (JSON.parse(readFileSync(new URL('rfc4475.json', FIXTURES), 'utf8')) as { messages: TortureMessage[] }).messages;
const bytesOf = (message: TortureMessage): Uint8Array => new Uint8Array(readFileSync(new URL(message.file, FIXTURES)));

// Semantic messages (RFC 4475 §3.3) whose fault is in the framing, which a parser must refuse:
// RFC 3261 §7.3.1 lets a header appear more than once only if its value is a comma-separated list.
const REFUSED_SEMANTIC: Readonly<Record<string, string>> = {
  multi01: 'two Call-ID, CSeq, From, To and Max-Forwards values: RFC 4475 §3.3.8 answers 400',
  mcl01: 'two Content-Length values, so the body cannot be framed: RFC 4475 §3.3.9 answers with an error',
};

function sipErrorOf(bytes: Uint8Array): unknown {
  try {
    parseSipMessage(bytes);
  } catch (error) {
    return error;
  }
  return undefined;
}

// Every fact the fixture states must hold; a fact it leaves out is not checked.
function expectFacts(message: SipMessage, facts: Facts): void {
  const { start } = message;
  expect(start.kind).toBe(facts.kind);
  if (start.kind === 'request') {
    expect(start.method).toBe(facts.method);
    if (facts.uri !== undefined) expect(start.uri).toBe(facts.uri);
  } else {
    expect(start.status).toBe(facts.status);
    if (facts.reason !== undefined) expect(start.reason).toBe(facts.reason);
  }
  if (facts.callId !== undefined) expect(getHeader(message, 'Call-ID')).toBe(facts.callId);
  if (facts.viaHost !== undefined || facts.viaBranch !== undefined) {
    const via = parseVia(getHeader(message, 'Via') ?? '');
    expect(via?.host).toBe(facts.viaHost);
    if (facts.viaBranch !== undefined) expect(via?.params.branch).toBe(facts.viaBranch);
  }
  if (facts.body !== undefined) expect(utf8Decode(message.body)).toBe(facts.body);
}

// What the fixture file says of all of them: every Content-Length matches its body, in octets.
function expectFramedByContentLength(message: SipMessage): void {
  const length = getHeader(message, 'Content-Length');
  if (length !== undefined) expect(message.body.length).toBe(Number(length));
}

const named = (messages: TortureMessage[]) => messages.map((message) => [`${message.name} (§${message.section} ${message.title})`, message] as const);
const valid = MESSAGES.filter((message) => message.group === 'valid');
const invalid = MESSAGES.filter((message) => message.group === 'invalid' && message.tolerantMayAccept !== true);
const tolerable = MESSAGES.filter((message) => message.group === 'invalid' && message.tolerantMayAccept === true);
const semantic = MESSAGES.filter((message) => message.group === 'semantic' && !Object.hasOwn(REFUSED_SEMANTIC, message.name));
const refusedSemantic = MESSAGES.filter((message) => message.group === 'semantic' && Object.hasOwn(REFUSED_SEMANTIC, message.name));

describe('RFC 4475 torture messages', () => {
  it('are the RFC\'s bytes, unchanged by the copy (CRLF and binary parts intact)', () => {
    expect(MESSAGES).toHaveLength(49);
    for (const message of MESSAGES) {
      const bytes = bytesOf(message);
      expect(bytes.length, message.name).toBe(message.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), message.name).toBe(message.sha256);
    }
  });

  describe('§3.1.1 valid messages decode with their facts', () => {
    it.each(named(valid))('%s', (_, message) => {
      const parsed = parseSipMessage(bytesOf(message));
      expectFacts(parsed, message.expect);
      expectFramedByContentLength(parsed);
    });
  });

  describe('§3.1.2 invalid messages are refused with the one typed error', () => {
    it.each(named(invalid))('%s', (_, message) => {
      const error = sipErrorOf(bytesOf(message));
      expect(isSipError(error), `${message.rfc} — got ${String(error)}`).toBe(true);
    });
  });

  describe('§3.1.2 invalid messages a liberal parser may accept are refused, or decode with their facts', () => {
    it.each(named(tolerable))('%s', (_, message) => {
      const error = sipErrorOf(bytesOf(message));
      if (error === undefined) expectFacts(parseSipMessage(bytesOf(message)), message.expect);
      else expect(isSipError(error), String(error)).toBe(true);
    });
  });

  describe('§3.2–§3.4 semantically odd but well-framed messages decode with their facts', () => {
    it.each(named(semantic))('%s', (_, message) => {
      const parsed = parseSipMessage(bytesOf(message));
      expectFacts(parsed, message.expect);
      expectFramedByContentLength(parsed);
    });
  });

  describe('§3.3 messages with more than one value for a single-valued header are refused', () => {
    it.each(named(refusedSemantic))('%s', (_, message) => {
      const error = sipErrorOf(bytesOf(message));
      expect(isSipError(error), `${REFUSED_SEMANTIC[message.name]} — got ${String(error)}`).toBe(true);
      if (isSipError(error)) expect(error.place).toBe('header/duplicate');
    });
  });

  describe('trunkcheck decode', () => {
    it.each(named([...valid, ...semantic]))('shows %s as SIP', (_, message) => {
      const result = decodeCommand(toHex(bytesOf(message)), false);
      expect(result.stderr).toBeUndefined();
      expect(result.code).toBe(0);
      const { expect: facts } = message;
      expect(result.stdout).toContain(facts.kind === 'request' ? `SIP ${facts.method} request to ` : `SIP response ${facts.status} `);
    });

    it.each(named([...invalid, ...refusedSemantic]))('refuses %s in one sentence that it is not valid SIP', (_, message) => {
      const result = decodeCommand(toHex(bytesOf(message)), false);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^Not a valid SIP message: .+\.$/);
      expect(result.stderr?.split('\n')).toHaveLength(1);
    });
  });

  it('crash nothing that reads them: the formatter, the OPTIONS reader and the JSON output', () => {
    for (const message of MESSAGES) {
      const bytes = bytesOf(message);
      const error = sipErrorOf(bytesOf(message));
      if (error === undefined) expect(formatSipMessage(parseSipMessage(bytes))).toMatch(/^SIP /);
      else expect(isSipError(error)).toBe(true);
      const reading = readOptionsDatagram(bytes, { branch: 'z9hG4bKx', callId: 'x', cseq: 1 });
      expect(['request', 'malformed', 'unmatched']).toContain(reading.kind);
      const json = decodeCommand(toHex(bytes), true);
      if (json.code === 0) expect(JSON.parse(json.stdout ?? '')).toMatchObject({ protocol: 'sip' });
    }
  });
});
