import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultFontDir, FONT_FILES, fontDirCandidates, SYSTEM_FONT_DIR } from '../../../electron/export/fonts';

const holding = (dir: string) => (path: string) => Object.values(FONT_FILES).some((file) => path === join(dir, file));

describe('finding the PDF fonts', () => {
  it('takes resources/fonts in the packaged app', () => {
    const search = { resourcesPath: '/opt/TrunkCheck/resources', moduleDir: '/opt/TrunkCheck/resources/app.asar/out/main', exists: holding('/opt/TrunkCheck/resources/fonts') };
    expect(defaultFontDir(search)).toBe('/opt/TrunkCheck/resources/fonts');
  });

  it('takes build/fonts of the checkout, from the sources or the bundle', () => {
    expect(defaultFontDir({ resourcesPath: undefined, moduleDir: '/src/trunkcheck/electron/export', exists: holding('/src/trunkcheck/build/fonts') })).toBe('/src/trunkcheck/build/fonts');
    expect(defaultFontDir({ resourcesPath: '/x/node_modules/electron/dist/resources', moduleDir: '/src/trunkcheck/out/main', exists: holding('/src/trunkcheck/build/fonts') })).toBe('/src/trunkcheck/build/fonts');
  });

  it("falls back to Debian's fonts-dejavu-core, last", () => {
    expect(defaultFontDir({ resourcesPath: undefined, moduleDir: '/nowhere/out/main', exists: holding(SYSTEM_FONT_DIR) })).toBe(SYSTEM_FONT_DIR);
    expect(defaultFontDir({ resourcesPath: undefined, moduleDir: '/nowhere/out/main', exists: () => false })).toBe(SYSTEM_FONT_DIR);
    expect(fontDirCandidates({ resourcesPath: '/r', moduleDir: '/a/b' })).toEqual(['/r/fonts', '/a/b/build/fonts', '/a/build/fonts', '/build/fonts', SYSTEM_FONT_DIR]);
  });

  it('finds the fonts of this checkout', () => {
    expect(defaultFontDir()).toMatch(/build[\\/]fonts$/);
  });
});
