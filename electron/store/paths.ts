// Where TrunkCheck keeps its settings and history, and how a file-system failure is said in one
// sentence. The folder is always a parameter of the store; this only computes the default.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const STORE_HOME_ENV = 'TRUNKCHECK_HOME';
const FOLDER = 'trunkcheck';

// TRUNKCHECK_HOME wins (tests, a shared folder on a server); otherwise a folder in the per-user
// application-data folder that Electron calls appData, so the CLI and the wizard can share it:
// Windows %APPDATA%\trunkcheck, macOS ~/Library/Application Support/trunkcheck, else
// $XDG_CONFIG_HOME/trunkcheck or ~/.config/trunkcheck.
export function defaultStoreDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  const override = env[STORE_HOME_ENV]?.trim();
  if (override) return override;
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), FOLDER);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', FOLDER);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), FOLDER);
}

// 2026-11-23T21:21:40.248Z → 20261123T212140248Z: sortable, and legal in Windows file names.
export function compactTimestamp(time: Date): string {
  return time.toISOString().replace(/[-:.]/g, '');
}

export function timestampFromCompact(text: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, ms] = match;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

const CAUSES: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EACCES: 'permission was denied',
  EPERM: 'the operation is not permitted',
  ENOTDIR: 'part of the path is a file, not a folder',
  ENOENT: 'the path does not exist',
  EISDIR: 'a folder is in the way',
  EEXIST: 'a file is in the way where a folder belongs',
  EMFILE: 'too many files are open',
  EIO: 'the disk reported an input/output error',
  EBUSY: 'the file is locked by another program',
};

// The cause as the end of a sentence: "the disk is full (ENOSPC)".
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && CAUSES[code]) return `${CAUSES[code]} (${code})`;
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/[.\s]+$/, '').slice(0, 200);
}
