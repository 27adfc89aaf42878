// Atomic file writes: a reader sees the old state or the complete new file, never half of one.
// The text goes to a temporary file in the same folder (same file system, so rename is atomic),
// is flushed to the disk, then renamed into place. A crash leaves at most a temporary file,
// which the history listing recognises and removes.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

// .<final name>.<pid>.<random>.tmp: hidden, and says which process wrote it.
const TEMP = /^\.(.+)\.(\d+)\.([0-9a-f]{8})\.tmp$/;
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

export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const folder = dirname(path);
  const temp = join(folder, tempNameFor(basename(path)));
  const handle = await open(temp, 'wx', 0o644);
  try {
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder);
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
