// The wizard's saved session (localStorage) never holds the trunk's password: the measured request
// it keeps for resuming loses its credentials (renderer/src/lib/session-codec.ts checks the rest).
import { describe, expect, it } from 'vitest';
import { withoutCredentials } from '../../../renderer/src/steps/measure/credentials';
import { readReportFixture } from '../../support/report-fixture';

const report = readReportFixture('report-v3-masquerade.json');
const request = { stun: ['stun.example.net'], sip: 'sip.example.net', register: { user: 'trunk1', password: 's3cr3t-Pa55!' } };

describe('the measurement the wizard keeps for resuming', () => {
  it('drops the credentials and keeps the rest of the request and the report', () => {
    const kept = withoutCredentials({ request, report });
    expect(kept).toEqual({ request: { stun: ['stun.example.net'], sip: 'sip.example.net' }, report });
    expect(JSON.stringify(kept)).not.toContain('s3cr3t-Pa55!');
    expect(withoutCredentials(null)).toBeNull();
  });
});
