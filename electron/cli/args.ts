// A small, strict flag parser: every unknown flag or bad value is one code (cli/…) and exit 2,
// worded in the command's language where it is said.
import { errorOf, type ErrorData } from '../../shared/result';

export interface FlagSpec {
  readonly type: 'string' | 'boolean';
  readonly repeat?: boolean;
  readonly alias?: string;
}

export type ParsedFlags = Record<string, string | boolean | string[] | undefined>;

export type ParseResult = { ok: true; flags: ParsedFlags; positional: string[] } | { ok: false; error: ErrorData };

// `command` names the command in the refusal of an unknown option.
export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, FlagSpec>>, command: string): ParseResult {
  const flags: ParsedFlags = {};
  const positional: string[] = [];
  const byAlias = new Map(Object.entries(spec).flatMap(([name, flag]) => (flag.alias ? [[flag.alias, name] as const] : [])));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const rawName = arg.startsWith('--') ? arg.slice(2, eq === -1 ? undefined : eq) : arg.slice(1, eq === -1 ? undefined : eq);
    const name = arg.startsWith('--') ? rawName : byAlias.get(rawName);
    const flag = name === undefined ? undefined : spec[name];
    if (name === undefined || flag === undefined) return { ok: false, error: errorOf('cli/unknown-option', { option: arg.slice(0, 60), command }) };
    if (flag.type === 'boolean') {
      if (eq !== -1) return { ok: false, error: errorOf('cli/option-takes-no-value', { option: name }) };
      flags[name] = true;
      continue;
    }
    let value: string | undefined = eq === -1 ? argv[i + 1] : arg.slice(eq + 1);
    if (eq === -1) i += 1;
    if (value === undefined || (eq === -1 && value.startsWith('--'))) return { ok: false, error: errorOf('cli/option-needs-value', { option: name }) };
    value = value.trim();
    if (flag.repeat) {
      const list = (flags[name] as string[] | undefined) ?? [];
      list.push(value);
      flags[name] = list;
    } else if (flags[name] !== undefined) {
      return { ok: false, error: errorOf('cli/option-twice', { option: name }) };
    } else {
      flags[name] = value;
    }
  }
  return { ok: true, flags, positional };
}

export function parsePortFlag(value: string | undefined, name: string): { ok: true; port: number | undefined } | { ok: false; error: ErrorData } {
  if (value === undefined) return { ok: true, port: undefined };
  if (!/^\d{1,5}$/.test(value) || Number(value) < 1 || Number(value) > 65535) {
    return { ok: false, error: errorOf('cli/not-a-port', { option: name, value: value.slice(0, 20) }) };
  }
  return { ok: true, port: Number(value) };
}
