// The language of the terminal output: --lang en|de, else the system locale as POSIX ranks it
// (LC_ALL, then LC_MESSAGES, then LANG): German when it starts with "de", English otherwise.
// The same rule for `diagnose`, `checklist` and `monitor`.
import { languageOf, type Language } from '../../shared/text';

export function systemLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '') ?? '';
  return locale.toLowerCase().startsWith('de') ? 'de' : 'en';
}

export function chooseLanguage(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): { ok: true; language: Language } | { ok: false; message: string } {
  if (flag === undefined) return { ok: true, language: systemLanguage(env) };
  const language = languageOf(flag);
  return language === undefined ? { ok: false, message: `--lang takes en or de, not "${flag.slice(0, 20)}".` } : { ok: true, language };
}
