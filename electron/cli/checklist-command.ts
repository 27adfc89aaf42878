// `trunkcheck checklist --from REPORT.json --format …`: the verified firewall checklist from a
// saved diagnosis, as a PDF, Markdown, JSON or ready-to-paste firewall rules. Built and exported by
// the wizard's own handlers (checklist:build, checklist:export); reading the report file, -o and
// printing are the command line's.
import { EXPORT_FORMATS } from '../../shared/checklist/formats';
import { checkFirewalls, validateRequest } from '../../shared/ipc';
import { createHandlers, type HandlerContext } from '../handlers';
import { resolveOutputTarget, writeOutputFile } from '../files/output-file';
import { parseArgs } from './args';
import { chooseLanguage } from './language';
import { TERMINAL } from '../../shared/text';
import { readReportFile } from './read-report';
import { errorLine } from './error-line';
import { refusal } from './refusal';
import { errorOf } from '../../shared/result';
import { EXIT, exitCodeOf, type CommandResult } from './exit';

export async function checklistCommand(argv: readonly string[], writeStdout: (bytes: Uint8Array) => void): Promise<CommandResult> {
  const { language, refused } = chooseLanguage(argv);
  const parsed = parseArgs(argv, {
    from: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string', alias: 'o' },
    lang: { type: 'string' },
    site: { type: 'string' },
    customer: { type: 'string' },
    technician: { type: 'string' },
    'no-qos': { type: 'boolean' },
    firewall: { type: 'string', repeat: true },
  }, 'checklist');
  if (refused !== null) return refusal(refused, false, language);
  if (!parsed.ok) return refusal(parsed.error, false, language);
  const { flags } = parsed;
  const from = flags.from as string | undefined;
  if (from === undefined) return refusal(errorOf('cli/no-report'), false, language);
  const format = (flags.format as string | undefined) ?? 'md';
  if (!EXPORT_FORMATS.includes(format)) return refusal(errorOf('export/unknown-format', { format: format.slice(0, 30), formats: [...EXPORT_FORMATS] }), false, language, EXIT.usage);
  // --firewall NAME[,NAME]: the syntaxes for the appendix, checked before any work as the export request checks them.
  const firewalls = ((flags.firewall as string[] | undefined) ?? []).flatMap((value) => value.split(',').map((name) => name.trim()));
  const chosen = checkFirewalls(firewalls, format);
  if (!chosen.ok) return { code: exitCodeOf(chosen.error.code), stderr: errorLine(chosen.error, language) };
  const out = flags.out as string | undefined;
  if (format === 'pdf' && out === undefined) return refusal(errorOf('cli/pdf-needs-file'), false, language);

  // A folder, a disk device or a link to nothing is a wrong -o, said before any work.
  const target = out === undefined ? null : await resolveOutputTarget(out);
  if (target && !target.ok) return { code: EXIT.usage, stderr: errorLine(target.error, language) };

  const report = readReportFile(from);
  if (!report.ok) return { code: EXIT.usage, stderr: errorLine(report.error, language) };
  const request = validateRequest('checklist:build', {
    report: report.value,
    site: { name: (flags.site as string | undefined) ?? '', customer: (flags.customer as string | undefined) ?? '', technician: (flags.technician as string | undefined) ?? '' },
    language,
    qos: flags['no-qos'] !== true,
  });
  if (!request.ok) return { code: exitCodeOf(request.error.code), stderr: errorLine(request.error, language) };

  const handlers = createHandlers({ mode: 'cli' });
  const context: HandlerContext = { progress: () => undefined };
  const built = await handlers['checklist:build'](request.value, context);
  if (!built.ok) return { code: exitCodeOf(built.error.code), stderr: errorLine(built.error, language) };
  const exportRequest = validateRequest('checklist:export', { checklist: built.value.checklist, format, ...(chosen.value.length > 0 ? { firewalls: chosen.value } : {}) });
  if (!exportRequest.ok) return { code: exitCodeOf(exportRequest.error.code), stderr: errorLine(exportRequest.error, language) };
  const file = await handlers['checklist:export'](exportRequest.value, context);
  if (!file.ok) return { code: EXIT.failed, stderr: errorLine(file.error, language) };
  const bytes = Buffer.from(file.value.base64, 'base64');
  if (out === undefined) {
    writeStdout(bytes);
    return { code: EXIT.ok };
  }
  const written = await writeOutputFile(out, bytes);
  if (!written.ok) return { code: EXIT.network, stderr: errorLine(written.error, language) };
  // -o /dev/stdout: the checklist alone, as without -o.
  if (written.value.kind === 'stdout') {
    writeStdout(bytes);
    return { code: EXIT.ok };
  }
  return { code: EXIT.ok, stdout: TERMINAL[language].wrote(out, bytes.length) };
}
