// The fragment verdict from what the four requests got back (shared/nat/fragments.ts). Each case
// is a network the lab or a real server produces; the answers carry coturn's real sizes: 1604
// bytes padded (test/integration/fragments.coturn.test.ts), 124 bytes for the 400, 80 unpadded.
import { describe, expect, it } from 'vitest';
import { fragmentsAdvice, judgeFragments, travelsAsFragments, type FragmentAnswer, type FragmentObservations } from '../../../shared/nat/fragments';

const SERVER = '203.0.113.10:3478';
const silent = (requests = 6): FragmentAnswer => ({ kind: 'none', requests });
const small: FragmentAnswer = { kind: 'success', bytes: 80, padding: null };
const padded: FragmentAnswer = { kind: 'success', bytes: 1604, padding: 1500 };
const refusedPair: FragmentAnswer = { kind: 'error', bytes: 124, status: 400 };

// A lab's answers: what each of the four requests got back.
function seen(answers: { control?: FragmentAnswer; outbound?: FragmentAnswer; inbound?: FragmentAnswer; both?: FragmentAnswer }, extra: Partial<FragmentObservations> = {}): FragmentObservations {
  return {
    server: SERVER,
    family: 'IPv4',
    cancelled: false,
    control: { requestBytes: 28, answer: answers.control ?? small },
    outbound: { requestBytes: 1540, answer: answers.outbound ?? refusedPair },
    inbound: { requestBytes: 32, answer: answers.inbound ?? padded },
    both: { requestBytes: 1532, answer: answers.both ?? padded },
    ...extra,
  };
}

describe('judging fragments from the four answers', () => {
  it('passes both ways when the big request is refused in a small 400 and the padded answer arrives (masquerade, coturn)', () => {
    const { report, evidence } = judgeFragments(seen({}));
    expect(report).toEqual({ outbound: 'passes', inbound: 'passes' });
    expect(evidence).toEqual([
      { code: 'fragments/outbound-passes', server: SERVER, requestBytes: 1540, answerBytes: 124 },
      { code: 'fragments/inbound-passes', server: SERVER, answerBytes: 1604 },
    ]);
  });

  it('sees outbound pass and inbound dropped when only the small answers come back (router drops fragments from the internet)', () => {
    const { report, evidence } = judgeFragments(seen({ inbound: silent(), both: silent() }));
    expect(report).toEqual({ outbound: 'passes', inbound: 'dropped' });
    expect(evidence[1]).toEqual({ code: 'fragments/inbound-dropped', server: SERVER, requests: 12 });
  });

  it('sees both dropped when only the plain request is answered (router drops fragments both ways)', () => {
    const { report, evidence } = judgeFragments(seen({ outbound: silent(), inbound: silent(), both: silent() }));
    expect(report).toEqual({ outbound: 'dropped', inbound: 'dropped' });
    expect(evidence[0]).toEqual({ code: 'fragments/outbound-dropped', server: SERVER, requestBytes: 1540, requests: 6 });
  });

  it('sees outbound dropped and inbound pass when the padded answer to the small request arrives but no big request gets through', () => {
    const { report } = judgeFragments(seen({ outbound: silent(), both: silent() }));
    expect(report).toEqual({ outbound: 'dropped', inbound: 'passes' });
  });

  it('counts a server that ignores RESPONSE-PORT beside PADDING: the big request was answered, so it got out', () => {
    const { report, evidence } = judgeFragments(seen({ outbound: padded }));
    expect(report.outbound).toBe('passes');
    expect(evidence[0]).toMatchObject({ answerBytes: 1604 });
  });

  it('proves outbound by the big padded request alone when the server never answers the pair', () => {
    expect(judgeFragments(seen({ outbound: silent() })).report).toEqual({ outbound: 'passes', inbound: 'passes' });
  });

  it('leaves inbound untested with a server that does not pad (coturn on one address), never calling it dropped', () => {
    const { report, evidence } = judgeFragments(seen({ inbound: small, both: small }));
    expect(report).toEqual({ outbound: 'passes', inbound: 'untested' });
    expect(evidence[1]).toEqual({ code: 'fragments/padding-ignored', server: SERVER });
  });

  it('leaves inbound untested with a server that refuses PADDING (a 420 from a server without RFC 5780)', () => {
    const unknown: FragmentAnswer = { kind: 'error', bytes: 60, status: 420 };
    const { report, evidence } = judgeFragments(seen({ outbound: unknown, inbound: unknown, both: unknown }));
    expect(report).toEqual({ outbound: 'passes', inbound: 'untested' });
    expect(evidence[1]).toEqual({ code: 'fragments/padding-refused', server: SERVER, status: 420 });
  });

  it('leaves inbound untested when the server pads too little for its answer to be fragmented', () => {
    const mirrored: FragmentAnswer = { kind: 'success', bytes: 120, padding: 4 };
    const { report, evidence } = judgeFragments(seen({ inbound: mirrored, both: silent() }));
    expect(report.inbound).toBe('untested');
    expect(evidence[1]).toEqual({ code: 'fragments/answer-too-small', server: SERVER, answerBytes: 120 });
  });

  it('takes a padded answer to the big request as proof for both ways when the small one went unanswered', () => {
    const { report, evidence } = judgeFragments(seen({ outbound: silent(), inbound: silent() }));
    expect(report).toEqual({ outbound: 'passes', inbound: 'passes' });
    expect(evidence[0]).toMatchObject({ requestBytes: 1532 });
  });

  it('tests nothing when the server answers nothing at all, not even the plain request', () => {
    const { report, evidence } = judgeFragments(seen({ control: silent(), outbound: silent(), inbound: silent(), both: silent() }));
    expect(report).toEqual({ outbound: 'untested', inbound: 'untested' });
    expect(evidence).toEqual([{ code: 'fragments/server-silent', server: SERVER, requests: 24 }]);
  });

  it('does not call silence "dropped" when the plain request went unanswered too (a lost answer, not a lost fragment)', () => {
    const { report } = judgeFragments(seen({ control: silent(), inbound: silent(), both: silent() }));
    expect(report).toEqual({ outbound: 'passes', inbound: 'untested' });
  });

  it('says cancelled, not dropped, when the diagnosis was cancelled before the answers came', () => {
    const { report, evidence } = judgeFragments(seen({ outbound: silent(1), inbound: silent(1), both: silent(1) }, { cancelled: true }));
    expect(report).toEqual({ outbound: 'untested', inbound: 'untested' });
    expect(evidence).toEqual([{ code: 'fragments/cancelled' }]);
  });

  it('keeps what was proven before a cancel', () => {
    const { report, evidence } = judgeFragments(seen({ inbound: silent(1), both: silent(1) }, { cancelled: true }));
    expect(report).toEqual({ outbound: 'passes', inbound: 'untested' });
    expect(evidence[1]).toEqual({ code: 'fragments/cancelled' });
  });
});

describe('what size travels as fragments', () => {
  it('draws the line at an IP datagram over 1500 bytes: 1472 bytes of UDP payload over IPv4, 1452 over IPv6', () => {
    expect(travelsAsFragments(1472, 'IPv4')).toBe(false);
    expect(travelsAsFragments(1473, 'IPv4')).toBe(true);
    expect(travelsAsFragments(1452, 'IPv6')).toBe(false);
    expect(travelsAsFragments(1453, 'IPv6')).toBe(true);
  });

  it('does not count a padded answer that fits one Ethernet frame as proof for inbound', () => {
    const fits: FragmentAnswer = { kind: 'success', bytes: 1472, padding: 1376 };
    expect(judgeFragments(seen({ inbound: fits, both: fits })).report.inbound).toBe('untested');
  });
});

describe('the fixes for dropped fragments', () => {
  it('names the direction and adds SIP over TCP (RFC 3261 §18.1.1)', () => {
    expect(fragmentsAdvice({ outbound: 'dropped', inbound: 'dropped' }, '192.168.100.5')).toEqual([
      { code: 'fragments-fix/allow', direction: 'both', pbxIp: '192.168.100.5' },
      { code: 'fragments-fix/sip-tcp' },
    ]);
    expect(fragmentsAdvice({ outbound: 'passes', inbound: 'dropped' }, '192.168.100.5')[0]).toMatchObject({ direction: 'inbound' });
    expect(fragmentsAdvice({ outbound: 'dropped', inbound: 'untested' }, '192.168.100.5')[0]).toMatchObject({ direction: 'outbound' });
  });

  it('has nothing to fix when nothing was dropped', () => {
    expect(fragmentsAdvice({ outbound: 'passes', inbound: 'untested' }, '192.168.100.5')).toEqual([]);
  });
});
