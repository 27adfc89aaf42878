import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStaleTemp, isTempName, probeFolder, removeStaleTemps, STALE_TEMP_MS, tempNameFor, writeFileAtomic } from '../../../electron/files/atomic-write';
import { ensureFolder, ensureFolderSync } from '../../../electron/store/folders';
import { historyFileName, parseHistoryDocument, parseHistoryFileName } from '../../../electron/store/history-files';
import { compactTimestamp, defaultStoreDir, fsCause, timestampFromCompact } from '../../../electron/store/paths';
import { word } from '../../../shared/text';
import { REPORT_SCHEMA_VERSION } from '../../../shared/report';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trunkcheck-files-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('where the store lives', () => {
  it('takes TRUNKCHECK_HOME when it is set', () => {
    expect(defaultStoreDir({ TRUNKCHECK_HOME: '/srv/trunkcheck' }, 'linux', '/root')).toBe('/srv/trunkcheck');
  });

  it('uses the per-user application-data folder otherwise', () => {
    expect(defaultStoreDir({}, 'linux', '/home/pbx')).toBe('/home/pbx/.config/trunkcheck');
    expect(defaultStoreDir({ XDG_CONFIG_HOME: '/data/cfg' }, 'linux', '/home/pbx')).toBe('/data/cfg/trunkcheck');
    expect(defaultStoreDir({}, 'darwin', '/Users/pbx')).toBe('/Users/pbx/Library/Application Support/trunkcheck');
    expect(defaultStoreDir({ APPDATA: 'C:/Users/admin/AppData/Roaming' }, 'win32', 'C:/Users/admin')).toMatch(/^C:\/Users\/admin\/AppData\/Roaming[\\/]trunkcheck$/);
  });
});

describe('file names', () => {
  it('are sortable timestamps that Windows accepts', () => {
    const time = new Date('2026-11-23T21:21:40.248Z');
    expect(compactTimestamp(time)).toBe('20261123T212140248Z');
    expect(timestampFromCompact('20261123T212140248Z')).toBe('2026-11-23T21:21:40.248Z');
    expect(timestampFromCompact('20261399T212140248Z')).toBeNull();
    expect(historyFileName(time, 'checklist')).toBe('20261123T212140248Z-checklist.json');
    expect(parseHistoryFileName('20261123T212140248Z-checklist.json')).toEqual({ time: '2026-11-23T21:21:40.248Z', kind: 'checklist' });
    expect(parseHistoryFileName('20261123T212140248Z-pdf.json')).toBeNull();
    expect(parseHistoryFileName('report.json')).toBeNull();
  });

  it('tells temporary files by their name and their writer', () => {
    const name = tempNameFor('20261123T212140248Z-report.json', 4_194_304);
    expect(name).toMatch(/^\.20261123T212140248Z-report\.json\.4194304\.[0-9a-f]{8}\.tmp$/);
    expect(isTempName(name)).toBe(true);
    expect(isTempName('20261123T212140248Z-report.json')).toBe(false);
    const now = Date.now();
    expect(isStaleTemp(name, now, now)).toBe(true);                                         // its writer is gone
    expect(isStaleTemp(tempNameFor('x.json', process.pid), now, now)).toBe(false);          // still being written
    expect(isStaleTemp(tempNameFor('x.json', process.pid), now - STALE_TEMP_MS - 1, now)).toBe(true);  // forgotten
  });
});

describe('writing a file atomically', () => {
  it('leaves the complete file and nothing else', async () => {
    const path = join(dir, 'a.json');
    await writeFileAtomic(path, '{"a":1}\n');
    expect(readFileSync(path, 'utf8')).toBe('{"a":1}\n');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('never replaces a file when told to be exclusive, and leaves no temporary file', async () => {
    const path = join(dir, 'claimed.json');
    await writeFileAtomic(path, 'first', { exclusive: true });
    await expect(writeFileAtomic(path, 'second', { exclusive: true })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(path, 'utf8')).toBe('first');
    expect(readdirSync(dir)).toEqual(['claimed.json']);
  });

  it('gives exactly one of ten racing exclusive writers the name', async () => {
    const path = join(dir, 'race.json');
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, index) => writeFileAtomic(path, `writer ${index}`, { exclusive: true })));
    const winners = results.flatMap((result, index) => (result.status === 'fulfilled' ? [index] : []));
    expect(winners).toHaveLength(1);
    expect(readFileSync(path, 'utf8')).toBe(`writer ${winners[0]}`);
    expect(readdirSync(dir)).toEqual(['race.json']);
  });

  it('fails without leaving a temporary file when the target is a folder', async () => {
    const path = join(dir, 'taken');
    await ensureFolder(join(path, 'inside'));
    await expect(writeFileAtomic(path, 'x')).rejects.toMatchObject({ code: expect.stringMatching(/EISDIR|ENOTEMPTY|EEXIST/) });
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});

describe('what a killed write left behind', () => {
  // pid 2^22 is above Linux's pid_max: a writer that cannot be running.
  const gone = 4_194_304;

  it('removes the temporary files of a file whose writer is gone, and nothing else', async () => {
    const leftovers = [tempNameFor('checklist.md', gone), 'checklist.md.4194304.tmp'];  // this version's name, and 0.1's
    const kept = ['notes.tmp', 'backup.4194304.tmp', tempNameFor('checklist.md', process.pid), tempNameFor('other.md', gone)];
    for (const name of [...leftovers, ...kept]) writeFileSync(join(dir, name), 'half');
    await removeStaleTemps(dir, 'checklist.md');
    expect(readdirSync(dir).sort()).toEqual(kept.sort());
  });

  it('without a file name removes every stale temporary file of this version, also a forgotten one of a live writer', async () => {
    const forgotten = tempNameFor('a.json', process.pid);
    writeFileSync(join(dir, forgotten), '');
    const old = new Date(Date.now() - STALE_TEMP_MS - 60_000);
    utimesSync(join(dir, forgotten), old, old);
    writeFileSync(join(dir, tempNameFor('b.json', gone)), '');
    writeFileSync(join(dir, 'b.json.4194304.tmp'), '');   // 0.1's pattern is only trusted beside its file
    await removeStaleTemps(dir);
    expect(readdirSync(dir)).toEqual(['b.json.4194304.tmp']);
  });

  it('never fails on a folder that does not exist', async () => {
    await expect(removeStaleTemps(join(dir, 'missing'))).resolves.toBeUndefined();
  });
});

describe('probing a folder before a long run', () => {
  it('makes and removes an empty file, and fails like the write would', async () => {
    await probeFolder(dir);
    expect(readdirSync(dir)).toEqual([]);
    await expect(probeFolder(join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(probeFolder('/proc/self')).rejects.toMatchObject({ code: expect.stringMatching(/EACCES|ENOENT|EPERM/) });
  });
});

describe('making folders', () => {
  it('creates missing parents and accepts existing ones', async () => {
    await ensureFolder(join(dir, 'a', 'b', 'c'));
    ensureFolderSync(join(dir, 'a', 'b', 'c', 'd'));
    await ensureFolder(join(dir, 'a'));
    expect(readdirSync(join(dir, 'a', 'b', 'c'))).toEqual(['d']);
  });

  it('refuses a path through a file with ENOTDIR', async () => {
    writeFileSync(join(dir, 'file'), '');
    await expect(ensureFolder(join(dir, 'file', 'x'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    expect(() => ensureFolderSync(join(dir, 'file'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  it('gives up under /proc instead of spinning like a recursive mkdir', async () => {
    await expect(ensureFolder('/proc/self/trunkcheck/sites')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(() => ensureFolderSync('/proc/self/trunkcheck')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});

describe('file-system causes in one phrase', () => {
  const said = (cause: string, language: 'en' | 'de' = 'en'): string => word(language, { code: 'file/write-failed', file: 'x.pdf', cause });
  it.each([
    ['ENOSPC', 'the disk is full (ENOSPC)', 'Festplatte voll (ENOSPC)'],
    ['EROFS', 'the file system is read-only (EROFS)', 'Dateisystem schreibgeschützt (EROFS)'],
    ['EACCES', 'permission was denied (EACCES)', 'Zugriff verweigert (EACCES)'],
    ['ENOTDIR', 'part of the path is a file, not a folder (ENOTDIR)', 'Teil des Pfads ist eine Datei, kein Ordner (ENOTDIR)'],
  ])('%s', (code, phrase, german) => {
    expect(fsCause(Object.assign(new Error('x'), { code }))).toBe(code);
    expect(said(code)).toBe(`x.pdf could not be written: ${phrase}; nothing else was changed.`);
    expect(said(code, 'de')).toContain(german);
  });

  it('falls back to the message, without its full stop', () => {
    expect(fsCause(new Error('Something odd happened.'))).toBe('Something odd happened');
    expect(fsCause(Object.assign(new Error('ELOOP: too many symbolic links'), { code: 'ELOOP' }))).toBe('ELOOP: too many symbolic links');
  });
});

describe('reading a history document', () => {
  const report = readFileSync('test/fixtures/report-masquerade.json', 'utf8');

  it('reads a report and refuses a report in a checklist file', () => {
    expect(parseHistoryDocument('report', report)).toMatchObject({ kind: 'report', report: { verdict: 'incomplete' } });
    expect(parseHistoryDocument('checklist', report)).toEqual({ code: 'document/not-checklist' });
  });

  it('tells a cut-short file from a newer one', () => {
    expect(parseHistoryDocument('report', report.slice(0, 200))).toEqual({ code: 'document/not-json' });
    expect(parseHistoryDocument('report', JSON.stringify({ ...JSON.parse(report), schemaVersion: REPORT_SCHEMA_VERSION + 1 }))).toEqual({ code: 'document/newer-report', version: REPORT_SCHEMA_VERSION + 1, reads: REPORT_SCHEMA_VERSION });
  });
});
