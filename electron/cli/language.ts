// The language of everything a command prints: --lang en|de anywhere on the line, else the system
// locale as POSIX ranks it (LC_ALL, then LC_MESSAGES, then LANG): German when it starts with "de",
// English otherwise. It is chosen before the rest of the line is parsed, so even a refusal of the
// other options (`trunkcheck diagnose --bogus --lang de`) is said in it.
import { errorOf, type ErrorData } from '../../shared/result';
import { languageOf, type Language } from '../../shared/text';

export function systemLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '') ?? '';
  return locale.toLowerCase().startsWith('de') ? 'de' : 'en';
}

// The value of the first --lang (or --lang=…) before a bare "--"; a --lang without a value is the
// parser's to refuse.
export function langFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') return undefined;
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length).trim();
    if (arg === '--lang') {
      const value = argv[i + 1];
      return value === undefined || value.startsWith('--') ? undefined : value.trim();
    }
  }
  return undefined;
}

// The language to speak in, and the refusal of a --lang we do not speak (said in the system's).
export function chooseLanguage(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): { readonly language: Language; readonly refused: ErrorData | null } {
  const flag = langFlag(argv);
  const chosen = flag === undefined ? undefined : languageOf(flag);
  if (flag !== undefined && chosen === undefined) return { language: systemLanguage(env), refused: errorOf('cli/bad-language', { value: flag.slice(0, 20) }) };
  return { language: chosen ?? systemLanguage(env), refused: null };
}
