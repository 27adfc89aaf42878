// One request pipeline: the built `trunkcheck` command and the IPC entry point (dispatch, as the
// wizard and the browser mode reach it) are given the same bad values and refuse them with the
// same code and the same sentence (the CLI puts the option in front), before any packet is sent.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { word } from '../../shared/text';
import { createHandlers, dispatch } from '../../electron/handlers';
import type { Channel } from '../../shared/ipc';
import { runProcess } from '../support/processes';

// Sites and history go to a folder of this test run, never the user's own.
const home = mkdtempSync(join(tmpdir(), 'trunkcheck-codes-'));
process.env.TRUNKCHECK_HOME = home;
const report = 'test/fixtures/report-masquerade.json';
const stun = '127.0.0.1:9';

beforeAll(() => {
  if (!existsSync('out/main/cli.js')) throw new Error('out/main/cli.js is missing: run "npm run build" (npm test does it) before these tests.');
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

async function overCli(args: readonly string[]): Promise<{ exit: number | null; code: string; message: string }> {
  const result = await runProcess('node', ['bin/trunkcheck.js', ...args, '--json'], { timeoutMs: 20_000 });
  const printed = JSON.parse(result.stdout) as { error: { code: string; message: string } };
  return { exit: result.code, ...printed.error };
}

async function overIpc(channel: Channel, input: unknown): Promise<{ code: string; message: string }> {
  // The CLI prints the sentence in English by default; IPC carries the code and its values.
  const result = await dispatch(createHandlers({ mode: 'browser', storeDir: home }), channel, input, { progress: () => undefined });
  if (result.ok) throw new Error(`${channel} accepted ${JSON.stringify(input)}`);
  return { ...result.error, message: word('en', result.error) };
}

const previous = () => JSON.parse(readFileSync(report, 'utf8')) as unknown;

const cases: [string, string[], Channel, () => unknown, string][] = [
  ['a STUN host that is a shell command', ['diagnose', '--stun', '$(id)'], 'nat:diagnose', () => ({ stun: ['$(id)'] }), 'request/stun-server'],
  ['a SIP host that is a shell command', ['diagnose', '--stun', stun, '--sip', '$(id)'], 'nat:diagnose', () => ({ stun: [stun], sip: '$(id)' }), 'request/sip-server'],
  ['SIP port 0', ['diagnose', '--stun', stun, '--sip-port', '0'], 'nat:diagnose', () => ({ stun: [stun], sipPort: 0 }), 'request/sip-port'],
  ['SIP port 70000', ['diagnose', '--stun', stun, '--sip-port', '70000'], 'nat:diagnose', () => ({ stun: [stun], sipPort: 70000 }), 'request/sip-port'],
  ['line quality for 0 s', ['diagnose', '--stun', stun, '--quality', '0'], 'nat:diagnose', () => ({ stun: [stun], qualitySec: 0 }), 'request/quality-sec'],
  ['line quality for 9999 s', ['diagnose', '--stun', stun, '--quality', '9999'], 'nat:diagnose', () => ({ stun: [stun], qualitySec: 9999 }), 'request/quality-sec'],
  ['three STUN servers', ['diagnose', '--stun', 'a', '--stun', 'b', '--stun', 'c'], 'nat:diagnose', () => ({ stun: ['a', 'b', 'c'] }), 'request/stun-too-many'],
  ['no STUN server', ['diagnose'], 'nat:diagnose', () => ({ stun: [] }), 'request/stun-missing'],
  ['an unknown PBX profile', ['diagnose', '--stun', stun, '--profile', 'nope'], 'nat:diagnose', () => ({ stun: [stun], profileId: 'nope' }), 'request/unknown-profile'],
  ['an unknown provider', ['diagnose', '--stun', stun, '--provider', 'nobody'], 'nat:diagnose', () => ({ stun: [stun], providerId: 'nobody' }), 'request/unknown-provider'],
  ['the RTP range 9-3', ['diagnose', '--stun', stun, '--rtp', '9-3'], 'nat:diagnose', () => ({ stun: [stun], rtp: { from: 9, to: 3 } }), 'request/rtp-range'],
  ['a local address that is a name', ['diagnose', '--stun', stun, '--local-ip', 'pc'], 'nat:diagnose', () => ({ stun: [stun], localIp: 'pc' }), 'request/local-ip'],
  ['IP version 5', ['diagnose', '--stun', stun, '--family', '5'], 'nat:diagnose', () => ({ stun: [stun], family: '5' }), 'request/family'],
  ['a check to run again that does not exist', ['diagnose', '--stun', stun, '--rerun', 'dns', '--from', report], 'nat:diagnose', () => ({ stun: [stun], rerun: { check: 'dns', previous: previous() } }), 'request/rerun-check'],
  ['a site id with spaces', ['diagnose', '--stun', stun, '--site', 'Head Office'], 'history:list', () => ({ siteId: 'Head Office' }), 'request/site-id'],
  ['a keep-alive every 0 s', ['monitor', '--stun', stun, '--interval', '0'], 'monitor:start', () => ({ stun, intervalSec: 0 }), 'request/interval-sec'],
  ['a monitor STUN host that is a shell command', ['monitor', '--stun', '$(id)'], 'monitor:start', () => ({ stun: '$(id)' }), 'request/stun-server'],
  ['a monitor for an unknown PBX profile', ['monitor', '--stun', stun, '--profile', 'nope'], 'monitor:start', () => ({ stun, profileId: 'nope' }), 'request/unknown-profile'],
];

describe('the CLI and IPC refuse the same values with the same code', () => {
  it.each(cases)('%s', async (_name, args, channel, input, code) => {
    const [cli, ipc] = await Promise.all([overCli(args), overIpc(channel, input())]);
    expect(ipc.code).toBe(code);
    expect(cli.code).toBe(code);
    expect(cli.exit).toBe(2);
    // The same validator decided: the CLI's sentence is the IPC's, after the option's name.
    expect(cli.message).toMatch(/^--[a-z-]+: /);
    expect(cli.message.replace(/^--[a-z-]+: /, '')).toBe(ipc.message);
  }, 30_000);
});
