// Creating a folder and its parents without fs.mkdir's { recursive: true }: Node's recursive mkdir
// spins forever when a parent exists but cannot hold children (procfs answers ENOENT, and so does
// a dangling symlink), which would freeze the CLI on a mistyped TRUNKCHECK_HOME. This walk goes
// up once to the first folder that exists, then creates each missing one; every step is final.
import { mkdirSync, statSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

const codeOf = (error: unknown) => (error as { code?: unknown } | null)?.code;

function notAFolder(path: string): Error {
  return Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${path}'`), { code: 'ENOTDIR', path });
}

export async function ensureFolder(path: string): Promise<void> {
  const missing: string[] = [];
  for (let current = resolve(path); ; current = dirname(current)) {
    try {
      if (!(await stat(current)).isDirectory()) throw notAFolder(current);
      break;
    } catch (error) {
      if (codeOf(error) !== 'ENOENT' || dirname(current) === current) throw error;
      missing.push(current);
    }
  }
  for (const folder of missing.reverse()) {
    try {
      await mkdir(folder);
    } catch (error) {
      if (codeOf(error) !== 'EEXIST') throw error;  // made meanwhile by another process
    }
  }
}

export function ensureFolderSync(path: string): void {
  const missing: string[] = [];
  for (let current = resolve(path); ; current = dirname(current)) {
    try {
      if (!statSync(current).isDirectory()) throw notAFolder(current);
      break;
    } catch (error) {
      if (codeOf(error) !== 'ENOENT' || dirname(current) === current) throw error;
      missing.push(current);
    }
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if (codeOf(error) !== 'EEXIST') throw error;
    }
  }
}
