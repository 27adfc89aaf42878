// `node bin/trunkcheck.js ui --stun …` with its own empty TRUNKCHECK_HOME, resolved once it
// prints its address; in a lab namespace when `netns` is given. Used by every browser suite.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

export interface WizardServer {
  readonly process: ChildProcess;
  readonly url: string;
  readonly origin: string;
  stop(): Promise<void>;
}

export function startWizardServer(stun: string, netns?: string): Promise<WizardServer> {
  const home = mkdtempSync(join(tmpdir(), 'trunkcheck-home-'));
  const command = [process.execPath, join(ROOT, 'bin', 'trunkcheck.js'), 'ui', '--stun', stun];
  const [file, args] = netns ? ['ip', ['netns', 'exec', netns, ...command]] : [command[0] as string, command.slice(1)];
  const child = spawn(file, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TRUNKCHECK_HOME: home },
  });
  let output = '';
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        rmSync(home, { recursive: true, force: true });
        resolve();
      };
      if (child.exitCode !== null || child.signalCode !== null) return done();
      const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.once('exit', () => {
        clearTimeout(killer);
        done();
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`trunkcheck ui printed no address within 10 s:\n${output}`));
    }, 10_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /TrunkCheck wizard: ((http:\/\/127\.0\.0\.1:\d+)\/\?token=[\w-]+)/.exec(output);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        resolve({ process: child, url: match[1], origin: match[2], stop });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      rmSync(home, { recursive: true, force: true });
      reject(new Error(`trunkcheck ui exited with ${code} before printing its address:\n${output}`));
    });
  });
}

// Loopback SIP ports above coturn's test range (20000–39999) and below SwyxWare's RTP range.
export function randomSipPort(): number {
  return 40000 + Math.floor(Math.random() * 14000);
}
