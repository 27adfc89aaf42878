// `trunkcheck checklist --from REPORT.json --format …`: the verified firewall checklist from a
// saved diagnosis, as a PDF, Markdown, JSON or ready-to-paste firewall rules.
import { buildChecklist } from '../../shared/checklist/model';
import { findProfile } from '../../shared/catalog/profiles';
import { siteOf } from '../../shared/ipc';
import { EXPORT_FORMATS, exportChecklist } from '../checklist/export';
import { resolveOutputTarget, writeOutputFile } from '../files/output-file';
import { parseArgs } from './args';
import { readReportFile } from './read-report';
import { EXIT, type CommandResult } from './exit';
import { errorLine } from './error-line';

export async function checklistCommand(argv: readonly string[], writeStdout: (bytes: Uint8Array) => void): Promise<CommandResult> {
  const parsed = parseArgs(argv, {
    from: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string', alias: 'o' },
    lang: { type: 'string' },
    site: { type: 'string' },
    customer: { type: 'string' },
    technician: { type: 'string' },
    'no-qos': { type: 'boolean' },
  });
  if (!parsed.ok) return { code: EXIT.usage, stderr: parsed.message };
  const { flags } = parsed;
  const from = flags.from as string | undefined;
  if (from === undefined) return { code: EXIT.usage, stderr: 'Name the report to build the checklist from: --from REPORT.json (written by "trunkcheck diagnose --out REPORT.json").' };
  const format = (flags.format as string | undefined) ?? 'md';
  if (!EXPORT_FORMATS.includes(format)) return { code: EXIT.usage, stderr: `There is no format "${format.slice(0, 30)}": choose one of ${EXPORT_FORMATS.join(', ')}.` };
  const language = (flags.lang as string | undefined) ?? 'en';
  if (language !== 'en' && language !== 'de') return { code: EXIT.usage, stderr: '--lang takes en or de.' };
  const out = flags.out as string | undefined;
  if (format === 'pdf' && out === undefined) return { code: EXIT.usage, stderr: 'A PDF goes to a file: add -o checklist.pdf.' };

  // A folder, a disk device or a link to nothing is a wrong -o, said before any work.
  const target = out === undefined ? null : await resolveOutputTarget(out);
  if (target && !target.ok) return { code: EXIT.usage, stderr: errorLine(target.error) };

  const report = readReportFile(from);
  if (!report.ok) return { code: EXIT.usage, stderr: errorLine(report.error) };
  const profile = findProfile(report.value.profile);
  if (profile === undefined) return { code: EXIT.usage, stderr: `The report was made with the PBX profile "${report.value.profile}", which this TrunkCheck does not know.` };

  // The names go into every export, as the wizard's do: the same check (shared/ipc.ts).
  const site = siteOf({ name: (flags.site as string | undefined) ?? '', customer: (flags.customer as string | undefined) ?? '', technician: (flags.technician as string | undefined) ?? '' });
  if (!site.ok) return { code: EXIT.usage, stderr: errorLine(site.error) };
  const checklist = buildChecklist(report.value, profile, {
    site: site.value,
    language,
    qos: flags['no-qos'] !== true,
  });
  const file = await exportChecklist(checklist, format);
  if (!file.ok) return { code: EXIT.failed, stderr: errorLine(file.error) };
  if (out === undefined) {
    writeStdout(file.value.bytes);
    return { code: EXIT.ok };
  }
  const written = await writeOutputFile(out, file.value.bytes);
  if (!written.ok) return { code: EXIT.network, stderr: errorLine(written.error) };
  // -o /dev/stdout: the checklist alone, as without -o.
  if (written.value.kind === 'stdout') {
    writeStdout(file.value.bytes);
    return { code: EXIT.ok };
  }
  return { code: EXIT.ok, stdout: `Wrote ${out} (${file.value.bytes.length} bytes).` };
}
