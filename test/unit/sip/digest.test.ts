import { describe, expect, it } from 'vitest';
import { buildAuthorization, chooseDigestChallenge, digestResponse, formatNonceCount, parseDigestChallenge, type DigestChallenge } from '../../../shared/sip/digest';

// RFC 7616 §3.9.1: the worked example (HTTP, so method GET and a path for uri).
const MUFASA = { username: 'Mufasa', password: 'Circle of Life' };
const RFC7616_USE = { method: 'GET', uri: '/dir/index.html', cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ', nc: 1 };
const RFC7616_CHALLENGE = (algorithm: string): string =>
  `Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=${algorithm}, ` +
  'nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"';

function challengeOf(value: string): DigestChallenge {
  const reading = parseDigestChallenge(value);
  if (!reading.ok) throw new Error(`not readable: ${reading.problem}`);
  return reading.challenge;
}

describe('digest challenge and response (RFC 7616, RFC 3261 §22.4)', () => {
  it('computes the RFC 7616 §3.9.1 MD5 response', () => {
    const challenge = challengeOf(RFC7616_CHALLENGE('MD5'));
    expect(challenge).toEqual({
      realm: 'http-auth@example.org',
      nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
      opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS',
      algorithm: 'MD5',
      qop: 'auth',
      stale: false,
    });
    expect(digestResponse(challenge, MUFASA, RFC7616_USE)).toBe('8ca523f5e9506fed4657c9700eebdbec');
  });

  it('computes the RFC 7616 §3.9.1 SHA-256 response', () => {
    const challenge = challengeOf(RFC7616_CHALLENGE('SHA-256'));
    expect(challenge.algorithm).toBe('SHA-256');
    expect(digestResponse(challenge, MUFASA, RFC7616_USE)).toBe('753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1');
  });

  it('writes the Authorization value as RFC 7616 §3.9.1 shows it, opaque and algorithm echoed', () => {
    const value = buildAuthorization(challengeOf(RFC7616_CHALLENGE('SHA-256')), MUFASA, RFC7616_USE);
    expect(value).toBe(
      'Digest username="Mufasa", realm="http-auth@example.org", nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", uri="/dir/index.html", ' +
        'response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", algorithm=SHA-256, ' +
        'cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, nc=00000001, opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"',
    );
    expect(value).not.toContain('Circle of Life');
  });

  it('answers a challenge without qop the RFC 2069 way: no cnonce, no nc', () => {
    // RFC 2069 §2.4's example values; the response as Python's hashlib computes H(H(A1):nonce:H(A2)).
    const challenge = challengeOf('Digest realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"');
    expect(challenge).toMatchObject({ algorithm: 'MD5', qop: null });
    const use = { method: 'GET', uri: '/dir/index.html', cnonce: 'unused', nc: 1 };
    expect(digestResponse(challenge, { username: 'Mufasa', password: 'CircleOfLife' }, use)).toBe('1949323746fe6a43ef61f9606e7febea');
    const value = buildAuthorization(challenge, { username: 'Mufasa', password: 'CircleOfLife' }, use);
    expect(value).not.toMatch(/cnonce|qop|nc=/);
    expect(value).toContain('algorithm=MD5');
  });

  it('reads what kamailio sends: a quoted qop, stale=true, any case in names and values', () => {
    const challenge = challengeOf('Digest realm="trunk.test", nonce="ZZ1+AAAAAAAAAAAAAAAAAAA", qop="auth", STALE=TRUE, Algorithm=sha-256');
    expect(challenge).toMatchObject({ realm: 'trunk.test', algorithm: 'SHA-256', qop: 'auth', stale: true, opaque: null });
  });

  it('keeps escaped quotes in a realm and writes them back escaped', () => {
    const challenge = challengeOf('Digest realm="a \\"quoted\\" realm", nonce="n"');
    expect(challenge.realm).toBe('a "quoted" realm');
    expect(buildAuthorization(challenge, MUFASA, RFC7616_USE)).toContain('realm="a \\"quoted\\" realm"');
  });

  it('prefers SHA-256 over MD5 among several challenge headers (RFC 8760 §2.4, RFC 7616 §3.7)', () => {
    const md5 = 'Digest realm="r", nonce="n1", algorithm=MD5, qop="auth"';
    const sha = 'Digest realm="r", nonce="n2", algorithm=SHA-256, qop="auth"';
    const chosen = chooseDigestChallenge([md5, sha]);
    expect(chosen.ok && chosen.challenge).toMatchObject({ algorithm: 'SHA-256', nonce: 'n2' });
    // One we cannot answer beside one we can: the one we can.
    const mixed = chooseDigestChallenge(['Digest realm="r", nonce="x", algorithm=SHA-512-256', md5]);
    expect(mixed.ok && mixed.challenge).toMatchObject({ algorithm: 'MD5', nonce: 'n1' });
  });

  it('says why a challenge cannot be answered, without throwing', () => {
    const cases: [string, string][] = [
      ['Basic realm="x"', 'not-digest'],
      ['Digest', 'not-digest'],
      ['Digest realm="r", nonce="n", algorithm=MD5-sess', 'algorithm'],
      ['Digest realm="r", nonce="n", algorithm=constructor', 'algorithm'],
      ['Digest realm="r", nonce="n", qop="auth-int"', 'qop'],
      ['Digest nonce="n"', 'no-realm'],
      ['Digest realm="r"', 'no-nonce'],
      ['Digest realm="r", realm="s", nonce="n"', 'duplicate'],
      ['Digest realm="unterminated, nonce="n"', 'syntax'],
      ['Digest realm="r" nonce="n"', 'syntax'],
      ['Digest realm=, nonce="n"', 'syntax'],
      ['Digest realm="r\u0001", nonce="n"', 'syntax'],
      ['Digest realm="r",, nonce="n"', 'syntax'],
      ['Digest realm="r", nonce="n",', 'syntax'],
      [`Digest realm="${'r'.repeat(5000)}", nonce="n"`, 'too-long'],
      [`Digest ${Array.from({ length: 40 }, (_, i) => `p${i}=1`).join(', ')}`, 'too-long'],
      ['', 'syntax'],
      ['\u00e9\u00e9 x', 'syntax'],
    ];
    for (const [value, problem] of cases) expect(parseDigestChallenge(value), value.slice(0, 60)).toEqual({ ok: false, problem });
    expect(chooseDigestChallenge([])).toEqual({ ok: false, problem: 'not-digest' });
  });

  it('never throws on random bytes as a challenge', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const alphabet = 'Digest realm="nonce=,\\ \t;qop=auth algorithm=SHA-256\u0000\u00ff';
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: next() % 120 }, () => alphabet[next() % alphabet.length]).join('');
      const reading = parseDigestChallenge(text);
      expect(typeof reading.ok).toBe('boolean');
    }
  });

  it('writes nc as eight hex digits (RFC 7616 §3.4)', () => {
    expect(formatNonceCount(1)).toBe('00000001');
    expect(formatNonceCount(255)).toBe('000000ff');
  });
});
