// The registration's part of a diagnosis request (shared/ipc.ts): checked by the same validator for
// the CLI and the wizard, refused with a code of its own, and never echoing the password, whatever
// was wrong with the request.
import { describe, expect, it } from 'vitest';
import { dispatch, createHandlers } from '../../../electron/handlers';
import { validateRequest } from '../../../shared/ipc';
import { LANGUAGES, word } from '../../../shared/text';
import { readReportFixture } from '../../support/report-fixture';

const PASSWORD = 's3cr3t-Pa55!';
const base = { stun: ['stun.example.net'], sip: 'sip.example.net' };
const diagnose = (register: unknown, extra: Record<string, unknown> = {}) => validateRequest('nat:diagnose', { ...base, ...extra, register });

// Everything a refusal says, in both languages: the code, its values and the sentences.
const everything = (result: ReturnType<typeof diagnose>): string =>
  result.ok ? JSON.stringify(result.value) : [JSON.stringify(result.error), ...LANGUAGES.map((language) => word(language, result.error))].join('\n');

describe('the registration in a diagnosis request', () => {
  it('takes a user, a password, a domain and the wait for the provider\'s request', () => {
    expect(diagnose({ user: 'trunk1', password: PASSWORD, domain: 'sipgate.de', inboundWaitSec: 45 })).toEqual({
      ok: true,
      value: { ...base, register: { user: 'trunk1', password: PASSWORD, domain: 'sipgate.de', inboundWaitSec: 45 } },
    });
    // RFC 3261 §25.1: unreserved, user-unreserved and %XX escapes are all a user part may hold.
    expect(diagnose({ user: "+49.30-123_4!~*'()&=$,;?/%40", password: PASSWORD }).ok).toBe(true);
  });

  it.each([
    ['a user with a space', { user: 'trunk 1', password: PASSWORD }, 'request/register-user'],
    ['a user with an @', { user: 'trunk1@sipgate.de', password: PASSWORD }, 'request/register-user'],
    ['a user with a broken escape', { user: 'trunk%4', password: PASSWORD }, 'request/register-user'],
    ['an empty user', { user: '', password: PASSWORD }, 'request/register-user'],
    ['a user of 129 characters', { user: 'u'.repeat(129), password: PASSWORD }, 'request/register-user'],
    ['an empty password', { user: 'trunk1', password: '' }, 'request/register-password'],
    ['a password that is not text', { user: 'trunk1', password: 12345 }, 'request/register-password'],
    ['a password of 257 bytes', { user: 'trunk1', password: `${PASSWORD}${'ä'.repeat(123)}` }, 'request/register-password'],
    ['a domain that is no host', { user: 'trunk1', password: PASSWORD, domain: 'sip gate.de' }, 'request/register-domain'],
    ['a wait of 301 s', { user: 'trunk1', password: PASSWORD, inboundWaitSec: 301 }, 'request/register-wait'],
    ['a wait of half a second', { user: 'trunk1', password: PASSWORD, inboundWaitSec: 0.5 }, 'request/register-wait'],
    ['a field it does not know', { user: 'trunk1', password: PASSWORD, secret: PASSWORD }, 'ipc/unknown-field'],
    ['no object', PASSWORD, 'request/register'],
  ])('refuses %s, and the refusal does not carry the password', (_name, register, code) => {
    const result = diagnose(register);
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(everything(result)).not.toContain(PASSWORD);
  });

  it('allows up to 256 bytes of password (the bound is bytes, not characters)', () => {
    expect(diagnose({ user: 'trunk1', password: 'ä'.repeat(128) }).ok).toBe(true);
    expect(diagnose({ user: 'trunk1', password: 'ä'.repeat(129) })).toMatchObject({ ok: false, error: { code: 'request/register-password' } });
  });

  it('refuses a registration without a SIP server, in one sentence', () => {
    const result = validateRequest('nat:diagnose', { stun: ['stun.example.net'], register: { user: 'trunk1', password: PASSWORD } });
    expect(result).toMatchObject({ ok: false, error: { code: 'request/register-needs-sip' } });
    if (!result.ok) expect(word('en', result.error)).toBe("Registering needs the provider's SIP server: name it (--sip) or a provider that has one.");
  });

  it('runs the registration again only with the credentials again', () => {
    const previous = readReportFixture('report-v3-masquerade.json');
    expect(validateRequest('nat:diagnose', { ...base, rerun: { check: 'register', previous } })).toMatchObject({ ok: false, error: { code: 'request/rerun-register-credentials' } });
    expect(validateRequest('nat:diagnose', { ...base, register: { user: 'trunk1', password: PASSWORD }, rerun: { check: 'register', previous } }).ok).toBe(true);
  });

  it('does not echo the password when the main process refuses a bad request', async () => {
    const handlers = createHandlers({ mode: 'browser' });
    const refused = await dispatch(handlers, 'nat:diagnose', { ...base, sip: 'not a server', register: { user: 'trunk1', password: PASSWORD } }, { progress: () => undefined });
    expect(refused).toMatchObject({ ok: false, error: { code: 'request/sip-server' } });
    expect(JSON.stringify(refused)).not.toContain(PASSWORD);
    const broken = await dispatch(handlers, 'nat:diagnose', { ...base, register: { user: PASSWORD.replace('!', ' '), password: PASSWORD } }, { progress: () => undefined });
    expect(broken).toMatchObject({ ok: false, error: { code: 'request/register-user' } });
    expect(JSON.stringify(broken)).not.toMatch(/s3cr3t/);
  });
});
