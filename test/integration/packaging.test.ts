// What can be checked of the installers offline (electron-builder cannot fetch Electron here):
// the built bundles exist, and every package the built main process, CLI and preload import is a
// production dependency, so an installer built with only those modules starts.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : /\.c?js$/.test(entry.name) ? [join(dir, entry.name)] : []));

function bareImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:\bfrom\s+|\bimport\(\s*|\brequire\(\s*)["']([^"'.\s][^"'\s]*)["']/g)].map((match) => match[1] as string);
  return found.filter((name) => /^(@[\w.-]+\/)?[\w.:-]+(\/[\w./-]*)?$/.test(name)).map((name) => (name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0] as string));
}

describe('the built app', () => {
  const built = [...files('out/main'), ...files('out/preload')];

  it('has a main process, a CLI, the export worker, a CommonJS preload and the renderer', () => {
    expect(built.some((file) => file.endsWith('out/main/index.js'))).toBe(true);
    expect(built.some((file) => file.endsWith('out/main/cli.js'))).toBe(true);
    expect(built.some((file) => file.endsWith('out/main/export-worker.js'))).toBe(true);
    expect(built.some((file) => file.endsWith('out/preload/index.cjs'))).toBe(true);
    expect(readFileSync('out/renderer/index.html', 'utf8')).toContain("default-src 'self'");
  });

  it('imports at run time only Node built-ins, electron and production dependencies', () => {
    const production = new Set(Object.keys(pkg.dependencies ?? {}));
    const builtins = new Set(builtinModules);
    const needed = new Set(built.flatMap(bareImports).filter((name) => !name.startsWith('node:') && !builtins.has(name) && name !== 'electron'));
    expect([...needed].filter((name) => !production.has(name))).toEqual([]);
    expect(needed.size).toBeGreaterThan(0);
  });

  it('keeps the sandboxed preload to a single file that needs nothing but electron', () => {
    const preload = readFileSync('out/preload/index.cjs', 'utf8');
    expect(bareImports('out/preload/index.cjs')).toEqual(['electron']);
    expect(preload).not.toMatch(/require\(["']\.\.?\//);
  });

  // The preload runs in every wizard page: it carries the IPC contract (channel and event names)
  // and nothing of the validators, catalogs or exporters behind them (it carried all of them, 204 kB).
  it('keeps the preload to the IPC contract: no exporter, no catalog, no validator', () => {
    const preload = readFileSync('out/preload/index.cjs', 'utf8');
    const providers = (JSON.parse(readFileSync('shared/catalog/providers.json', 'utf8')) as { providers: { name: string }[] }).providers;
    const profiles = (JSON.parse(readFileSync('shared/catalog/pbx-profiles.json', 'utf8')) as { profiles: { name: string }[] }).profiles;
    expect(providers.length).toBeGreaterThan(0);
    expect(profiles.length).toBeGreaterThan(0);
    for (const { name } of [...providers, ...profiles]) expect(preload).not.toContain(JSON.stringify(name));
    for (const exporterText of ['New-NetFirewallRule', '/ip firewall', 'iptables', 'pfsense', 'trunkcheck/checklist', 'request/stun-missing']) {
      expect(preload.toLowerCase()).not.toContain(exporterText.toLowerCase());
    }
    expect(preload).toContain('"nat:diagnose"');
    expect(preload.length).toBeLessThan(8 * 1024);
  });

  it('ships the PDF fonts and the icons the installers name', () => {
    const resources = pkg.build.extraResources as { from: string }[];
    expect(resources.map((resource) => resource.from)).toContain('build/fonts');
    for (const font of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSansMono.ttf']) expect(readdirSync('build/fonts')).toContain(font);
    expect(readFileSync(pkg.build.win.icon).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    expect(readdirSync(pkg.build.linux.icon)).toContain('256x256.png');
    expect(pkg.build.nsis).toMatchObject({ perMachine: true, createStartMenuShortcut: true });
    expect(pkg.build.win.target).toEqual(expect.arrayContaining(['nsis', 'portable']));
    expect(pkg.build.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(pkg.build.artifactName).toContain('${version}');
  });
});

describe('installing without the Electron binary', () => {
  it('keeps Electron optional, outside the app, and its version in one place for the build', () => {
    // npm drops an optional dependency whose download fails, so `npm install` works offline.
    expect(pkg.devDependencies?.electron).toBeUndefined();
    expect(pkg.dependencies?.electron).toBeUndefined();
    const wanted = String(pkg.optionalDependencies?.electron ?? '');
    expect(wanted.replace(/^[\^~]/, '')).toBe(pkg.build.electronVersion);
    expect(pkg.build.files).toContain('!node_modules/electron/**');
  });
});

