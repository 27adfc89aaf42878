// The registration with the provider in the verdict and "What to do" (issue 16): refused
// credentials need action and name the credentials; a registrar that never pings is a caveat, not
// a failure; a digest TrunkCheck cannot answer leaves the line not fully verified.
import { describe, expect, it } from 'vitest';
import { word } from '../../../shared/text';
import { judgeReport } from '../../../shared/verdict/verdict';
import { whatToDo } from '../../../shared/verdict/what-to-do';
import { noInbound, registerReport, withRegistration, wrongCredentials } from '../../support/register-fixture';
import { createReport } from './reports';

const ready = createReport();
const judged = (register: ReturnType<typeof registerReport>) => {
  const report = withRegistration(ready, register);
  return { verdict: judgeReport(report), todo: whatToDo(report) };
};

describe('the registration in the verdict', () => {
  it('keeps a ready line ready when the registration worked and the provider pinged the PBX', () => {
    expect(judgeReport(ready)).toBe('ready');
    const { verdict, todo } = judged(registerReport());
    expect(verdict).toBe('ready');
    expect(todo.filter((item) => item.message.code.includes('register'))).toEqual([]);
  });

  it('is not ready with wrong credentials, and the fix names the credentials in both languages', () => {
    const { verdict, todo } = judged(wrongCredentials());
    expect(verdict).toBe('action-needed');
    expect(todo[0]).toEqual({ kind: 'fix', rule: null, message: { code: 'fix/register-credentials', aor: 'sip:trunk1@sip.example.net', status: 401 } });
    expect(word('en', todo[0]?.message ?? { code: 'todo/test-media' })).toContain('check the user name, the password and the domain');
    expect(word('de', todo[0]?.message ?? { code: 'todo/test-media' })).toContain('Benutzername, Passwort und Domain');
  });

  it('needs action when the registrar refuses the account, with its status', () => {
    const { verdict, todo } = judged(registerReport({ outcome: 'refused', status: 404, reason: 'User Unknown', unregistered: null, inbound: null }));
    expect(verdict).toBe('action-needed');
    expect(todo.map((item) => item.message)).toContainEqual({ code: 'fix/register-refused', aor: 'sip:trunk1@sip.example.net', status: 404, reason: 'User Unknown' });
  });

  it('needs action when REGISTER goes unanswered while OPTIONS was answered', () => {
    const { verdict, todo } = judged(registerReport({ outcome: 'no-answer', status: null, reason: null, unregistered: null, inbound: null }));
    expect(verdict).toBe('action-needed');
    expect(todo.map((item) => item.message)).toContainEqual({ code: 'fix/register-no-answer', aor: 'sip:trunk1@sip.example.net', target: '203.0.113.20:5060' });
  });

  it('leaves the line not fully verified when the registrar asks for a digest TrunkCheck does not answer', () => {
    const { verdict, todo } = judged(registerReport({ outcome: 'unsupported', status: 401, reason: 'Unauthorized', algorithm: null, unregistered: null, inbound: null }));
    expect(verdict).toBe('incomplete');
    expect(todo.map((item) => item.message.code)).toContain('todo/register-unsupported');
  });

  it('only warns when the provider sent nothing within the wait: many providers do not ping', () => {
    const { verdict, todo } = judged(noInbound());
    expect(verdict).toBe('ready');
    expect(todo).toContainEqual({ kind: 'caveat', rule: 'inbound-signalling', message: { code: 'caveat/no-inbound-request', seconds: 30 } });
  });

  it('warns that the test contact stays registered when the un-REGISTER failed', () => {
    const { todo } = judged(registerReport({ unregistered: false }));
    expect(todo).toContainEqual({ kind: 'caveat', rule: null, message: { code: 'caveat/register-left', seconds: 120 } });
  });

  it('asks to run the registration again when it was cancelled', () => {
    const report = { ...ready, cancelled: ['register' as const] };
    expect(judgeReport(report)).toBe('incomplete');
    expect(word('en', whatToDo(report)[0]?.message ?? { code: 'todo/test-media' })).toBe('Run the registration with the provider again: it was cancelled before it finished.');
  });
});
