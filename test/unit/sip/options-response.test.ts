import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../../shared/bytes';
import { readOptionsDatagram } from '../../../shared/sip/options-response';
import { KAMAILIO_200_FORCED_RPORT, KAMAILIO_200_RPORT } from './fixtures/kamailio';

const sentC = { branch: 'z9hG4bKc', callId: 'abc', cseq: 1 };
const read = (text: string, sent = sentC) => readOptionsDatagram(utf8Encode(text), sent);

describe('reading an answer to OPTIONS (RFC 3261 §17.1.3)', () => {
  it('reads kamailio\'s 200 OK with received and rport', () => {
    const reading = read(KAMAILIO_200_RPORT);
    expect(reading.kind).toBe('final');
    if (reading.kind !== 'final') return;
    expect(reading.response).toMatchObject({
      status: 200,
      reason: 'OK',
      received: '127.0.0.1',
      rport: 42141,
      server: 'kamailio (5.6.3 (x86_64/linux))',
      userAgent: null,
      topVia: 'SIP/2.0/UDP 192.168.100.5:42141;branch=z9hG4bKc;rport=42141;received=127.0.0.1',
    });
    expect(reading.response.headers.map((header) => header.name)).toEqual(['Via', 'From', 'To', 'Call-ID', 'CSeq', 'Server', 'Content-Length']);
  });

  it('reads a forced rport without received', () => {
    const reading = read(KAMAILIO_200_FORCED_RPORT, { branch: 'z9hG4bKd', callId: 'abc', cseq: 1 });
    expect(reading).toMatchObject({ kind: 'final', response: { received: null, rport: 57757 } });
  });

  it('matches only on our branch, Call-ID and CSeq', () => {
    expect(read(KAMAILIO_200_RPORT, { ...sentC, branch: 'z9hG4bKother' })).toEqual({ kind: 'unmatched', reason: 'another branch' });
    expect(read(KAMAILIO_200_RPORT, { ...sentC, callId: 'xyz' })).toEqual({ kind: 'unmatched', reason: 'another Call-ID' });
    expect(read(KAMAILIO_200_RPORT, { ...sentC, cseq: 2 })).toEqual({ kind: 'unmatched', reason: 'another CSeq' });
    expect(read(KAMAILIO_200_RPORT.replace('1 OPTIONS', '1 INVITE'))).toEqual({ kind: 'unmatched', reason: 'another CSeq' });
  });

  it('tells provisional from final answers', () => {
    expect(read(KAMAILIO_200_RPORT.replace('200 OK', '100 Trying')).kind).toBe('provisional');
    expect(read(KAMAILIO_200_RPORT.replace('200 OK', '407 Proxy Authentication Required'))).toMatchObject({ kind: 'final', response: { status: 407 } });
  });

  it('sorts out requests and garbage', () => {
    expect(read('OPTIONS sip:pbx SIP/2.0\r\nVia: SIP/2.0/UDP 1.2.3.4\r\n\r\n')).toEqual({ kind: 'request', method: 'OPTIONS' });
    expect(read('SIP/2.0 099 Odd\r\nVia: x\r\n\r\n').kind).toBe('malformed');
    expect(read('SIP/2.0 700 Odd\r\n\r\n').kind).toBe('malformed');
    expect(read('SIP/2.0 200 OK\r\nCall-ID: abc\r\nCSeq: 1 OPTIONS\r\n\r\n')).toMatchObject({ kind: 'malformed' });
    expect(read(KAMAILIO_200_RPORT.replace(/^Via: .*$/m, 'Via: nonsense'))).toMatchObject({ kind: 'malformed' });
    expect(read(KAMAILIO_200_RPORT.replace('CSeq: 1 OPTIONS', 'CSeq: one OPTIONS'))).toMatchObject({ kind: 'malformed' });
    expect(readOptionsDatagram(new Uint8Array([0x53, 0xff, 0xfe]), sentC)).toMatchObject({ kind: 'malformed' });
  });
});
