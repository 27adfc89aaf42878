// A file written beside its target and renamed into place: a crash or a full disk never leaves
// half a file where a good one was.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { fail, ok, type Result } from '../../shared/result';

export function writeFileAtomically(path: string, data: Uint8Array | string): Result<null> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(temporary, 'w', 0o644);
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
    return ok(null);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const cause = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'that folder may not be written' : code === 'ENOENT' || code === 'ENOTDIR' ? 'that folder does not exist' : (code ?? (error as Error).message);
    return fail('file/write-failed', `${path} could not be written (${cause}): choose another folder; nothing else was changed.`);
  }
}
