import { describe, expect, it } from 'vitest';
import { API_METHODS, isChannel, validateRequest, VALIDATORS } from '../../../shared/ipc';

describe('IPC contract validation', () => {
  it('knows exactly the channels of the API', () => {
    expect(Object.keys(VALIDATORS).sort()).toEqual(Object.values(API_METHODS).sort());
    expect(isChannel('stun:public-address')).toBe(true);
    expect(isChannel('toString')).toBe(false);
    expect(isChannel('__proto__')).toBe(false);
    expect(isChannel(42)).toBe(false);
  });

  it('accepts a well-formed public-address request', () => {
    expect(validateRequest('stun:public-address', { stun: 'stun.sipgate.net:10000', localIp: '192.168.100.5', sipPort: 65002 })).toEqual({
      ok: true,
      value: { stun: 'stun.sipgate.net:10000', localIp: '192.168.100.5', sipPort: 65002 },
    });
  });

  it.each([
    [null, 'needs an object'],
    [[], 'needs an object'],
    [{}, 'STUN server'],
    [{ stun: '' }, 'STUN server'],
    [{ stun: 'a b' }, 'STUN server'],
    [{ stun: 'host:99999' }, 'STUN server'],
    [{ stun: 'x'.repeat(300) }, 'STUN server'],
    [{ stun: 'ok', sipPort: 0 }, 'SIP port'],
    [{ stun: 'ok', sipPort: '65002' }, 'SIP port'],
    [{ stun: 'ok', localIp: 'my-pc' }, 'local address'],
    [{ stun: 'ok', evil: true }, 'Unknown field'],
  ])('refuses %j with a sentence about the %s', (input, words) => {
    const result = validateRequest('stun:public-address', input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('ipc/bad-request');
      expect(result.error.message).toContain(words);
    }
  });

  it('validates the NAT test request: one or two STUN servers, an optional SIP server', () => {
    expect(validateRequest('nat:diagnose', { stun: ['203.0.113.10'], sip: '203.0.113.20:5060', lifetime: true })).toEqual({
      ok: true,
      value: { stun: ['203.0.113.10'], sip: '203.0.113.20:5060', lifetime: true },
    });
    expect(validateRequest('nat:diagnose', { stun: ['203.0.113.10'], media: 'off', qualitySec: 5, providerId: 'sipgate' })).toEqual({
      ok: true,
      value: { stun: ['203.0.113.10'], media: 'off', qualitySec: 5, providerId: 'sipgate' },
    });
    expect(validateRequest('nat:diagnose', { stun: ['a'], profileId: '3cx', rtp: { from: 9000, to: 10999 } })).toMatchObject({ ok: true, value: { profileId: '3cx', rtp: { from: 9000, to: 10999 } } });
    for (const bad of [{ stun: ['a'], rtp: { from: 10, to: 5 } }, { stun: ['a'], rtp: [1, 2] }, { stun: ['a'], profileId: 'X!' }, { stun: ['a'], media: 'most' }, { stun: ['a'], qualitySec: 0 }, { stun: ['a'], qualitySec: 2.5 }, { stun: ['a'], providerId: 'No Such' }]) {
      expect(validateRequest('nat:diagnose', bad).ok).toBe(false);
    }
    for (const bad of [{ stun: [] }, { stun: ['a', 'b', 'c'] }, { stun: 'a' }, { stun: ['a'], sip: 'x y' }, { stun: ['a'], lifetime: 'yes' }, { stun: ['a'], sipPort: 0 }]) {
      expect(validateRequest('nat:diagnose', bad).ok).toBe(false);
    }
  });

  it('refuses arguments for actions that take none', () => {
    expect(validateRequest('network:interfaces', null).ok).toBe(true);
    expect(validateRequest('network:interfaces', { x: 1 }).ok).toBe(false);
  });
});
