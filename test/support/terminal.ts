// A command run at a real terminal: util-linux `script` gives it a pseudo-terminal as standard
// input, output and error, and keeps the transcript, everything the terminal showed (the program's
// output and the terminal's own echo of what was typed). Keys are written into the terminal once
// a text appears on it, as a person types after seeing a prompt; several such steps in turn.
import { spawn } from 'node:child_process';

export interface TerminalRun {
  readonly code: number | null;
  readonly transcript: string; // as the terminal showed it: CR LF line ends, escape sequences kept
  readonly ms: number;
}

export interface TerminalKeys {
  readonly after: string;      // typed once this text has appeared
  readonly keys: string;       // e.g. the password and '\r' (Enter)
}

const quote = (arg: string): string => `'${arg.replace(/'/g, `'\\''`)}'`;

export function runAtTerminal(command: readonly string[], type: TerminalKeys | readonly TerminalKeys[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<TerminalRun> {
  const started = performance.now();
  return new Promise((resolve) => {
    // -q: no start and end lines; -e: script exits with the command's code; /dev/null: no typescript file.
    const child = spawn('script', ['-q', '-e', '-c', command.map(quote).join(' '), '/dev/null'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    });
    let transcript = '';
    const steps = Array.isArray(type) ? [...type] : [type];
    let from = 0; // where the next step's text is looked for
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.stdin.on('error', () => undefined);
    child.stdout.on('data', (chunk: Buffer) => {
      transcript += chunk.toString();
      const step = steps[0];
      const at = step === undefined ? -1 : transcript.indexOf(step.after, from);
      if (step !== undefined && at >= 0) {
        steps.shift();
        from = at + step.after.length;
        child.stdin.write(step.keys);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (transcript += chunk.toString()));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, transcript, ms: performance.now() - started });
    });
  });
}
