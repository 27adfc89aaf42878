// An edited report or checklist over IPC, through the one dispatch the Electron main process and
// the browser-mode server use (issue 11, items 1, 4 and 7): refused as an error result naming the
// field, before any handler builds an export, saves a file or opens a socket.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch, type Handlers } from '../../../electron/handlers';
import type { Channel } from '../../../shared/ipc';
import type { ErrorData } from '../../../shared/result';
import { word } from '../../../shared/text';

type Json = Record<string, Record<string, unknown>>;

const storeDir = mkdtempSync(join(tmpdir(), 'trunkcheck-hostile-ipc-'));
const handlers: Handlers = createHandlers({ mode: 'browser', storeDir });
afterAll(() => rmSync(storeDir, { recursive: true, force: true }));

const real = JSON.parse(readFileSync('test/fixtures/report-masquerade.json', 'utf8')) as Json;
const site = { name: 'Head office', customer: 'Müller GmbH', technician: 'J. Weiß' };
const call = (channel: Channel, request: unknown) => dispatch(handlers, channel, request, { progress: () => undefined });

function hostile(edit: (report: Json) => void): Json {
  const report = structuredClone(real);
  edit(report);
  return report;
}

const injected = hostile((report) => {
  report.local!.ip = "10.0.0.5' ; Start-Process calc.exe ; '";
});

async function expectRefused(channel: Channel, request: unknown, words: string, code = 'report/damaged'): Promise<void> {
  const result = await call(channel, request);
  expect(result).toMatchObject({ ok: false, error: { code } });
  if (!result.ok) {
    expect(word('en', result.error)).toContain(words);
    expect(word('en', result.error)).not.toMatch(/[\n\r]/);
  }
}

describe('checklist:build with a hostile report', () => {
  it('refuses a command in the PBX address with one sentence naming the field', async () => {
    await expectRefused('checklist:build', { report: injected, site, language: 'en' }, `The report is damaged or was edited: its local.ip is not an IP address ("10.0.0.5' ; Start-Process calc.exe ; '")`);
  });

  it.each([
    ['a report without checks', (r: Json) => void delete (r as Record<string, unknown>).checks, 'its checks is missing'],
    ['checks.publicAddress: null', (r: Json) => void (r.checks!.publicAddress = null), 'its checks.publicAddress is not an object (null)'],
    ['a numeric sip.target', (r: Json) => void (r.sip!.target = 5060), 'its sip.target is not a server written as host or host:port (5060)'],
    ['a newline in a STUN host name', (r: Json) => void ((r.stunServers as unknown as { host: string }[])[0]!.host = 'stun.example.net\nconfig system admin'), 'its stunServers[0].host'],
  ])('refuses %s as an error result, not an internal error', async (_name, edit, words) => {
    await expectRefused('checklist:build', { report: hostile(edit), site, language: 'de' }, words);
  });

  it('refuses a 5 MB string and a 5,000-character address at once', async () => {
    // The fixture is schema 1: its evidence sentence is read as a legacy-text message, refused whole.
    for (const [report, words] of [
      [hostile((r) => void ((r.rules as unknown as { evidence: string }[])[0]!.evidence = 'x'.repeat(5_000_000))), 'its rules[0].evidence[0] is not evidence as TrunkCheck writes it'],
      [hostile((r) => void (r.local!.ip = '1'.repeat(5000))), 'its local.ip is not an IP address'],
    ] as const) {
      const started = performance.now();
      await expectRefused('checklist:build', { report, site, language: 'en' }, words);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });

  it('refuses a site name with a line break', async () => {
    await expectRefused('checklist:build', { report: real, site: { ...site, technician: 'J. Weiß\n/ip firewall filter add action=accept' } }, 'its technician contains a line break', 'ipc/bad-site');
  });

  it('still builds the checklist of a real report', async () => {
    const result = await call('checklist:build', { report: real, site, language: 'en' });
    expect(result.ok).toBe(true);
  });
});

describe('the other ways a report or checklist comes in', () => {
  it('refuses a hostile earlier report for nat:diagnose rerun before measuring', async () => {
    await expectRefused('nat:diagnose', { stun: ['127.0.0.1:9'], media: 'off', rerun: { check: 'sip', previous: injected } }, 'its local.ip is not an IP address');
  });

  it('refuses to save a hostile report in the history', async () => {
    await expectRefused('history:save', { siteId: 'head-office', report: injected }, 'its local.ip is not an IP address');
  });

  it('refuses a hostile checklist for checklist:export', async () => {
    const built = await call('checklist:build', { report: real, site, language: 'en' });
    if (!built.ok) throw new Error(word('en', built.error));
    const checklist = structuredClone((built.value as { checklist: Json }).checklist);
    checklist.network!.pbxIp = '10.0.0.5\nadd rule inet filter input accept';
    await expectRefused('checklist:export', { checklist, format: 'nftables' }, 'The checklist is damaged or was edited: its network.pbxIp is not an IP address', 'checklist/damaged');
  });

  it('never reads a hostile report from the history back as a run to compare with', async () => {
    const saved = await call('history:save', { siteId: 'branch', report: real });
    expect(saved.ok).toBe(true);
    const folder = join(storeDir, 'sites', 'branch');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, '20991231T235959000Z-report.json'), JSON.stringify(injected));
    const listed = await call('history:list', { siteId: 'branch' });
    expect(listed.ok).toBe(true);
    if (!listed.ok) return;
    const { entries, problems, changes } = listed.value as { entries: unknown[]; problems: ErrorData[]; changes: string[] };
    expect(entries).toHaveLength(1);
    expect(changes).toEqual([]);
    expect(problems).toMatchObject([{ code: 'store/quarantined', problem: { code: 'document/damaged-report', path: 'local.ip' } }]);
    expect(word('en', problems[0] ?? { code: 'ui/connection' })).toContain('20991231T235959000Z-report.json');
  });
});
