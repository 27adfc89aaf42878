// `node bin/trunkcheck.js ui --stun …` with its own empty TRUNKCHECK_HOME, resolved once it
// prints its address; in a lab namespace when `netns` is given. Used by every browser suite,
// most of them through useLoopbackWizard().
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from '@playwright/test';
import type { Provider } from '../../shared/catalog/providers';
import { runProcess } from '../support/processes';
import { startCoturn, type Coturn } from '../support/coturn';
import { startKamailio, type Kamailio } from '../support/kamailio';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

export interface WizardServer {
  readonly process: ChildProcess;
  readonly url: string;
  readonly origin: string;
  readonly home: string;   // its TRUNKCHECK_HOME: the saved providers, sites and history
  stop(): Promise<void>;
}

// `providers`: added to the wizard's own store first, with `trunkcheck providers --add` as a
// person would, so the Provider step lists them as the user's own.
export async function startWizardServer(stun: string, netns?: string, providers: readonly Provider[] = [], options: readonly string[] = []): Promise<WizardServer> {
  const home = mkdtempSync(join(tmpdir(), 'trunkcheck-home-'));
  for (const provider of providers) {
    const file = join(home, `${provider.id}.json`);
    writeFileSync(file, JSON.stringify(provider));
    const added = await runProcess(process.execPath, [join(ROOT, 'bin', 'trunkcheck.js'), 'providers', '--add', file], { timeoutMs: 30_000, env: { TRUNKCHECK_HOME: home } });
    if (added.code !== 0) throw new Error(`trunkcheck providers --add ${provider.id} failed (${added.code}): ${added.stderr}`);
  }
  return serve(stun, home, netns, options);
}

function serve(stun: string, home: string, netns: string | undefined, options: readonly string[]): Promise<WizardServer> {
  const command = [process.execPath, join(ROOT, 'bin', 'trunkcheck.js'), 'ui', '--stun', stun, ...options];
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
      // The banner is in the system's language; the address is the same in every one.
      const match = /((http:\/\/127\.0\.0\.1:\d+)\/\?token=[\w-]+(?:&lang=[a-z]+)?)/.exec(output);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        resolve({ process: child, url: match[1], origin: match[2], home, stop });
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

// A loopback SIP port of its own, so suites and runs do not collide: above coturn's (20000–39999)
// and kamailio's (40001–49999) test ranges, below SwyxWare's RTP range (55000–56000).
export function randomSipPort(): number {
  return 50000 + Math.floor(Math.random() * 4000);
}

export interface LoopbackWizard {
  readonly coturn: Coturn;
  readonly kamailio: Kamailio; // only when asked for
  readonly wizard: WizardServer;
}

// The set-up the loopback suites share: a real coturn (and kamailio, if asked for) on 127.0.0.1
// and the wizard's server using that coturn, started before the suite or describe block this is
// called in and stopped after it. Read the servers in the tests, not before.
export function useLoopbackWizard(options: { kamailio?: boolean } = {}): LoopbackWizard {
  let coturn: Coturn | undefined;
  let kamailio: Kamailio | undefined;
  let wizard: WizardServer | undefined;
  test.beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // Each kept as soon as it runs, so afterAll stops it even when the other failed to start.
    await Promise.all([
      startCoturn().then((started) => (coturn = started)),
      options.kamailio ? startKamailio().then((started) => (kamailio = started)) : undefined,
    ]);
    wizard = await startWizardServer(`127.0.0.1:${(coturn as Coturn).port}`);
  });
  test.afterAll(async () => {
    await wizard?.stop();
    await Promise.all([coturn?.stop(), kamailio?.stop()]);
  });
  const running = <T>(server: T | undefined, name: string): T => {
    if (server === undefined) throw new Error(`${name} is not running: read it inside a test, and ask useLoopbackWizard() for it`);
    return server;
  };
  return {
    get coturn() {
      return running(coturn, 'coturn');
    },
    get kamailio() {
      return running(kamailio, 'kamailio');
    },
    get wizard() {
      return running(wizard, 'the wizard server');
    },
  };
}
