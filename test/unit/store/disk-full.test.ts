// A disk that fills up in the middle of a save: the temporary file is opened and half written,
// then the write fails with ENOSPC. Simulated by wrapping fs/promises' open, since a real full
// disk cannot be made here without mounting one.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openHistory } from '../../../electron/store/history';
import type { DiagnoseReport } from '../../../shared/report';
import { word } from '../../../shared/text';

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, open: vi.fn(actual.open) };
});

const report = JSON.parse(readFileSync('test/fixtures/report-masquerade.json', 'utf8')) as DiagnoseReport;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trunkcheck-full-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.mocked(fsPromises.open).mockReset();
});

// The next temporary file accepts 100 bytes, then the disk is full.
async function fillDiskOnNextWrite(): Promise<void> {
  const actual = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
  vi.mocked(fsPromises.open).mockImplementation(async (path, flags, mode) => {
    const handle = await actual.open(path, flags, mode);
    if (!String(path).endsWith('.tmp')) return handle;
    handle.writeFile = async (data: unknown) => {
      await handle.write(String(data).slice(0, 100));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    return handle;
  });
}

describe('a disk that fills up during a save', () => {
  it('returns store/write-failed naming the folder and the cause, and keeps the earlier files', async () => {
    let clock = Date.parse('2026-11-23T21:00:00.000Z');
    const history = openHistory({ dir, now: () => new Date((clock += 1000)) });
    const earlier = await history.saveReport('acme', report);
    expect(earlier.ok).toBe(true);

    await fillDiskOnNextWrite();
    const failed = await history.saveReport('acme', report);
    const folder = join(dir, 'sites', 'acme');
    expect(failed).toEqual({ ok: false, error: { code: 'store/write-failed', what: 'report', folder, cause: 'ENOSPC' } });
    if (!failed.ok) expect(word('en', failed.error)).toBe(`TrunkCheck could not save the report in ${folder}: the disk is full (ENOSPC).`);

    // No half file, no temporary file: only the earlier save.
    expect(readdirSync(folder)).toEqual(['20261123T210001000Z-report.json']);
    const listed = await history.listHistory('acme');
    expect(listed).toMatchObject({ ok: true, value: { problems: [] } });
    expect(listed.ok && listed.value.entries.map((entry) => entry.time)).toEqual(['2026-11-23T21:00:01.000Z']);
  });
});
