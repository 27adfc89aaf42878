// Where the exports meet the caller: a value of the wrong type where a firewall export writes
// code comes back as one sentence naming the field (error code export/invalid-value), from the
// CLI's and the wizard's exportChecklist and from the checklist:build handler, never as an
// internal error or a half-written file. The handler is called directly, past the IPC validation.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { word } from '../../../shared/text';
import { afterAll, describe, expect, it } from 'vitest';
import { exportChecklist } from '../../../electron/export';
import { createHandlers } from '../../../electron/handlers';
import type { DiagnoseReport } from '../../../shared/report';
import { FIREWALL_FORMATS } from '../../../shared/firewall';
import { readReportFixture } from '../../support/report-fixture';
import { checklistFrom } from '../../unit/export/checklists';
import { withValue } from '../../unit/firewall/hostile';

const QUOTE_IN_PBX_ADDRESS = "10.0.0.5' ; Start-Process calc ; '";
const SENTENCE = "The checklist's network.pbxIp is not a valid IP address, so TrunkCheck writes no firewall rules from it: build the checklist again from a report TrunkCheck measured.";

const storeDir = mkdtempSync(join(tmpdir(), 'trunkcheck-hostile-export-'));
afterAll(() => rmSync(storeDir, { recursive: true, force: true }));

const INVALID = { code: 'export/invalid-value', field: 'network.pbxIp', kind: 'ip-address' };

describe('exporting a checklist whose PBX address holds a command', () => {
  const checklist = withValue(checklistFrom('masquerade'), 'network.pbxIp', QUOTE_IN_PBX_ADDRESS);

  it.each(FIREWALL_FORMATS.map((format) => format.id))('refuses the %s export with one sentence naming the field', async (format) => {
    const refused = await exportChecklist(checklist, format);
    expect(refused).toEqual({ ok: false, error: INVALID });
    if (!refused.ok) expect(word('en', refused.error)).toBe(SENTENCE);
  });

  it.each(['md', 'pdf'])('refuses the %s export with a firewall syntax in its appendix the same way', async (format) => {
    const refused = await exportChecklist(checklist, format, { firewalls: ['nftables'] });
    expect(refused).toEqual({ ok: false, error: INVALID });
  });

  it('writes the Markdown without an appendix, where the value is only text', async () => {
    const file = await exportChecklist(checklist, 'md');
    expect(file.ok).toBe(true);
    if (file.ok) expect(new TextDecoder().decode(file.value.bytes)).toContain("10.0.0.5' ; Start-Process calc ; '");
  });

  it('still writes the JSON, where the value is only a string', async () => {
    const file = await exportChecklist(checklist, 'json');
    expect(file.ok).toBe(true);
    if (file.ok) expect(JSON.parse(new TextDecoder().decode(file.value.bytes)).network.pbxIp).toBe(QUOTE_IN_PBX_ADDRESS);
  });
});

describe('checklist:build for a report whose PBX address holds a command', () => {
  it('answers with the sentence instead of firewall exports', async () => {
    const handlers = createHandlers({ mode: 'browser', storeDir });
    const report: DiagnoseReport = readReportFixture('report-masquerade.json');
    const hostile = { ...report, local: { ...report.local, ip: QUOTE_IN_PBX_ADDRESS } };
    const result = await handlers['checklist:build']({ report: hostile, site: { name: 'HQ', customer: '', technician: '' }, language: 'en' }, { progress: () => undefined });
    expect(result).toEqual({ ok: false, error: INVALID });
    if (!result.ok) expect(word('en', result.error)).toBe(SENTENCE);
  });
});
