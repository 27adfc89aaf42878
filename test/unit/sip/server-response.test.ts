import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../../shared/bytes';
import { getHeader, getHeaders, parseSipMessage } from '../../../shared/sip/message';
import { answerFor, buildResponse, stampTopVia } from '../../../shared/sip/server-response';
import { KAMAILIO_NATPING } from './fixtures/kamailio-registrar';

const server = 'TrunkCheck/0.1.0';

describe('answering the provider\'s request to the contact (RFC 3261 §8.2.6)', () => {
  it('answers kamailio\'s nathelper ping with 200, Allow and Accept (§11.2), To tagged, the rest copied', () => {
    const ping = parseSipMessage(utf8Encode(KAMAILIO_NATPING));
    const answer = buildResponse(ping, { status: 200, reason: 'OK', toTag: 'a1b2', source: { ip: '127.0.0.1', port: 47537 }, server });
    expect(answer?.text).toBe(
      'SIP/2.0 200 OK\r\n' +
        'Via: SIP/2.0/UDP 127.0.0.1:47537;branch=z9hG4bK5791053\r\n' +
        'From: sip:pinger@127.0.0.1;tag=uloc-6b0cb99d-4790-1-88adf0b7-6315e185\r\n' +
        'To: sip:trunk1@127.0.0.1:36198;tag=a1b2\r\n' +
        'Call-ID: 950d1bc7-7afa4ed2-8629db7@127.0.0.1\r\n' +
        'CSeq: 1 OPTIONS\r\n' +
        'Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, NOTIFY, MESSAGE\r\n' +
        'Accept: application/sdp\r\n' +
        'Server: TrunkCheck/0.1.0\r\n' +
        'Content-Length: 0\r\n\r\n',
    );
    // Our own parser reads it back as a response.
    expect(parseSipMessage(answer?.bytes ?? new Uint8Array()).start).toMatchObject({ kind: 'response', status: 200 });
  });

  it('keeps every Via in order, stamping only the top one with received and rport (§18.2.1, RFC 3581 §4)', () => {
    const request = parseSipMessage(utf8Encode(
      'NOTIFY sip:trunk1@192.168.100.5:65002 SIP/2.0\r\n' +
        'Via: SIP/2.0/UDP 10.1.1.1:5060;branch=z9hG4bKtop;rport\r\n' +
        'Via: SIP/2.0/UDP 10.2.2.2:5060;branch=z9hG4bKnext\r\n' +
        'From: <sip:mwi@provider.example>;tag=x\r\n' +
        'To: <sip:trunk1@provider.example>;tag=already\r\n' +
        'Call-ID: n1\r\nCSeq: 7 NOTIFY\r\nContent-Length: 0\r\n\r\n',
    ));
    const answer = parseSipMessage(buildResponse(request, { status: 200, reason: 'OK', toTag: 'mine', source: { ip: '198.51.100.7', port: 5999 }, server })?.bytes ?? new Uint8Array());
    expect(getHeaders(answer, 'Via')).toEqual(['SIP/2.0/UDP 10.1.1.1:5060;branch=z9hG4bKtop;rport=5999;received=198.51.100.7', 'SIP/2.0/UDP 10.2.2.2:5060;branch=z9hG4bKnext']);
    expect(getHeader(answer, 'To')).toBe('<sip:trunk1@provider.example>;tag=already'); // §8.2.6.2: an existing tag stays
    expect(getHeader(answer, 'Allow')).toBeUndefined();
  });

  it('stamps a Via line carrying two via-parms in its first one only', () => {
    expect(stampTopVia('SIP/2.0/UDP 10.1.1.1;branch=z9hG4bKa;rport, SIP/2.0/UDP 10.2.2.2;branch=z9hG4bKb;rport', { ip: '203.0.113.1', port: 4000 }))
      .toBe('SIP/2.0/UDP 10.1.1.1;branch=z9hG4bKa;rport=4000;received=203.0.113.1, SIP/2.0/UDP 10.2.2.2;branch=z9hG4bKb;rport');
  });

  it('answers each method without creating state it does not keep', () => {
    expect(answerFor('OPTIONS')).toEqual({ status: 200, reason: 'OK' });
    expect(answerFor('NOTIFY')).toEqual({ status: 200, reason: 'OK' });
    expect(answerFor('INVITE')).toEqual({ status: 480, reason: 'Temporarily Unavailable' });
    expect(answerFor('BYE')?.status).toBe(481);
    expect(answerFor('ACK')).toBeNull();
    expect(answerFor('SUBSCRIBE')?.status).toBe(405);
  });

  it('cannot answer a request without From, To, Call-ID or CSeq, and says so with undefined', () => {
    const request = parseSipMessage(utf8Encode('OPTIONS sip:x@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:1;branch=z9hG4bKq\r\nContent-Length: 0\r\n\r\n'));
    expect(buildResponse(request, { status: 200, reason: 'OK', toTag: 't', source: { ip: '127.0.0.1', port: 1 }, server })).toBeUndefined();
  });
});
