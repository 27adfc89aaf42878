import { describe, expect, it } from 'vitest';
import { findProfile } from '../../../shared/catalog/profiles';
import { buildChecklist } from '../../../shared/checklist/model';
import { render } from '../../../shared/firewall/fritzbox';
import { checklistFrom, count, fixtureFacts, loadReport, SITE } from './checklists';

const facts = fixtureFacts('masquerade');

describe('the FRITZ!Box export', () => {
  const text = render(checklistFrom('masquerade'));

  it('shares the two inbound port ranges with the PBX, same port outside', () => {
    expect(text).toContain(`choose the PBX, ${facts.pbxIp}`);
    expect(count(text, /"New Sharing"/g)).toBe(2);
    expect(text).toContain(`protocol UDP, port to device ${facts.sipPort}, external port the same (${facts.sipPort})`);
    expect(text).toContain(`protocol UDP, port to device ${facts.rtp}, external port the same (${facts.rtp})`);
  });

  it('warns about DS-Lite, the missing source filter and its own port 5060', () => {
    expect(text).toContain('DS-Lite');
    expect(text).toContain('no inbound IPv4 at all');
    expect(text).toContain('cannot be limited to the provider');
    expect(text).toContain('opens port 5060 itself');
    expect(text).not.toContain('Conflict');
  });

  it('reports a conflict when the PBX needs 5060 itself (3CX profile)', () => {
    const profile = findProfile('3cx');
    if (!profile) throw new Error('3CX profile missing');
    // A run measured with the 3CX profile's SIP port.
    const measured = loadReport('masquerade');
    const report = { ...measured, profile: '3cx', local: { ...measured.local, sipPort: profile.sipPort } };
    const threecx = render(buildChecklist(report, profile, { site: SITE, language: 'en', createdAt: report.startedAt }));
    expect(threecx).toContain('port to device 5060');
    expect(threecx).toContain('Conflict: the FRITZ!Box opens port 5060 itself');
  });

  it('says that it sets no DSCP, and that marking is off when it is', () => {
    expect(text).toContain('this export sets none on this platform');
    expect(render(checklistFrom('masquerade', { qos: false }))).toContain('DSCP EF (46) marking for voice: off.');
  });

  it('is German for a German checklist', () => {
    const german = render(checklistFrom('masquerade', { language: 'de' }));
    expect(german).toContain('Internet > Freigaben > Portfreigaben');
    expect(german).toContain('"Neue Freigabe" > Portfreigabe > Andere Anwendung');
    expect(german).toContain('keine öffentliche IPv4-Adresse');
    expect(german).not.toContain('Permit Access');
  });
});
