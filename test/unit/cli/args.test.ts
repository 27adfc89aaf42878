import { describe, expect, it } from 'vitest';
import { parseArgs, parsePortFlag } from '../../../electron/cli/args';
import { DIAGNOSE_FLAGS } from '../../../electron/cli/diagnose-command';

describe('command-line flags', () => {
  it('reads repeated --stun flags, --flag=value and boolean flags', () => {
    const parsed = parseArgs(['--stun', 'a:1', '--stun=b', '--json', '--sip-port', '5060'], DIAGNOSE_FLAGS);
    expect(parsed).toEqual({ ok: true, positional: [], flags: { stun: ['a:1', 'b'], json: true, 'sip-port': '5060' } });
  });

  it('names an unknown option, a missing value, a duplicated one and a value on a switch', () => {
    expect(parseArgs(['--stnu', 'x'], DIAGNOSE_FLAGS)).toEqual({ ok: false, message: 'Unknown option --stnu: see trunkcheck --help.' });
    expect(parseArgs(['--profile'], DIAGNOSE_FLAGS)).toEqual({ ok: false, message: 'The option --profile needs a value.' });
    expect(parseArgs(['--profile', '--json'], DIAGNOSE_FLAGS)).toEqual({ ok: false, message: 'The option --profile needs a value.' });
    expect(parseArgs(['--profile', 'a', '--profile', 'b'], DIAGNOSE_FLAGS)).toEqual({ ok: false, message: 'The option --profile was given twice.' });
    expect(parseArgs(['--json=yes'], DIAGNOSE_FLAGS)).toEqual({ ok: false, message: 'The option --json takes no value.' });
  });

  it('accepts -o as the short form of --out', () => {
    expect(parseArgs(['-o', 'r.json'], DIAGNOSE_FLAGS)).toMatchObject({ ok: true, flags: { out: 'r.json' } });
  });

  it('checks port numbers', () => {
    expect(parsePortFlag('65002', 'sip-port')).toEqual({ ok: true, port: 65002 });
    expect(parsePortFlag(undefined, 'sip-port')).toEqual({ ok: true, port: undefined });
    for (const bad of ['0', '65536', '12a', '-1', '1.5', '']) expect(parsePortFlag(bad, 'sip-port').ok).toBe(false);
  });
});
