// Issue 11 item 7: the command line checks --stun and --sip with the IPC contract's own validator
// before it looks up any name or sends a packet. "127.0.0.1:9:9" was taken for an IPv6 address and
// measured as "UDP blocked"; "$(id)" and bare Unicode names went to the resolver.
// Each run is in a network namespace of its own with nothing in it: if a name were looked up or a
// packet sent after all, it could not leave this test.
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateRequest } from '../../shared/ipc';
import { runProcess } from '../support/processes';
import { word } from '../../shared/text';

const cli = (...args: string[]) => runProcess('unshare', ['--net', 'node', 'bin/trunkcheck.js', ...args], { timeoutMs: 30_000 });
// What the IPC validator says of the request, as the command line prints it: the same code, and
// the same sentence led by the option that carried the value.
const ipcRefusal = (request: unknown, option: string): { code: string; stderr: string } => {
  const checked = validateRequest('nat:diagnose', request);
  if (checked.ok) throw new Error(`the IPC validator accepts ${JSON.stringify(request)}`);
  return { code: checked.error.code, stderr: `trunkcheck: --${option}: ${word('en', checked.error)}\n` };
};

beforeAll(() => {
  if (!existsSync('out/main/cli.js')) throw new Error('out/main/cli.js is missing: run "npm run build" (npm test does it) before these tests.');
});

describe('server names on the command line', () => {
  const refusedStun = ['127.0.0.1:9:9', 'stun.example:3478:1', '[127.0.0.1]:3478', '$(id)', '`id`.example', 'bücher.example', 'stun..example', '-stun.example'];

  it.each(refusedStun)('diagnose refuses --stun %s with the IPC sentence and exit 2, before measuring', async (stun) => {
    const run = await cli('diagnose', '--stun', stun, '--no-media');
    const ipc = ipcRefusal({ stun: [stun] }, 'stun');
    expect(ipc.code).toBe('request/stun-server');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(ipc.stderr);
    expect(run.stdout).toBe('');
  });

  it.each(['127.0.0.1:5060:1', '$(id)', 'bücher.example', 'sip example'])('diagnose refuses --sip %s the same way', async (sip) => {
    const run = await cli('diagnose', '--stun', '127.0.0.1:9', '--sip', sip, '--no-media');
    const ipc = ipcRefusal({ stun: ['127.0.0.1:9'], sip }, 'sip');
    expect(ipc.code).toBe('request/sip-server');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(ipc.stderr);
  });

  it('monitor and ui refuse such a --stun too', async () => {
    for (const command of ['monitor', 'ui']) {
      const run = await cli(command, '--stun', '127.0.0.1:9:9');
      expect(run.code, command).toBe(2);
      expect(run.stderr, command).toBe(ipcRefusal({ stun: ['127.0.0.1:9:9'] }, 'stun').stderr);
    }
  });
});
