// `trunkcheck providers`: the catalog plus the providers this user added, each fact with its
// source; `--add FILE.json` validates and saves a provider of one's own.
import { readFileSync } from 'node:fs';
import { PROVIDER_CATALOG_PROBLEMS, PROVIDERS, type Provider } from '../../shared/catalog/providers';
import { openSettings } from '../store/settings';
import { defaultStoreDir } from '../store/paths';
import { errorOf } from '../../shared/result';
import { CLI } from '../../shared/text';
import { parseArgs } from './args';
import { EXIT, type CommandResult } from './exit';
import { errorLine } from './error-line';
import { chooseLanguage } from './language';
import { refusal } from './refusal';

export function providersCommand(argv: readonly string[]): CommandResult {
  const { language, refused } = chooseLanguage(argv);
  const parsed = parseArgs(argv, { json: { type: 'boolean' }, add: { type: 'string' }, lang: { type: 'string' } }, 'providers');
  if (refused !== null) return refusal(refused, false, language);
  if (!parsed.ok) return refusal(parsed.error, false, language);
  const say = (error: Parameters<typeof errorLine>[0]): string => errorLine(error, language);
  const opened = openSettings({ dir: defaultStoreDir() });
  const notes: string[] = PROVIDER_CATALOG_PROBLEMS.map((problem) => say(problem.error));
  if (!opened.ok) notes.push(say(opened.error));
  else if (opened.value.warning) notes.push(say(opened.value.warning));

  const addFile = parsed.flags.add as string | undefined;
  if (addFile !== undefined) {
    if (!opened.ok) return { code: EXIT.network, stderr: say(opened.error) };
    let text: string;
    try {
      text = readFileSync(addFile, 'utf8');
    } catch (error) {
      return refusal(errorOf('cli/provider-unreadable', { file: addFile, cause: (error as NodeJS.ErrnoException).code ?? (error as Error).message.slice(0, 200) }), false, language);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return refusal(errorOf('cli/provider-not-json', { file: addFile }), false, language);
    }
    const saved = opened.value.store.saveCustomProvider(raw);
    if (!saved.ok) return { code: EXIT.usage, stderr: say(saved.error) };
    return { code: EXIT.ok, stdout: CLI[language].providerSaved(saved.value.id, saved.value.name) };
  }

  const custom = opened.ok ? opened.value.store.listCustomProviders() : { providers: [], problems: [] };
  notes.push(...custom.problems.map((problem) => say(problem.error)));
  const all: { provider: Provider; origin: 'catalog' | 'custom' }[] = [
    ...PROVIDERS.map((provider) => ({ provider, origin: 'catalog' as const })),
    ...custom.providers.map((provider) => ({ provider, origin: 'custom' as const })),
  ];
  const stderr = notes.length > 0 ? { stderr: notes.join('\n') } : {};
  if (parsed.flags.json === true) return { code: EXIT.ok, stdout: JSON.stringify({ providers: all.map(({ provider, origin }) => ({ ...provider, origin })) }, null, 2), ...stderr };
  const lines = all.map(({ provider, origin }) => {
    const sip = provider.sip ? `${provider.sip.host}${provider.sip.port ? `:${provider.sip.port}` : ''}` : '–';
    const stun = provider.stun ? `${provider.stun.host}:${provider.stun.port}` : '–';
    return `${provider.id.padEnd(20)} ${provider.name.padEnd(34)} SIP ${sip.padEnd(34)} STUN ${stun}${origin === 'custom' ? `  ${CLI[language].addedHere}` : ''}`;
  });
  return { code: EXIT.ok, stdout: lines.join('\n'), ...stderr };
}
