// `--register USER`: the password is the first line of standard input when it is not a terminal,
// else typed at a prompt that echoes nothing; Ctrl-C there ends the run cleanly.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readPassword, type PasswordSource } from '../../../electron/cli/password';

const prompt = () => {
  const written: string[] = [];
  return { written, sink: { write: (text: string) => written.push(text) } };
};

function piped(text: string, end = true): PassThrough {
  const stream = new PassThrough();
  stream.write(text);
  if (end) stream.end();
  return stream;
}

// A terminal in raw mode, as far as the reader sees one: keys arrive as data, raw mode is recorded.
function terminal(keys: readonly string[]): PasswordSource & { readonly raw: boolean[] } {
  const stream = new PassThrough() as PassThrough & { isTTY: boolean; raw: boolean[]; setRawMode(mode: boolean): void };
  stream.isTTY = true;
  stream.raw = [];
  stream.setRawMode = (mode) => void stream.raw.push(mode);
  setTimeout(() => keys.forEach((key) => stream.write(key)), 5);
  return stream;
}

describe('the password of --register', () => {
  it('reads the first line of a pipe, without its CR LF, and stops there', async () => {
    const { written, sink } = prompt();
    expect(await readPassword(piped('s3cr3t-Pa55!\r\nsecond line\n', false), sink, 'Password: ')).toEqual({ ok: true, value: 's3cr3t-Pa55!' });
    expect(written).toEqual([]);
  });

  it('reads a last line without a line break', async () => {
    expect(await readPassword(piped('s3cr3t-Pa55!'), prompt().sink, '')).toEqual({ ok: true, value: 's3cr3t-Pa55!' });
  });

  it('refuses an empty first line, and empty input', async () => {
    expect(await readPassword(piped('\nlater\n'), prompt().sink, '')).toEqual({ ok: false, error: { code: 'cli/password-empty' } });
    expect(await readPassword(piped(''), prompt().sink, '')).toEqual({ ok: false, error: { code: 'cli/password-empty' } });
  });

  it('prompts on a terminal in raw mode, echoes nothing of what is typed, and takes back a character on backspace', async () => {
    const input = terminal(['s3cr3t', 'X', '\u007f', '-Pa55!', '\r']);
    const { written, sink } = prompt();
    expect(await readPassword(input, sink, 'SIP password for trunk1 (not shown): ')).toEqual({ ok: true, value: 's3cr3t-Pa55!' });
    expect(written).toEqual(['SIP password for trunk1 (not shown): ', '\n']);
    expect(input.raw).toEqual([true, false]);
  });

  // As getpass(3) does: echo goes off before the prompt shows, so keys typed the moment it
  // appears (a fast typist, a password manager's auto-type) are never echoed.
  it('turns echo off before the prompt appears', async () => {
    const input = terminal(['s3cr3t\r']);
    const order: string[] = [];
    const setRawMode = input.setRawMode?.bind(input);
    input.setRawMode = (mode: boolean) => {
      order.push(`raw ${String(mode)}`);
      return setRawMode?.(mode);
    };
    await readPassword(input, { write: (text: string) => order.push(`write ${JSON.stringify(text)}`) }, 'Password: ');
    expect(order).toEqual(['raw true', 'write "Password: "', 'raw false', 'write "\\n"']);
  });

  it('ends on Ctrl-C with a refusal (exit 2), and leaves the terminal out of raw mode', async () => {
    const input = terminal(['s3cr', '\u0003']);
    expect(await readPassword(input, prompt().sink, 'Password: ')).toEqual({ ok: false, error: { code: 'cli/password-aborted' } });
    expect(input.raw).toEqual([true, false]);
  });
});
