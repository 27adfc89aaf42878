// The history folder on a real file system: saves, listing, crash leftovers, damaged and foreign
// files, files from a newer TrunkCheck, and folders that cannot be written.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempNameFor } from '../../../electron/files/atomic-write';
import { openHistory, type HistoryStore } from '../../../electron/store/history';
import { compareReports, type ReportChange } from '../../../shared/history/compare';
import { buildChecklist, CHECKLIST_SCHEMA_VERSION } from '../../../shared/checklist/model';
import { defaultProfile } from '../../../shared/catalog/profiles';
import type { ErrorData } from '../../../shared/result';
import { word } from '../../../shared/text';
import { REPORT_SCHEMA_VERSION, type DiagnoseReport } from '../../../shared/report';

const masquerade = JSON.parse(readFileSync('test/fixtures/report-v3-masquerade.json', 'utf8')) as DiagnoseReport;
const randomFully = JSON.parse(readFileSync('test/fixtures/report-v3-random-fully.json', 'utf8')) as DiagnoseReport;

let dir: string;
let clock: number;
let history: HistoryStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trunkcheck-history-'));
  clock = Date.parse('2026-11-23T21:00:00.000Z');
  // Each save happens one minute after the previous one.
  history = openHistory({ dir, now: () => new Date((clock += 60_000)) });
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const site = 'mueller-koeln';
const siteDir = () => join(dir, 'sites', site);

async function saved(promise: ReturnType<HistoryStore['saveReport']>) {
  const result = await promise;
  if (!result.ok) throw new Error(word('en', result.error));
  return result.value;
}

// An error as the tests compare it: its code and its English sentence.
const said = (error: ErrorData) => ({ code: error.code, message: word('en', error) });

async function listing() {
  const result = await history.listHistory(site);
  if (!result.ok) throw new Error(word('en', result.error));
  return { entries: result.value.entries, problems: result.value.problems.map(said) };
}

describe('saving and listing the history of a site', () => {
  it('keeps every report and checklist as its own file, listed newest first', async () => {
    const first = await saved(history.saveReport(site, masquerade));
    const checklist = buildChecklist(masquerade, defaultProfile(), { site: { name: 'Müller GmbH', customer: 'Müller', technician: 'A. Schmidt' }, language: 'de' });
    await saved(history.saveChecklist(site, checklist));
    const last = await saved(history.saveReport(site, randomFully));

    expect(first).toEqual({
      siteId: site,
      kind: 'report',
      time: '2026-11-23T21:01:00.000Z',
      verdict: 'incomplete',
      file: 'sites/mueller-koeln/20261123T210100000Z-report.json',
      path: join(siteDir(), '20261123T210100000Z-report.json'),
    });
    const { entries, problems } = await listing();
    expect(problems).toEqual([]);
    expect(entries.map(({ kind, time, verdict }) => ({ kind, time, verdict }))).toEqual([
      { kind: 'report', time: '2026-11-23T21:03:00.000Z', verdict: 'blocked' },
      { kind: 'checklist', time: '2026-11-23T21:02:00.000Z', verdict: 'incomplete' },
      { kind: 'report', time: '2026-11-23T21:01:00.000Z', verdict: 'incomplete' },
    ]);
    expect(entries[0]).toEqual(last);
  });

  it('writes a report file that is the report itself, readable by `checklist --from`', async () => {
    const entry = await saved(history.saveReport(site, masquerade));
    expect(JSON.parse(readFileSync(entry.path, 'utf8'))).toEqual(masquerade);
    const loaded = await history.loadEntry(entry.file);
    // Read back through the report checks: sections the file predates come back as null (not measured).
    expect(loaded.ok && loaded.value.document).toMatchObject({ kind: 'report', report: masquerade });
    expect(await history.loadEntry(entry.path)).toMatchObject({ ok: true });
  });

  it('gives two saves in the same millisecond two files', async () => {
    const still = openHistory({ dir, now: () => new Date('2026-11-23T21:00:00.000Z') });
    const a = await still.saveReport(site, masquerade);
    const b = await still.saveReport(site, masquerade);
    expect([a.ok && a.value.file, b.ok && b.value.file]).toEqual([
      'sites/mueller-koeln/20261123T210000000Z-report.json',
      'sites/mueller-koeln/20261123T210000001Z-report.json',
    ]);
  });

  it('lists an unknown site as empty', async () => {
    expect(await history.listHistory('nobody-yet')).toEqual({ ok: true, value: { entries: [], problems: [] } });
  });

  it('refuses a site id that is not a plain folder name', async () => {
    expect(await history.saveReport('../escape', masquerade)).toMatchObject({ ok: false, error: { code: 'store/bad-site-id' } });
    expect(await history.listHistory('a/b')).toMatchObject({ ok: false, error: { code: 'store/bad-site-id' } });
  });

  it('refuses to save a report that could not be read back', async () => {
    const broken = { ...masquerade, rules: [{ id: 'nonsense' }] } as unknown as DiagnoseReport;
    expect(await history.saveReport(site, broken)).toMatchObject({ ok: false, error: { code: 'store/not-saved', what: 'report', problem: { code: 'document/damaged-report', path: 'rules[0].id' } } });
    expect(existsSync(siteDir())).toBe(false);
  });
});

describe('a crash in the middle of a save', () => {
  it('leaves a temporary file that the listing ignores and removes', async () => {
    await saved(history.saveReport(site, masquerade));
    // What a crash between write and rename leaves: half a file under a temporary name, from a
    // process that no longer runs (pid 2^22 is above Linux's pid_max), ten minutes old.
    const leftover = join(siteDir(), tempNameFor('20261123T215959000Z-report.json', 4_194_304));
    writeFileSync(leftover, JSON.stringify(randomFully).slice(0, 500));
    const old = new Date(Date.now() - 11 * 60_000);
    utimesSync(leftover, old, old);

    const { entries, problems } = await listing();
    expect(entries).toHaveLength(1);
    expect(problems).toEqual([]);
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(join(dir, 'quarantine'))).toBe(false);
  });

  it('leaves the temporary file of a writer that is still running alone', async () => {
    mkdirSync(siteDir(), { recursive: true });
    const inProgress = join(siteDir(), tempNameFor('20261123T215959000Z-report.json', process.pid));
    writeFileSync(inProgress, '{"schemaVer');
    expect((await listing()).entries).toEqual([]);
    expect(existsSync(inProgress)).toBe(true);
  });

  it('refuses to load a temporary file by name', async () => {
    mkdirSync(siteDir(), { recursive: true });
    const name = tempNameFor('20261123T215959000Z-report.json');
    writeFileSync(join(siteDir(), name), '{}');
    expect(await history.loadEntry(`sites/${site}/${name}`)).toMatchObject({ ok: false, error: { code: 'store/not-in-history' } });
  });
});

describe('damaged, foreign and newer files in a site folder', () => {
  it('moves a damaged report to the quarantine, says so, and keeps everything else', async () => {
    const good = await saved(history.saveReport(site, masquerade));
    const truncated = '20261123T220000000Z-report.json';
    writeFileSync(join(siteDir(), truncated), JSON.stringify(randomFully).slice(0, 300));

    const { entries, problems } = await listing();
    expect(entries).toEqual([good]);
    const destination = join(dir, 'quarantine', `${site}--${truncated}`);
    expect(problems).toEqual([
      {
        code: 'store/quarantined',
        message: `The file sites/${site}/${truncated} is not valid JSON (perhaps cut short); it was moved to ${destination} and the rest of the history is unaffected.`,
      },
    ]);
    expect(readFileSync(destination, 'utf8')).toBe(JSON.stringify(randomFully).slice(0, 300));
    expect(readdirSync(siteDir())).toEqual([good.file.split('/').pop()]);
  });

  it('moves foreign files and mislabelled ones aside', async () => {
    await saved(history.saveReport(site, masquerade));
    writeFileSync(join(siteDir(), 'notes.txt'), 'call the provider on Monday');
    writeFileSync(join(siteDir(), '20261123T220000000Z-checklist.json'), JSON.stringify(masquerade));  // a report, named a checklist
    writeFileSync(join(siteDir(), '20261123T220100000Z-report.json'), JSON.stringify({ hello: 'world' }));

    const { entries, problems } = await listing();
    expect(entries).toHaveLength(1);
    expect(problems.map((problem) => problem.message.replace(/; it was moved.*/, ''))).toEqual(
      expect.arrayContaining([
        `The file sites/${site}/notes.txt is not a file TrunkCheck saved`,
        `The file sites/${site}/20261123T220000000Z-checklist.json is not a TrunkCheck checklist`,
        `The file sites/${site}/20261123T220100000Z-report.json is not a TrunkCheck report`,
      ]),
    );
    expect(readdirSync(join(dir, 'quarantine')).sort()).toEqual([
      `${site}--20261123T220000000Z-checklist.json`,
      `${site}--20261123T220100000Z-report.json`,
      `${site}--notes.txt`,
    ]);
  });

  it('never overwrites a file already in the quarantine', async () => {
    const name = '20261123T220000000Z-report.json';
    mkdirSync(siteDir(), { recursive: true });
    writeFileSync(join(siteDir(), name), 'first');
    await listing();
    writeFileSync(join(siteDir(), name), 'second');
    await listing();
    const quarantine = join(dir, 'quarantine');
    expect(readdirSync(quarantine).sort()).toEqual([`${site}--${name}`, `${site}--${name}.1`]);
    expect(readFileSync(join(quarantine, `${site}--${name}`), 'utf8')).toBe('first');
  });

  it('quarantines a damaged file found by loadEntry too', async () => {
    mkdirSync(siteDir(), { recursive: true });
    writeFileSync(join(siteDir(), '20261123T220000000Z-report.json'), '{');
    const loaded = await history.loadEntry(`sites/${site}/20261123T220000000Z-report.json`);
    expect(loaded).toMatchObject({ ok: false, error: { code: 'store/quarantined' } });
    expect(await history.loadEntry(`sites/${site}/20261123T220000000Z-report.json`)).toMatchObject({ ok: false, error: { code: 'store/missing' } });
  });

  it('leaves a report from a newer TrunkCheck in place, with a clear error', async () => {
    await saved(history.saveReport(site, masquerade));
    const newer = '20261123T230000000Z-report.json';
    writeFileSync(join(siteDir(), newer), JSON.stringify({ ...randomFully, schemaVersion: 7 }));
    const expected = {
      code: 'store/newer',
      message: `The file sites/${site}/${newer} was saved by a newer TrunkCheck (report schema 7, this version reads ${REPORT_SCHEMA_VERSION}): update TrunkCheck to open it; the file was left in place.`,
    };

    const { entries, problems } = await listing();
    expect(entries).toHaveLength(1);
    expect(problems).toEqual([expected]);
    const loaded = await history.loadEntry(`sites/${site}/${newer}`);
    expect(loaded).toEqual({ ok: false, error: { code: 'store/newer', file: `sites/${site}/${newer}`, problem: { code: 'document/newer-report', version: 7, reads: REPORT_SCHEMA_VERSION } } });
    if (!loaded.ok) expect(said(loaded.error)).toEqual(expected);
    expect(existsSync(join(siteDir(), newer))).toBe(true);
    expect(existsSync(join(dir, 'quarantine'))).toBe(false);
  });

  it('leaves a checklist from a newer TrunkCheck in place', async () => {
    const checklist = buildChecklist(masquerade, defaultProfile(), { site: { name: 'x', customer: '', technician: '' }, language: 'en' });
    mkdirSync(siteDir(), { recursive: true });
    writeFileSync(join(siteDir(), '20261123T230000000Z-checklist.json'), JSON.stringify({ ...checklist, schemaVersion: CHECKLIST_SCHEMA_VERSION + 1 }));
    const { problems } = await listing();
    expect(problems).toMatchObject([{ code: 'store/newer', message: expect.stringContaining(`checklist schema ${CHECKLIST_SCHEMA_VERSION + 1}, this version reads ${CHECKLIST_SCHEMA_VERSION}`) }]);
  });

  it('moves aside a report whose compared values are damaged, instead of reading "changed from undefined"', async () => {
    const good = await saved(history.saveReport(site, masquerade));
    const hollow = '20261123T220000000Z-report.json';
    writeFileSync(join(siteDir(), hollow), JSON.stringify({ ...randomFully, nat: {} }));
    const wrongSip = '20261123T220100000Z-report.json';
    writeFileSync(join(siteDir(), wrongSip), JSON.stringify({ ...randomFully, sip: { target: 5060 } }));

    const { entries, problems } = await listing();
    expect(entries).toEqual([good]);
    expect(problems.map((problem) => problem.message)).toEqual([
      `The file sites/${site}/${hollow} is a damaged report (its nat.classic is missing); it was moved to ${join(dir, 'quarantine', `${site}--${hollow}`)} and the rest of the history is unaffected.`,
      `The file sites/${site}/${wrongSip} is a damaged report (its sip.target is not a server written as host or host:port (5060)); it was moved to ${join(dir, 'quarantine', `${site}--${wrongSip}`)} and the rest of the history is unaffected.`,
    ]);
  });

  it('leaves a file dated ahead of the clock in place, unlisted, with a sentence', async () => {
    const good = await saved(history.saveReport(site, masquerade));   // 21:01, and the clock stays there
    const ahead = '20991231T235959000Z-report.json';
    writeFileSync(join(siteDir(), ahead), JSON.stringify(randomFully));
    const { entries, problems } = await listing();
    expect(entries).toEqual([good]);
    expect(problems).toEqual([
      {
        code: 'store/dated-ahead',
        message:
          `The file sites/${site}/${ahead} is dated 2099-12-31T23:59:59.000Z, later than this computer's clock (2026-11-23T21:02:00.000Z): ` +
          'it was left in place and is neither listed nor compared; check the clock of the computer that saved it.',
      },
    ]);
    expect(existsSync(join(siteDir(), ahead))).toBe(true);
  });

  it('lists a file a few milliseconds ahead, as concurrent saves make them', async () => {
    mkdirSync(siteDir(), { recursive: true });
    const soon = '20261123T210100500Z-report.json';   // the clock reads 21:01:00.000 at the listing
    writeFileSync(join(siteDir(), soon), JSON.stringify(masquerade));
    expect((await listing()).entries.map((entry) => entry.file)).toEqual([`sites/${site}/${soon}`]);
  });

  it('ignores sub-folders and hidden files of the desktop', async () => {
    mkdirSync(join(siteDir(), 'exports'), { recursive: true });
    writeFileSync(join(siteDir(), '.DS_Store'), '');
    expect(await listing()).toEqual({ entries: [], problems: [] });
  });
});

describe('loading only what belongs to the history', () => {
  it.each([
    ['/etc/passwd'],
    ['../outside.json'],
    ['sites/mueller-koeln/../../settings.json'],
    ['sites/mueller-koeln/notes.txt'],
    ['quarantine/mueller-koeln--20261123T220000000Z-report.json'],
    [''],
  ])('refuses %j', async (file) => {
    expect(await history.loadEntry(file)).toMatchObject({ ok: false, error: { code: 'store/not-in-history' } });
  });
});

describe('a folder that cannot be written', () => {
  // The tests run as root, and root ignores permission bits: chmod 0500 would not stop the write.
  // The failure is made with the file system's structure instead.
  it('says which folder and why when part of the path is a file (ENOTDIR), and loses nothing', async () => {
    const earlier = await saved(history.saveReport('other-site', masquerade));
    mkdirSync(join(dir, 'sites'), { recursive: true });
    writeFileSync(join(dir, 'sites', site), 'a file where the site folder belongs');

    const result = await history.saveReport(site, randomFully);
    expect(result).toEqual({ ok: false, error: { code: 'store/write-failed', what: 'report', folder: siteDir(), cause: 'ENOTDIR' } });
    if (!result.ok) expect(word('en', result.error)).toBe(`TrunkCheck could not save the report in ${siteDir()}: part of the path is a file, not a folder (ENOTDIR).`);
    expect(await history.loadEntry(earlier.file)).toMatchObject({ ok: true, value: { entry: earlier } });
    expect(await history.listHistory('other-site')).toMatchObject({ ok: true, value: { entries: [earlier], problems: [] } });
  });

  it('fails the same way when the whole store folder lies under a file', async () => {
    writeFileSync(join(dir, 'plain-file'), '');
    const under = openHistory({ dir: join(dir, 'plain-file', 'trunkcheck') });
    const result = await under.saveReport(site, masquerade);
    expect(result).toMatchObject({ ok: false, error: { code: 'store/write-failed' } });
    if (!result.ok) expect(word('en', result.error)).toContain('part of the path is a file, not a folder (ENOTDIR)');
  });

  it('fails cleanly under /proc, where no folder can be made', { timeout: 5_000 }, async () => {
    // procfs refuses to create anything, for root too, and answers ENOENT: Node's recursive mkdir
    // spins forever on that, which is why the store walks the folders itself.
    const proc = openHistory({ dir: '/proc/self/trunkcheck' });
    const result = await proc.saveChecklist(site, buildChecklist(masquerade, defaultProfile(), { site: { name: 'x', customer: '', technician: '' }, language: 'en' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'store/write-failed' } });
    if (!result.ok) expect(word('en', result.error)).toMatch(/^TrunkCheck could not save the checklist in \/proc\/self\/trunkcheck\/sites\/mueller-koeln: .+\.$/);
  });
});

describe('what the wizard compares (history:list)', () => {
  it('compares the two newest readable reports, never one dated ahead or a damaged one, and names both', async () => {
    const { createHandlers, dispatch } = await import('../../../electron/handlers');
    const handlers = createHandlers({ mode: 'browser', storeDir: dir });
    const call = (channel: 'history:save' | 'history:list', request: unknown) => dispatch(handlers, channel, request, { progress: () => undefined });
    expect(await call('history:save', { siteId: site, report: masquerade })).toMatchObject({ ok: true });
    expect(await call('history:save', { siteId: site, report: randomFully })).toMatchObject({ ok: true });
    writeFileSync(join(siteDir(), '20991231T235959000Z-report.json'), JSON.stringify(masquerade));
    writeFileSync(join(siteDir(), '20991231T235958000Z-report.json'), JSON.stringify({ ...masquerade, nat: {} }));

    const listed = await call('history:list', { siteId: site });
    if (!listed.ok) throw new Error(word('en', listed.error));
    const value = listed.value as { entries: unknown[]; problems: ErrorData[]; changes: ReportChange[] };
    expect(value.entries).toHaveLength(2);
    expect(value.changes).toEqual(compareReports(masquerade, randomFully));
    expect(JSON.stringify(value.changes)).not.toContain('undefined');
    expect(value.problems.map((problem) => word('en', problem))).toEqual([
      expect.stringMatching(/^The file sites\/mueller-koeln\/20991231T235958000Z-report\.json is a damaged report \(its nat\.classic is missing\); it was moved to .+quarantine/),
      expect.stringMatching(/^The file sites\/mueller-koeln\/20991231T235959000Z-report\.json is dated 2099-12-31T23:59:59\.000Z, later than this computer's clock/),
    ]);
  });
});
