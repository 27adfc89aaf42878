// Where `-o FILE` / `--out FILE` writes. A file, new or existing, is replaced atomically. A link
// is followed: the file it points at is replaced and the link stays. A character device or a pipe
// (/dev/null, /dev/tty, a FIFO) is written through in place, never replaced by a file, even for an
// administrator. The command's own standard output (/dev/stdout, /proc/self/fd/1) is left to the
// command to print on. A folder, a disk device, a socket or a link to nothing is refused with an
// error (file/*).
import { constants, fstatSync, type Stats } from 'node:fs';
import { lstat, open, readlink, realpath, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fail, ok, type Result } from '../../shared/result';
import { fsCause } from '../store/paths';
import { probeFolder, removeStaleTemps, writeFileAtomic } from './atomic-write';

export type OutputTarget =
  | { readonly kind: 'file'; readonly path: string; readonly mode: number | null }   // path: the real file, links resolved
  | { readonly kind: 'through'; readonly path: string }
  | { readonly kind: 'stdout' };

const codeOf = (error: unknown) => (error as { code?: string } | null)?.code;

function isSameFile(info: Stats, fd: number): boolean {
  try {
    const standard = fstatSync(fd);
    // Windows gives a console no file index (0): that is no evidence of sameness.
    return info.ino !== 0 && standard.dev === info.dev && standard.ino === info.ino;
  } catch {
    return false;  // closed
  }
}

// What `path` is, without writing anything.
export async function resolveOutputTarget(path: string): Promise<Result<OutputTarget>> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') return fail('file/unusable', { file: path, cause: fsCause(error) });
    const linked = await lstat(path).catch(() => null);
    if (linked?.isSymbolicLink()) {
      const to = await readlink(path).catch(() => '?');
      return fail('file/dangling-link', { file: path, to });
    }
    return ok({ kind: 'file', path: resolve(path), mode: null });
  }
  if (isSameFile(info, 1)) return ok({ kind: 'stdout' });
  if (info.isFile()) return ok({ kind: 'file', path: await realpath(path).catch(() => resolve(path)), mode: info.mode & 0o777 });
  if (info.isDirectory()) return fail('file/is-folder', { file: path });
  if (info.isBlockDevice()) return fail('file/disk-device', { file: path });
  if (info.isSocket()) return fail('file/socket', { file: path });
  return ok({ kind: 'through', path });  // a character device or a FIFO
}

// Before a long measurement: the destination exists as a usable place and its folder takes a new
// file, so the result of minutes of measuring has somewhere to go.
export async function checkOutputTarget(path: string): Promise<Result<OutputTarget>> {
  const target = await resolveOutputTarget(path);
  if (!target.ok || target.value.kind !== 'file') return target;
  const folder = dirname(target.value.path);
  try {
    if (!(await stat(folder)).isDirectory()) return fail('file/folder-is-file', { folder, file: path });
    await probeFolder(folder);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return fail('file/no-folder', { folder, file: path });
    return fail('file/not-writable', { folder, file: path, cause: fsCause(error) });
  }
  return target;
}

// Writes `data` to what `path` names. For the command's own standard output nothing is written:
// the caller prints it (kind 'stdout'), in order with the rest of its output.
export async function writeOutputFile(path: string, data: string | Uint8Array): Promise<Result<OutputTarget>> {
  const target = await resolveOutputTarget(path);
  if (!target.ok || target.value.kind === 'stdout') return target;
  try {
    if (target.value.kind === 'file') {
      // What a killed earlier write of this file left beside it.
      await removeStaleTemps(dirname(target.value.path), basename(target.value.path));
      await writeFileAtomic(target.value.path, data, target.value.mode === null ? {} : { mode: target.value.mode });
    } else {
      await writeThrough(target.value.path, data);
    }
    return target;
  } catch (error) {
    return fail('file/write-failed', { file: path, cause: fsCause(error) });
  }
}

// Opened as it is: no O_CREAT (it exists) and no O_TRUNC (a device has no length; a pipe or a
// redirected standard error keeps what is already in it).
async function writeThrough(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, constants.O_WRONLY | constants.O_APPEND);
  try {
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
}
