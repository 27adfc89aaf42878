// The SIP password for `--register USER`: the first line of standard input when it is not a
// terminal (a pipe, a file, a secret manager), else typed at a prompt without echo. It is held in
// memory only, for the one request; nothing here writes it anywhere, and no error carries it.
import { fail, ok, type Result } from '../../shared/result';

// What is read of standard input: its first line, within this bound (the validator's is lower).
const MAX_INPUT = 64 * 1024;

export interface PasswordSource {
  readonly isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  setEncoding(encoding: BufferEncoding): unknown;
  on(event: 'data', listener: (chunk: string) => void): unknown;
  on(event: 'end' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeAllListeners(event?: string): unknown;
  resume(): unknown;
  pause(): unknown;
}

export interface PromptSink {
  write(text: string): unknown;
}

export async function readPassword(input: PasswordSource, prompt: PromptSink, promptText: string): Promise<Result<string>> {
  const read = input.isTTY === true && input.setRawMode !== undefined ? await fromTerminal(input, prompt, promptText) : await firstLine(input);
  if (!read.ok) return read;
  return read.value === '' ? fail('cli/password-empty') : read;
}

// A pipe or a file: up to the first line break; a trailing CR (a file from Windows) goes with it.
function firstLine(input: PasswordSource): Promise<Result<string>> {
  return new Promise((resolve) => {
    let text = '';
    const finish = (result: Result<string>): void => {
      input.removeAllListeners('data');
      input.removeAllListeners('end');
      input.removeAllListeners('error');
      input.pause();
      resolve(result);
    };
    const line = (): string => text.split('\n')[0]?.replace(/\r$/, '') ?? '';
    input.setEncoding('utf8');
    input.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n') || text.length >= MAX_INPUT) finish(ok(line().slice(0, MAX_INPUT)));
    });
    input.on('end', () => finish(ok(line())));
    input.on('error', (error) => finish(fail('cli/password-unreadable', { cause: (error as NodeJS.ErrnoException).code ?? error.message.slice(0, 200) })));
    input.resume();
  });
}

// A terminal: raw mode, so nothing is echoed and Ctrl-C arrives as a character (it ends the run
// with exit 2 instead of a signal that would leave the terminal raw). Backspace takes back a character.
function fromTerminal(input: PasswordSource, prompt: PromptSink, promptText: string): Promise<Result<string>> {
  return new Promise((resolve) => {
    let typed = '';
    const finish = (result: Result<string>): void => {
      input.removeAllListeners('data');
      input.setRawMode?.(false);
      input.pause();
      prompt.write('\n');
      resolve(result);
    };
    // Echo off first, then the prompt (as getpass(3)): what is typed the moment it shows is never echoed.
    input.setRawMode?.(true);
    prompt.write(promptText);
    input.setEncoding('utf8');
    input.on('data', (chunk) => {
      for (const char of chunk) {
        if (char === '\u0003') return finish(fail('cli/password-aborted'));
        if (char === '\r' || char === '\n' || char === '\u0004') return finish(ok(typed));
        if (char === '\u007f' || char === '\b') typed = Array.from(typed).slice(0, -1).join('');
        else if (char >= ' ' && typed.length < MAX_INPUT) typed += char;
      }
      return undefined;
    });
    input.resume();
  });
}
