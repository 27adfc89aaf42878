// The `trunkcheck` command. Every command returns its exit code and text; only this file
// touches process.stdout/stderr and process.exit.
// Each command is loaded when it is used: `diagnose` should not pay for the PDF library.
import { errorOf } from '../../shared/result';
import { CLI, word, type Language } from '../../shared/text';
import { EXIT, type CommandResult } from './exit';
import { chooseLanguage } from './language';
import { refusal } from './refusal';
import { parseArgs } from './args';
import { APP_VERSION } from '../version';
import { processInterrupts, type Interrupts } from './interrupts';

// The command, and the rest of the line with any --lang kept for the command to parse; a --lang
// may also come first (`trunkcheck --lang de diagnose …`).
function splitCommand(argv: readonly string[]): { command: string | undefined; rest: string[] } {
  const lead = argv[0] === '--lang' ? 2 : argv[0]?.startsWith('--lang=') ? 1 : 0;
  return { command: argv[lead], rest: [...argv.slice(0, lead), ...argv.slice(lead + 1)] };
}

async function run(argv: readonly string[], language: Language, interrupts: Interrupts): Promise<CommandResult> {
  const { command, rest } = splitCommand(argv);
  const help = (code: CommandResult['code']): CommandResult => ({ code, stdout: CLI[language].help(APP_VERSION) });
  // One line, cut to the terminal's width: a wrapped line would not be cleared by the next.
  const fit = (line: string): string => (process.stderr.columns > 3 ? line.slice(0, process.stderr.columns - 3) : line);
  const status = process.stderr.isTTY ? (line: string) => process.stderr.write(`\r\x1b[2K… ${fit(line)}`) : () => undefined;
  switch (command) {
    case undefined:
      return help(EXIT.usage);
    case 'help':
    case '--help':
    case '-h':
      return help(EXIT.ok);
    case '--version':
    case 'version':
      return { code: EXIT.ok, stdout: `${APP_VERSION}\n` };
  }
  // `trunkcheck diagnose --help`: the help, not a refusal of the option.
  if (rest.includes('--help') || rest.includes('-h')) return help(EXIT.ok);
  switch (command) {
    case 'decode': {
      const parsed = parseArgs(rest, { json: { type: 'boolean' }, lang: { type: 'string' } }, 'decode');
      const json = parsed.ok && parsed.flags.json === true;
      const { refused } = chooseLanguage(rest);
      if (refused !== null) return refusal(refused, json, language);
      if (!parsed.ok) return refusal(parsed.error, json, language);
      if (parsed.positional.length === 0) return refusal(errorOf('decode/no-packet'), json, language);
      return (await import('./decode')).decodeCommand(parsed.positional.join(''), json, language);
    }
    case 'diagnose': {
      const result = await (await import('./diagnose-command')).diagnoseCommand(rest, status, { stdin: process.stdin, stderr: process.stderr, interrupts: () => interrupts.watch() });
      if (process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
      return result;
    }
    case 'ui':
      return (await import('./ui-command')).uiCommand(rest);
    case 'checklist':
      return (await import('./checklist-command')).checklistCommand(rest, (bytes) => process.stdout.write(bytes));
    case 'providers':
      return (await import('./providers-command')).providersCommand(rest);
    case 'monitor': {
      const interrupted = new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      return (await import('./monitor-command')).monitorCommand(rest, (line) => process.stdout.write(`${line}\n`), interrupted);
    }
    default:
      return refusal(errorOf('cli/unknown-command', { command: command.slice(0, 40) }), false, language);
  }
}

function finish(result: CommandResult): void {
  if (result.stdout) process.stdout.write(result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`);
  if (result.stderr) process.stderr.write(`trunkcheck: ${result.stderr}\n`);
  process.exitCode = result.code;
}

// The language of every line the command prints, chosen before the rest of the line is read;
// each command refuses a --lang we do not speak itself.
const { language } = chooseLanguage(process.argv.slice(2));
const interrupts = processInterrupts();
run(process.argv.slice(2), language, interrupts)
  .then(finish, (error: unknown) => {
    process.stderr.write(`trunkcheck: ${word(language, errorOf('internal/error', { channel: null, detail: (error as Error)?.stack ?? String(error) }))}\n`);
    process.exitCode = 70;
  })
  // An interrupted run ends by its signal, once it has undone what it must and said so.
  .finally(() => interrupts.end());
