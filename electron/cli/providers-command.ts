// `trunkcheck providers`: the catalog, each fact with its source; broken entries named on stderr.
import { PROVIDER_CATALOG_PROBLEMS, PROVIDERS } from '../../shared/catalog/providers';
import { parseArgs } from './args';
import { EXIT, type CommandResult } from './exit';

export function providersCommand(argv: readonly string[]): CommandResult {
  const parsed = parseArgs(argv, { json: { type: 'boolean' } });
  if (!parsed.ok) return { code: EXIT.usage, stderr: parsed.message };
  const problems = PROVIDER_CATALOG_PROBLEMS.map((problem) => problem.message).join('\n');
  if (parsed.flags.json === true) return { code: EXIT.ok, stdout: JSON.stringify({ providers: PROVIDERS, problems: PROVIDER_CATALOG_PROBLEMS }, null, 2), ...(problems ? { stderr: problems } : {}) };
  const lines = PROVIDERS.map((provider) => {
    const sip = provider.sip ? `${provider.sip.host}${provider.sip.port ? `:${provider.sip.port}` : ''}` : '–';
    const stun = provider.stun ? `${provider.stun.host}:${provider.stun.port}` : '–';
    return `${provider.id.padEnd(14)} ${provider.name.padEnd(34)} SIP ${sip.padEnd(34)} STUN ${stun}`;
  });
  return { code: EXIT.ok, stdout: lines.join('\n'), ...(problems ? { stderr: problems } : {}) };
}
