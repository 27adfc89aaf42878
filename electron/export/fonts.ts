// Where the PDF's fonts are. DejaVu is embedded so umlauts and ✓ ✗ render the same on every
// machine; the packaged app ships them under resources/fonts (electron-builder extraResources from
// build/fonts), a checkout has them in build/fonts, and a Debian machine in fonts-dejavu-core.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FONT_FILES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;

export const SYSTEM_FONT_DIR = '/usr/share/fonts/truetype/dejavu';

export interface FontDirSearch {
  readonly resourcesPath?: string | undefined;    // Electron's process.resourcesPath; undefined in plain Node
  readonly moduleDir?: string;                     // where this code runs from (electron/export or out/main)
  readonly exists?: (path: string) => boolean;
}

function hasFonts(dir: string, exists: (path: string) => boolean): boolean {
  return Object.values(FONT_FILES).every((file) => exists(join(dir, file)));
}

// The checkout's build/fonts: walk up from this module, as both the sources (electron/export) and
// the bundle (out/main) sit below the repository root.
function checkoutFontDirs(moduleDir: string): string[] {
  const dirs: string[] = [];
  let dir = moduleDir;
  for (let depth = 0; depth < 6; depth += 1) {
    dirs.push(join(dir, 'build', 'fonts'));
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return dirs;
}

// The candidates in order of preference, for the error message too.
export function fontDirCandidates(search: FontDirSearch = {}): string[] {
  const resourcesPath = 'resourcesPath' in search ? search.resourcesPath : (process as { resourcesPath?: string }).resourcesPath;
  const moduleDir = search.moduleDir ?? dirname(fileURLToPath(import.meta.url));
  return [...(resourcesPath ? [join(resourcesPath, 'fonts')] : []), ...checkoutFontDirs(moduleDir), SYSTEM_FONT_DIR];
}

// The first folder that holds all three fonts; the last resort even when it does not, so that
// renderPdf names the missing file.
export function defaultFontDir(search: FontDirSearch = {}): string {
  const exists = search.exists ?? existsSync;
  const candidates = fontDirCandidates(search);
  return candidates.find((dir) => hasFonts(dir, exists)) ?? SYSTEM_FONT_DIR;
}
