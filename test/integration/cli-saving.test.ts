// Where the built `trunkcheck` writes what it made, as an administrator runs it: -o onto devices,
// pipes and links; a diagnosis whose destination is wrong (refused before the first packet) or
// fails afterwards (the report is printed, never lost); the site history's notices on stderr.
import { canUnshareMounts } from '../support/unshare';
import { execFileSync } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempNameFor } from '../../electron/files/atomic-write';
import { startCoturn, type Coturn } from '../support/coturn';
import { runProcess } from '../support/processes';

const dir = mkdtempSync(join(tmpdir(), 'trunkcheck-saving-'));
const home = join(dir, 'home');
const report = resolve('test/fixtures/report-masquerade.json');
const cli = (args: readonly string[], env: Record<string, string> = {}) =>
  runProcess('env', [`TRUNKCHECK_HOME=${env.TRUNKCHECK_HOME ?? home}`, 'node', 'bin/trunkcheck.js', ...args], { timeoutMs: 30_000 });
const checklist = (out: string) => cli(['checklist', '--from', report, '--format', 'md', '-o', out]);
const freePort = () => 41000 + Math.floor(Math.random() * 4000);
// pid 2^22 is above Linux's pid_max: a writer that cannot be running.
const GONE = 4_194_304;
// A checklist says when it was made (to the millisecond, and as a date to the minute): two runs
// differ only there.
const undated = (text: string) => text.replace(/\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}\.\d{3}Z| \d{2}:\d{2} UTC)/g, 'TIME');

let coturn: Coturn;
let markdown = '';

beforeAll(async () => {
  if (!existsSync('out/main/cli.js')) throw new Error('out/main/cli.js is missing: run "npm run build" (npm test does it) before these tests.');
  coturn = await startCoturn();
  markdown = (await cli(['checklist', '--from', report, '--format', 'md'])).stdout;
  expect(markdown).toContain('# ');
});
afterAll(async () => {
  await coturn?.stop();
  rmSync(dir, { recursive: true, force: true });
});

// The tests run as root: a broken /dev/null would break every other program on the machine.
function restoreDevNull(): void {
  if (statSync('/dev/null', { throwIfNoEntry: false })?.isCharacterDevice()) return;
  rmSync('/dev/null', { force: true });
  execFileSync('mknod', ['-m', '666', '/dev/null', 'c', '1', '3']);
}

describe('checklist -o onto what is not a plain file', () => {
  it('writes through the real /dev/null and leaves it a character device', async () => {
    try {
      const result = await checklist('/dev/null');
      expect(result.code, result.stderr).toBe(0);
      expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
      expect(readFileSync('/dev/null', 'utf8')).toBe('');
    } finally {
      restoreDevNull();
    }
  });

  it('writes through a character device of its own too (the null device under another name)', async () => {
    const device = join(dir, 'null');
    execFileSync('mknod', ['-m', '666', device, 'c', '1', '3']);
    const result = await checklist(device);
    expect(result.code, result.stderr).toBe(0);
    expect(statSync(device).isCharacterDevice()).toBe(true);
    expect(result.stdout).toBe(`Wrote ${device} (${Buffer.byteLength(markdown)} bytes).\n`);
  });

  it('prints on /dev/stdout: the checklist alone, and the link stays a link', async () => {
    const before = readlinkSync('/dev/stdout');
    const result = await checklist('/dev/stdout');
    expect(result.code, result.stderr).toBe(0);
    expect(undated(result.stdout)).toBe(undated(markdown));
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
    expect(readlinkSync('/dev/stdout')).toBe(before);
  });

  it('prints on /dev/stdout redirected into a file, and through a pipe', () => {
    const file = join(dir, 'redirected.md');
    execFileSync('sh', ['-c', `node bin/trunkcheck.js checklist --from ${report} --format md -o /dev/stdout > ${file}`]);
    expect(undated(readFileSync(file, 'utf8'))).toBe(undated(markdown));
    expect(undated(execFileSync('sh', ['-c', `node bin/trunkcheck.js checklist --from ${report} --format md -o /dev/stdout | cat`], { encoding: 'utf8' }))).toBe(undated(markdown));
  });

  it('writes into a FIFO and leaves it a FIFO', async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = runProcess('cat', [fifo], { timeoutMs: 20_000 });
    const result = await checklist(fifo);
    expect(result.code, result.stderr).toBe(0);
    expect(undated((await reader).stdout)).toBe(undated(markdown));
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('follows a link to a file: the file gets the checklist, the link stays', async () => {
    const shared = join(dir, 'shared');
    mkdirSync(shared);
    writeFileSync(join(shared, 'checklist.md'), 'the old one');
    const link = join(dir, 'checklist-link.md');
    symlinkSync(join(shared, 'checklist.md'), link);
    const result = await checklist(link);
    expect(result.code, result.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(undated(readFileSync(join(shared, 'checklist.md'), 'utf8'))).toBe(undated(markdown));
    expect(readdirSync(shared)).toEqual(['checklist.md']);
  });

  it.each([
    ['a link to nothing', () => {
      const link = join(dir, 'dangling.md');
      symlinkSync(join(dir, 'nowhere', 'x.md'), link);
      return link;
    }, 'which does not exist: name the file itself'],
    ['a folder', () => dir, 'is a folder: name a file in it'],
    // An unattached loop device number: even a wrong write-through could not reach a disk.
    ['a disk device', () => {
      const disk = join(dir, 'disk');
      execFileSync('mknod', [disk, 'b', '7', '250']);
      return disk;
    }, 'is a disk device, which TrunkCheck never writes to'],
  ])('refuses %s with exit 2 and one sentence, changing nothing', async (_name, make, words) => {
    const target = make();
    const before = lstatSync(target);
    const result = await checklist(target);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(words);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    const after = lstatSync(target);
    expect([after.mode, after.ino]).toEqual([before.mode, before.ino]);
  });

  it('removes what a killed earlier write of the same file left, and nothing else', async () => {
    const folder = join(dir, 'leftovers');
    mkdirSync(folder);
    const leftovers = [tempNameFor('checklist.md', GONE), `checklist.md.${GONE}.tmp`];
    const others = ['notes.tmp', tempNameFor('other.md', GONE)];
    for (const name of [...leftovers, ...others]) writeFileSync(join(folder, name), 'half a checklist');
    const result = await checklist(join(folder, 'checklist.md'));
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(['checklist.md', ...others].sort());
  });
});

// A STUN server that only counts: the proof that nothing was sent.
async function listening(): Promise<{ port: number; packets: () => number; close: () => void }> {
  const socket: Socket = createSocket('udp4');
  let count = 0;
  socket.on('message', () => (count += 1));
  await new Promise<void>((done) => socket.bind(0, '127.0.0.1', done));
  return { port: socket.address().port, packets: () => count, close: () => socket.close() };
}

describe('diagnose: the destination is checked before the first packet', () => {
  it.each([
    ['--out into a folder that does not exist', () => ['--out', join(dir, 'missing', 'report.json')], {}, 'does not exist: create it, or choose another place'],
    ['--out naming a folder', () => ['--out', dir], {}, 'is a folder'],
    ['--site with a store folder under a file', () => ['--site', 'head-office'], { TRUNKCHECK_HOME: join(report, 'store') }, 'cannot save the history of site head-office'],
  ])('refuses %s at once, exit 2, no packet sent', async (_name, extra, env, words) => {
    const stun = await listening();
    try {
      const result = await cli(['diagnose', '--stun', `127.0.0.1:${stun.port}`, '--no-media', '--sip-port', String(freePort()), ...extra()], env);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(words);
      expect(result.stderr).toContain('nothing was measured');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stdout).toBe('');
      await new Promise((done) => setTimeout(done, 100));
      expect(stun.packets()).toBe(0);
    } finally {
      stun.close();
    }
  });
});


describe.skipIf(!canUnshareMounts)('diagnose: a disk that is read-only or full', () => {
  const cliPath = resolve('bin/trunkcheck.js');
  let run = 0;
  // Mounts a 64 KiB tmpfs at $mnt, prepares it, runs diagnose with the given arguments; prints
  // the exit status, stdout and stderr, each base64 on a line of its own.
  const inNamespace = (prepare: string, args: string): { exit: number; stdout: string; stderr: string; listing: string } => {
    const mnt = join(dir, `mnt-${(run += 1)}`);
    const script = `
set -u
mnt=${mnt}
mkdir -p "$mnt"
mount -t tmpfs -o size=64k tmpfs "$mnt"
${prepare}
TRUNKCHECK_HOME="$mnt/home" node ${cliPath} diagnose --stun 127.0.0.1:${coturn.port} --no-media --sip-port ${freePort()} ${args} >"${mnt}.out" 2>"${mnt}.err"
echo "$?"
base64 -w0 "${mnt}.out"; echo
base64 -w0 "${mnt}.err"; echo
(cd "$mnt" && find . | sort | base64 -w0); echo
`;
    const out = execFileSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script], { encoding: 'utf8', timeout: 60_000 });
    const [exit, stdout, stderr, listing] = out.trim().split('\n');
    const text = (value?: string) => Buffer.from(value ?? '', 'base64').toString('utf8');
    return { exit: Number(exit), stdout: text(stdout), stderr: text(stderr), listing: text(listing) };
  };
  const fill = 'dd if=/dev/zero of="$mnt/fill" bs=4k 2>/dev/null; true';

  it('refuses --out on a read-only disk before measuring', () => {
    const result = inNamespace('mount -o remount,ro "$mnt"', '--out "$mnt/report.json"');
    expect(result.exit).toBe(2);
    expect(result.stderr).toMatch(/^trunkcheck: No file can be written in .*mnt-\d+: the file system is read-only \(EROFS\); choose another place for .*report\.json; nothing was measured\.\n$/);
    expect(result.stdout).toBe('');
  });

  it('a full disk found only when writing --out: exit 3, the report on stdout as JSON, and where it could not go on stderr', () => {
    const result = inNamespace(fill, '--out "$mnt/report.json"');
    expect(result.exit, result.stderr).toBe(3);
    const printed = JSON.parse(result.stdout);
    expect(printed).toMatchObject({ tool: { name: 'trunkcheck' }, publicAddress: { ip: '127.0.0.1' } });
    expect(result.stderr).toMatch(/report\.json could not be written: the disk is full \(ENOSPC\); nothing else was changed\./);
    expect(result.stderr).toContain('The report follows on standard output as JSON: redirect it to a file to keep it.');
    expect(result.listing).not.toMatch(/report\.json|\.tmp/);
  });

  it('a full disk found only when saving the site history: the same, and --out still has it', () => {
    const result = inNamespace(`mkdir -p "$mnt/home/sites/head-office"; ${fill}`, `--site head-office --out ${join(dir, 'kept.json')}`);
    expect(result.exit, result.stderr).toBe(3);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(readFileSync(join(dir, 'kept.json'), 'utf8')));
    expect(result.stderr).toMatch(/TrunkCheck could not save the report in .*head-office: the disk is full \(ENOSPC\)\./);
    expect(result.stderr).toContain(`It was written to ${join(dir, 'kept.json')}, and the report follows on standard output as JSON`);
  });
});

describe('diagnose --site: what the history says on stderr', () => {
  it('names a broken file it moved aside and one dated ahead, and compares with neither', async () => {
    const store = join(dir, 'history-home');
    const sites = join(store, 'sites', 'branch');
    mkdirSync(sites, { recursive: true });
    const hollow = { ...JSON.parse(readFileSync(report, 'utf8')), nat: {} };
    writeFileSync(join(sites, '20261101T100000000Z-report.json'), JSON.stringify(hollow));
    writeFileSync(join(sites, '20991231T235959000Z-report.json'), readFileSync(report));
    const result = await cli(['diagnose', '--stun', `127.0.0.1:${coturn.port}`, '--no-media', '--sip-port', String(freePort()), '--site', 'branch'], { TRUNKCHECK_HOME: store });
    expect(result.code).toBeLessThan(2);
    expect(result.stdout).toContain('Saved as the first report of site branch');
    expect(result.stdout).not.toContain('undefined');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toEqual([
      `trunkcheck: The file sites/branch/20261101T100000000Z-report.json is a damaged report (its nat.classic is missing); it was moved to ${join(store, 'quarantine', 'branch--20261101T100000000Z-report.json')} and the rest of the history is unaffected.`,
      expect.stringMatching(/^The file sites\/branch\/20991231T235959000Z-report\.json is dated 2099-12-31T23:59:59\.000Z, later than this computer's clock .*: it was left in place and is neither listed nor compared; check the clock of the computer that saved it\.$/),
    ]);
    expect(existsSync(join(sites, '20991231T235959000Z-report.json'))).toBe(true);
  });
});
