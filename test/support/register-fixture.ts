// A registration section (shared/register.ts) as electron/sip/register writes one, for tests that
// need no registrar: a 200 after one SHA-256 challenge, the provider's OPTIONS 2.4 s later, and a
// clean un-REGISTER; a scenario changes what it needs.
import type { RegisterReport } from '../../shared/register';
import type { DiagnoseReport } from '../../shared/report';

export function registerReport(changes: Partial<RegisterReport> = {}): RegisterReport {
  return {
    aor: 'sip:trunk1@sip.example.net',
    outcome: 'registered',
    status: 200,
    reason: 'OK',
    challenged: true,
    algorithm: 'SHA-256',
    expiresSec: 120,
    contact: 'sip:trunk1@192.168.100.5:65002',
    via: { received: '203.0.113.1', rport: 65002 },
    rttMs: 24,
    unregistered: true,
    inbound: { received: true, method: 'OPTIONS', from: { family: 'IPv4', ip: '203.0.113.20', port: 5060 }, afterMs: 2400, waitedMs: 2400, answered: 200 },
    ...changes,
  };
}

// The registration's outcomes that end with a final status but no registration.
export const wrongCredentials = (): RegisterReport =>
  registerReport({ outcome: 'wrong-credentials', status: 401, reason: 'Unauthorized', expiresSec: null, contact: null, unregistered: null, inbound: null });

export const noInbound = (): RegisterReport => registerReport({ inbound: { received: false, method: null, from: null, afterMs: null, waitedMs: 30000, answered: null } });

export function withRegistration(report: DiagnoseReport, register: RegisterReport): DiagnoseReport {
  if (report.sip === null) throw new Error('the report has no SIP section to hold the registration');
  return { ...report, sip: { ...report.sip, register } };
}
