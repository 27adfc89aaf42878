// The registration in the documents (issue 16): the checklist carries the report's sip.register,
// reads back through its schema, and the Markdown (the PDF lays out the same view) lists it in the
// checklist's language: outcome, digest, expiry, what the registrar saw, the provider's request and
// the un-REGISTER. Nothing of it exists in a checklist of a run without registration.
import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../../../shared/catalog/profiles';
import { buildChecklist } from '../../../shared/checklist/model';
import { parseChecklistJson, renderJson } from '../../../shared/export/json';
import { renderMarkdown } from '../../../shared/export/markdown';
import { englishLines } from '../../support/english';
import { noInbound, registerReport, withRegistration } from '../../support/register-fixture';
import { CREATED_AT, report, SITE } from './checklists';

const registered = (language: 'en' | 'de', register = registerReport()) =>
  buildChecklist(withRegistration(report('masquerade'), register), defaultProfile(), { site: SITE, language, createdAt: CREATED_AT });

describe('the registration in the checklist documents', () => {
  it('lists the registration in English, after the facts', () => {
    const markdown = renderMarkdown(registered('en'));
    const section = markdown.slice(markdown.indexOf('## Registration with the provider'));
    expect(markdown.indexOf('## Registration with the provider')).toBeGreaterThan(markdown.indexOf('## What was measured'));
    expect(section).toContain('Registered as sip:trunk1@sip.example.net: the registrar answered 200 OK after 24 ms.');
    expect(section).toContain('TrunkCheck answered with SHA-256');
    expect(section).toContain('The registrar granted 120 s to the contact sip:trunk1@192.168.100.5:65002.');
    expect(section).toContain('The registrar saw the REGISTER coming from 203.0.113.1:65002.');
    expect(section).toContain("The provider's own OPTIONS reached the SIP port from 203.0.113.20:5060 2.4 s after the registration, and TrunkCheck answered 200");
    expect(section).toContain('The test contact was removed again (un-REGISTER with Expires: 0 answered).');
  });

  it('lists it in German without an English sentence, the absence of the provider\'s request too', () => {
    const markdown = renderMarkdown(registered('de', noInbound()));
    const section = markdown.slice(markdown.indexOf('## Registrierung beim Provider'), markdown.indexOf('## Netzwerk'));
    expect(section).toContain('Registriert als sip:trunk1@sip.example.net');
    expect(section).toContain('Innerhalb von 30 s nach der Registrierung kam keine Anfrage vom Provider an.');
    expect(englishLines(section)).toEqual([]);
  });

  it('has no registration section for a run without one', () => {
    const plain = buildChecklist(report('masquerade'), defaultProfile(), { site: SITE, language: 'en', createdAt: CREATED_AT });
    expect(plain.register).toBeUndefined();
    expect(renderMarkdown(plain)).not.toContain('Registration with the provider');
  });

  it('reads a saved checklist with its registration back, and refuses a damaged one', () => {
    const checklist = registered('en');
    const text = renderJson(checklist);
    expect(parseChecklistJson(text)).toEqual({ ok: true, value: checklist });
    const damaged = JSON.parse(text) as { register: { outcome: string } };
    damaged.register.outcome = 'hacked';
    expect(parseChecklistJson(JSON.stringify(damaged))).toMatchObject({ ok: false, error: { code: 'checklist/damaged', path: 'register.outcome' } });
  });
});
