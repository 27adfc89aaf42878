// The history of a site: every saved report and checklist as its own file under
// <dir>/sites/<siteId>/<timestamp>-<kind>.json. Files are written atomically and never
// overwritten, so a failed save (full disk, read-only folder) leaves every earlier file intact.
// A damaged or foreign file is moved to <dir>/quarantine/ and named in an error (store/quarantined);
// a file from a newer TrunkCheck, or dated later than the clock, stays where it is, with an error
// saying so, and is neither listed nor compared.
// Saves are exclusive: two at the same millisecond, in one process or two (the CLI beside the
// wizard), get two names; neither replaces the other.
import { existsSync } from 'node:fs';
import { readdir, readFile, rename } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Checklist } from '../../shared/checklist/model';
import type { DiagnoseReport, Verdict } from '../../shared/report';
import { errorOf, fail, ok, type ErrorData, type Result } from '../../shared/result';
import { isTempName, probeFolder, removeStaleTemps, writeFileAtomic } from '../files/atomic-write';
import {
  documentVerdict,
  historyFileName,
  isDocumentProblem,
  isNewer,
  parseHistoryDocument,
  parseHistoryFileName,
  type DocumentProblem,
  type HistoryDocument,
  type HistoryKind,
} from './history-files';
import { ensureFolder } from './folders';
import { fsCause } from './paths';
import { isSiteId } from './settings-validate';

export type { HistoryDocument, HistoryKind } from './history-files';

export const SITES_FOLDER = 'sites';
export const QUARANTINE_FOLDER = 'quarantine';

export interface HistoryEntry {
  readonly siteId: string;
  readonly kind: HistoryKind;
  readonly time: string;      // ISO time of the save, from the file name
  readonly verdict: Verdict;
  readonly file: string;      // "sites/<siteId>/<name>", relative to the store folder: what loadEntry takes
  readonly path: string;      // the same file, absolute, for messages and "open folder"
}

export interface HistoryListing {
  readonly entries: readonly HistoryEntry[];    // newest first
  readonly problems: readonly ErrorData[];      // files moved to the quarantine, or left in place (newer, or dated ahead)
}

export interface LoadedEntry {
  readonly entry: HistoryEntry;
  readonly document: HistoryDocument;
}

// A site folder with its newest report and the name its newest checklist gave it.
export interface SiteSummary {
  readonly siteId: string;
  readonly name: string | null;
  readonly customer: string | null;
  readonly latest: HistoryEntry | null;
  readonly reports: number;
}

export interface HistoryStore {
  readonly dir: string;
  saveReport(siteId: string, report: DiagnoseReport): Promise<Result<HistoryEntry>>;
  saveChecklist(siteId: string, checklist: Checklist): Promise<Result<HistoryEntry>>;
  // Before a long measurement: whether a save for the site can succeed at all.
  checkSave(siteId: string): Promise<Result<null>>;
  listHistory(siteId: string): Promise<Result<HistoryListing>>;
  // Every site with a history, the one measured last first; problems as listHistory says them.
  listSites(): Promise<Result<{ readonly sites: readonly SiteSummary[]; readonly problems: readonly ErrorData[] }>>;
  loadEntry(file: string): Promise<Result<LoadedEntry>>;
}

export interface HistoryOptions {
  readonly dir: string;
  readonly now?: () => Date;
}

// A file dated later than this allows (the clock of the computer that saved it is ahead, or the
// name was edited) would stay "the newest run" until then. The margin covers clocks a little
// apart, and the milliseconds that concurrent saves add to claim a name.
export const FUTURE_MARGIN_MS = 5 * 60_000;
const MAX_NAME_TRIES = 1000;

const badSite = <T>(siteId: unknown): Result<T> => fail('store/bad-site-id', { id: String(siteId).slice(0, 64) });

export function openHistory(options: HistoryOptions): HistoryStore {
  const dir = resolve(options.dir);
  const now = options.now ?? (() => new Date());
  const siteFolder = (siteId: string) => join(dir, SITES_FOLDER, siteId);
  const relativeFile = (siteId: string, name: string) => `${SITES_FOLDER}/${siteId}/${name}`;

  const entryFor = (siteId: string, name: string, document: HistoryDocument): HistoryEntry => {
    const parsed = parseHistoryFileName(name);
    return {
      siteId,
      kind: document.kind,
      time: parsed?.time ?? '',
      verdict: documentVerdict(document),
      file: relativeFile(siteId, name),
      path: join(siteFolder(siteId), name),
    };
  };

  async function save(siteId: string, document: HistoryDocument): Promise<Result<HistoryEntry>> {
    if (!isSiteId(siteId)) return badSite(siteId);
    // Refuse what the listing would only quarantine later.
    const text = `${JSON.stringify(document.kind === 'report' ? document.report : document.checklist, null, 2)}\n`;
    const check = parseHistoryDocument(document.kind, text);
    if (isDocumentProblem(check)) return fail('store/not-saved', { what: document.kind, problem: check });
    const folder = siteFolder(siteId);
    try {
      await ensureFolder(folder);
      await removeStaleTemps(folder);
      // A new name for every save, claimed by an exclusive write: a name another save took first
      // (here or in another process) fails with EEXIST, and the next millisecond is tried.
      let time = now().getTime();
      for (let tries = 0; tries < MAX_NAME_TRIES; tries += 1, time += 1) {
        const name = historyFileName(new Date(time), document.kind);
        if (existsSync(join(folder, name))) continue;
        try {
          await writeFileAtomic(join(folder, name), text, { exclusive: true });
          return ok(entryFor(siteId, name, check));
        } catch (error) {
          if ((error as { code?: string }).code !== 'EEXIST') throw error;
        }
      }
      return fail('store/names-taken', { what: document.kind, folder, tries: MAX_NAME_TRIES });
    } catch (error) {
      return fail('store/write-failed', { what: document.kind, folder, cause: fsCause(error) });
    }
  }

  async function checkSave(siteId: string): Promise<Result<null>> {
    if (!isSiteId(siteId)) return badSite(siteId);
    const folder = siteFolder(siteId);
    try {
      await ensureFolder(folder);
      await probeFolder(folder);
      return ok(null);
    } catch (error) {
      return fail('store/not-writable', { site: siteId, folder, cause: fsCause(error) });
    }
  }

  // Moves a file out of the way without overwriting anything already in the quarantine.
  async function quarantine(siteId: string, name: string, problem: DocumentProblem): Promise<ErrorData> {
    const shown = relativeFile(siteId, name);
    const target = join(dir, QUARANTINE_FOLDER);
    try {
      await ensureFolder(target);
      let destination = join(target, `${siteId}--${name}`);
      for (let copy = 1; existsSync(destination); copy += 1) destination = join(target, `${siteId}--${name}.${copy}`);
      await rename(join(siteFolder(siteId), name), destination);
      return errorOf('store/quarantined', { file: shown, problem, destination });
    } catch (error) {
      return errorOf('store/corrupt', { file: shown, problem, target, cause: fsCause(error) });
    }
  }

  const newerProblem = (siteId: string, name: string, problem: DocumentProblem): ErrorData => errorOf('store/newer', { file: relativeFile(siteId, name), problem });

  // The name's time orders the history, so a name ahead of the clock would stay "the newest run".
  const isDatedAhead = (entry: HistoryEntry, clock: Date): boolean => Date.parse(entry.time) > clock.getTime() + FUTURE_MARGIN_MS;
  const aheadProblem = (entry: HistoryEntry, clock: Date): ErrorData => errorOf('store/dated-ahead', { file: entry.file, time: entry.time, clock: clock.toISOString() });

  // One file of a site folder: its entry, or the problem that kept it out.
  async function readEntry(siteId: string, name: string): Promise<Result<LoadedEntry>> {
    const parsedName = parseHistoryFileName(name);
    if (parsedName === null) return { ok: false, error: await quarantine(siteId, name, { code: 'document/not-saved-file' }) };
    let text: string;
    try {
      text = await readFile(join(siteFolder(siteId), name), 'utf8');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return fail('store/missing', { file: relativeFile(siteId, name) });
      return fail('store/read-failed', { file: join(siteFolder(siteId), name), cause: fsCause(error) });
    }
    const document = parseHistoryDocument(parsedName.kind, text);
    if (!isDocumentProblem(document)) return ok({ entry: entryFor(siteId, name, document), document });
    if (isNewer(document)) return { ok: false, error: newerProblem(siteId, name, document) };
    return { ok: false, error: await quarantine(siteId, name, document) };
  }

  async function listHistory(siteId: string): Promise<Result<HistoryListing>> {
    if (!isSiteId(siteId)) return badSite(siteId);
    const folder = siteFolder(siteId);
    let names: { name: string; isFile: boolean }[];
    try {
      // In name order, so the problems come in the same order every time.
      names = (await readdir(folder, { withFileTypes: true })).map((item) => ({ name: item.name, isFile: item.isFile() })).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return ok({ entries: [], problems: [] });
      return fail('store/list-failed', { folder, cause: fsCause(error) });
    }
    const entries: HistoryEntry[] = [];
    const problems: ErrorData[] = [];
    await removeStaleTemps(folder);
    const clock = now();
    for (const { name, isFile } of names) {
      // Temporary files of saves still running, and the desktop's own hidden files.
      if (!isFile || isTempName(name) || name.startsWith('.')) continue;
      const read = await readEntry(siteId, name);
      if (!read.ok) {
        if (read.error.code !== 'store/missing') problems.push(read.error);
        continue;
      }
      if (isDatedAhead(read.value.entry, clock)) problems.push(aheadProblem(read.value.entry, clock));
      else entries.push(read.value.entry);
    }
    entries.sort((a, b) => (a.time === b.time ? b.file.localeCompare(a.file) : b.time.localeCompare(a.time)));
    return ok({ entries, problems });
  }

  async function listSites(): Promise<Result<{ readonly sites: readonly SiteSummary[]; readonly problems: readonly ErrorData[] }>> {
    const folder = join(dir, SITES_FOLDER);
    let ids: string[];
    try {
      ids = (await readdir(folder, { withFileTypes: true })).filter((item) => item.isDirectory() && isSiteId(item.name)).map((item) => item.name).sort();
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return ok({ sites: [], problems: [] });
      return fail('store/list-failed', { folder, cause: fsCause(error) });
    }
    const sites: SiteSummary[] = [];
    const problems: ErrorData[] = [];
    for (const siteId of ids) {
      const listed = await listHistory(siteId);
      if (!listed.ok) {
        problems.push(listed.error);
        continue;
      }
      problems.push(...listed.value.problems);
      const reports = listed.value.entries.filter((entry) => entry.kind === 'report');
      if (listed.value.entries.length === 0) continue;
      // The site's name lives in its checklists; a site saved without one is shown by its id.
      const named = listed.value.entries.find((entry) => entry.kind === 'checklist');
      const loaded = named === undefined ? null : await loadEntry(named.file);
      const site = loaded?.ok && loaded.value.document.kind === 'checklist' ? loaded.value.document.checklist.site : null;
      sites.push({
        siteId,
        name: site === null || site.name.trim() === '' ? null : site.name,
        customer: site === null || site.customer.trim() === '' ? null : site.customer,
        latest: reports[0] ?? null,
        reports: reports.length,
      });
    }
    const timeOf = (site: SiteSummary): string => site.latest?.time ?? '';
    sites.sort((a, b) => timeOf(b).localeCompare(timeOf(a)) || a.siteId.localeCompare(b.siteId));
    return ok({ sites, problems });
  }

  async function loadEntry(file: string): Promise<Result<LoadedEntry>> {
    // Only files of the history: the name may come from the renderer over IPC.
    const absolute = typeof file === 'string' && file !== '' ? (isAbsolute(file) ? resolve(file) : resolve(dir, file)) : '';
    const parts = absolute === '' ? [] : relative(dir, absolute).split(sep);
    const [top, siteId, name] = parts;
    if (parts.length !== 3 || top !== SITES_FOLDER || !isSiteId(siteId) || name === undefined || parseHistoryFileName(name) === null) {
      return fail('store/not-in-history', { file: String(file).slice(0, 200), folder: dir });
    }
    return readEntry(siteId, name);
  }

  return {
    dir,
    saveReport: (siteId, report) => save(siteId, { kind: 'report', report }),
    saveChecklist: (siteId, checklist) => save(siteId, { kind: 'checklist', checklist }),
    checkSave,
    listHistory,
    listSites,
    loadEntry,
  };
}
