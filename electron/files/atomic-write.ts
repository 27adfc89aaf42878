// Atomic file writes: a reader sees the old state or the complete new file, never half of one.
// The bytes go to a temporary file in the same folder (same file system, so rename is atomic),
// are flushed to the disk, then renamed into place. A crash leaves at most a temporary file under
// a name that says which process wrote it; removeStaleTemps clears it once its writer is gone
// (the history on every listing and save, -o beside its target). The one writer for the history, -o/--out and everything else TrunkCheck saves.
import { randomBytes } from 'node:crypto';
import { link, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

// .<final name>.<pid>.<random>.tmp: hidden, and says which process wrote it.
const TEMP = /^\.(.+)\.(\d+)\.([0-9a-f]{8})\.tmp$/;
// What TrunkCheck 0.1's -o writer left: <final name>.<pid>.tmp beside the target.
const OLD_TEMP = /^(.+)\.(\d+)\.tmp$/;
export const STALE_TEMP_MS = 10 * 60_000;

export function tempNameFor(finalName: string, pid = process.pid): string {
  return `.${finalName}.${pid}.${randomBytes(4).toString('hex')}.tmp`;
}

export function isTempName(name: string): boolean {
  return TEMP.test(name);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';  // exists, owned by someone else
  }
}

// Left by a crash: its writer is gone, or it is far older than any write takes. A temporary file
// of a writer still running (the CLI next to the wizard) is left alone.
export function isStaleTemp(name: string, modifiedMs: number, nowMs: number): boolean {
  const match = TEMP.exec(name);
  if (!match) return false;
  const pid = Number(match[2]);
  if (nowMs - modifiedMs > STALE_TEMP_MS) return true;
  return pid !== process.pid && !isRunning(pid);
}

// The temporary files of `finalName` (or of any name, without it) in `folder` whose writer was
// killed. Never fails: what cannot be read or removed stays, and is tried again next time.
export async function removeStaleTemps(folder: string, finalName?: string, nowMs = Date.now()): Promise<void> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const current = TEMP.exec(name);
    // The old pattern is too plain to guess at: only beside the file it was written for.
    const old = current || finalName === undefined ? null : OLD_TEMP.exec(name);
    const match = current ?? old;
    if (!match || (finalName !== undefined && match[1] !== finalName)) continue;
    const pid = Number(match[2]);
    try {
      const info = await stat(join(folder, name));
      if (!info.isFile()) continue;
      const stale = current ? isStaleTemp(name, info.mtimeMs, nowMs) : pid !== process.pid && !isRunning(pid);
      if (stale) await rm(join(folder, name), { force: true });
    } catch {
      // Gone already (its writer finished), or not removable: ignored either way.
    }
  }
}

export interface AtomicWriteOptions {
  // Fail with EEXIST instead of replacing a file of that name: two writers racing for one name
  // cannot both succeed (the history's saves).
  readonly exclusive?: boolean;
  readonly mode?: number;
}

// Where a file system cannot make hard links (FAT on a USB stick), the exclusive write falls back
// to a plain rename after a last look: the race is then only narrowed, not closed.
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const folder = dirname(path);
  const temp = join(folder, tempNameFor(basename(path)));
  const handle = await open(temp, 'wx', options.mode ?? 0o644);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.exclusive) await linkExclusively(temp, path);
    else await rename(temp, path);
  } finally {
    await rm(temp, { force: true }).catch(() => undefined);
  }
  await syncFolder(folder);
}

// link(2) never replaces an existing name: the complete file appears under its name, or EEXIST.
async function linkExclusively(temp: string, path: string): Promise<void> {
  try {
    await link(temp, path);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (!NO_HARD_LINKS.has(code)) throw error;
    const taken = await stat(path).then(() => true, () => false);
    if (taken) throw Object.assign(new Error(`EEXIST: file already exists, link '${temp}' -> '${path}'`), { code: 'EEXIST', path });
    await rename(temp, path);
  }
}

// Whether a file can be made in `folder`, found by making (and removing) an empty temporary one:
// the only test that sees a read-only mount, an ACL or a quota the same way the write will.
export async function probeFolder(folder: string): Promise<void> {
  const temp = join(folder, tempNameFor('probe'));
  const handle = await open(temp, 'wx', 0o600);
  await handle.close();
  await rm(temp, { force: true });
}

// Makes the rename itself durable. Windows cannot open a folder for this; there it is skipped.
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not supported here; the file itself is already flushed.
  }
}
