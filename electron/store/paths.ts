// Where TrunkCheck keeps its settings and history, and the cause of a file-system failure as an
// error value. The folder is always a parameter of the store; this only computes the default.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { FS_CAUSES } from '../../shared/text/messages/errors';

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

// The cause of a failed file operation as an error value: the errno code where the catalogs word
// it ("the disk is full (ENOSPC)", shared/text FS_CAUSES), otherwise the system's own message.
export function fsCause(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (FS_CAUSES as readonly string[]).includes(code)) return code;
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/[.\s]+$/, '').slice(0, 200);
}
