import { describe, expect, it } from 'vitest';
import { parseArgs, parsePortFlag } from '../../../electron/cli/args';
import { DIAGNOSE_FLAGS } from '../../../electron/cli/diagnose-command';
import { word } from '../../../shared/text';

describe('command-line flags', () => {
  it('reads repeated --stun flags, --flag=value and boolean flags', () => {
    const parsed = parseArgs(['--stun', 'a:1', '--stun=b', '--json', '--sip-port', '5060'], DIAGNOSE_FLAGS, 'diagnose');
    expect(parsed).toEqual({ ok: true, positional: [], flags: { stun: ['a:1', 'b'], json: true, 'sip-port': '5060' } });
  });

  it('names an unknown option, a missing value, a duplicated one and a value on a switch, as codes', () => {
    expect(parseArgs(['--stnu', 'x'], DIAGNOSE_FLAGS, 'diagnose')).toEqual({ ok: false, error: { code: 'cli/unknown-option', option: '--stnu', command: 'diagnose' } });
    expect(parseArgs(['--profile'], DIAGNOSE_FLAGS, 'diagnose')).toEqual({ ok: false, error: { code: 'cli/option-needs-value', option: 'profile' } });
    expect(parseArgs(['--profile', '--json'], DIAGNOSE_FLAGS, 'diagnose')).toEqual({ ok: false, error: { code: 'cli/option-needs-value', option: 'profile' } });
    expect(parseArgs(['--profile', 'a', '--profile', 'b'], DIAGNOSE_FLAGS, 'diagnose')).toEqual({ ok: false, error: { code: 'cli/option-twice', option: 'profile' } });
    expect(parseArgs(['--json=yes'], DIAGNOSE_FLAGS, 'diagnose')).toEqual({ ok: false, error: { code: 'cli/option-takes-no-value', option: 'json' } });
  });

  it('says each refusal in the chosen language', () => {
    const refused = parseArgs(['--stnu', 'x'], DIAGNOSE_FLAGS, 'diagnose');
    if (refused.ok) throw new Error('--stnu was accepted');
    expect(word('en', refused.error)).toBe('Unknown option --stnu for diagnose: see trunkcheck --help.');
    expect(word('de', refused.error)).toBe('Unbekannte Option --stnu für diagnose: siehe trunkcheck --help.');
  });

  it('accepts -o as the short form of --out', () => {
    expect(parseArgs(['-o', 'r.json'], DIAGNOSE_FLAGS, 'diagnose')).toMatchObject({ ok: true, flags: { out: 'r.json' } });
  });

  it('checks port numbers', () => {
    expect(parsePortFlag('65002', 'sip-port')).toEqual({ ok: true, port: 65002 });
    expect(parsePortFlag(undefined, 'sip-port')).toEqual({ ok: true, port: undefined });
    for (const bad of ['0', '65536', '12a', '-1', '1.5', '']) expect(parsePortFlag(bad, 'sip-port').ok).toBe(false);
    expect(parsePortFlag('80a', 'port')).toEqual({ ok: false, error: { code: 'cli/not-a-port', option: 'port', value: '80a' } });
  });
});
