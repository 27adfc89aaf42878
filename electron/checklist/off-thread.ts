// Checklist building and exports on a worker thread, so the process that runs them (the
// browser-mode server, the Electron main process) keeps answering while a PDF is laid out.
// Each job gets a fresh worker: it can be stopped when the caller goes away, a job that runs
// too long or needs too much memory ends only its own thread, and no state leaks between jobs.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fail, type Result } from '../../shared/result';
import type { ChecklistJob, ChecklistJobResult } from './jobs';

// The export code (pdfkit and its fonts) loads only when a job runs on this thread: `trunkcheck
// diagnose` reaches this module through the handlers and must not pay a third of a second for it.
const runChecklistJob = async <J extends ChecklistJob>(job: J): Promise<ChecklistJobResult<J>> => (await import('./jobs')).runChecklistJob(job);

export const WORKER_FILE = 'export-worker.js';
// A real checklist's PDF takes about a second and 100 MiB; these bounds are far beyond that.
export const EXPORT_TIME_LIMIT_MS = 60_000;
export const EXPORT_MEMORY_LIMIT_MB = 512;
// Two cores are common on a PBX server: more exports at once would only slow each other down.
export const MAX_EXPORT_WORKERS = 2;

// The built worker beside the bundle (out/main/, or one folder up from a chunk in out/main/chunks/).
// Run from sources (the unit tests) there is none, and the job runs on the calling thread.
export function findExportWorker(moduleDir = dirname(fileURLToPath(import.meta.url))): string | undefined {
  return [join(moduleDir, WORKER_FILE), join(moduleDir, '..', WORKER_FILE)].find((path) => existsSync(path));
}

let running = 0;
const waiting: (() => void)[] = [];

// A job waits for a free worker; a caller that goes away meanwhile leaves the queue.
function slot(signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  if (running < MAX_EXPORT_WORKERS) {
    running += 1;
    return Promise.resolve(true);
  }
  return new Promise((resolve) => {
    const take = (): void => {
      signal?.removeEventListener('abort', leave);
      running += 1;
      resolve(true);
    };
    const leave = (): void => {
      waiting.splice(waiting.indexOf(take), 1);
      resolve(false);
    };
    waiting.push(take);
    signal?.addEventListener('abort', leave, { once: true });
  });
}

function release(): void {
  running -= 1;
  waiting.shift()?.();
}

// What the worker posts back: the job's Result, or that it cannot load the export code.
export type WorkerReply = { readonly kind: 'done'; readonly result: Result<unknown> } | { readonly kind: 'unavailable'; readonly reason: string };

export interface OffThreadOptions {
  readonly signal?: AbortSignal;
  readonly workerFile?: string | undefined;     // default: findExportWorker()
  readonly timeLimitMs?: number;
  readonly memoryLimitMb?: number;
}

export async function runChecklistJobOffThread<J extends ChecklistJob>(job: J, options: OffThreadOptions = {}): Promise<ChecklistJobResult<J>> {
  const workerFile = 'workerFile' in options ? options.workerFile : findExportWorker();
  if (workerFile === undefined) return runChecklistJob(job);
  if (!(await slot(options.signal))) return cancelled() as ChecklistJobResult<J>;
  try {
    const result = await inWorker(workerFile, job, options);
    // A worker that could not start or load the export code (an Electron build that cannot
    // run it from its archive) must not cost the export: it runs here, as it did before.
    return (result === 'unavailable' ? await runChecklistJob(job) : result) as ChecklistJobResult<J>;
  } finally {
    release();
  }
}

function cancelled(): Result<never> {
  return fail('export/cancelled');
}

async function inWorker(workerFile: string, job: ChecklistJob, options: OffThreadOptions): Promise<Result<unknown> | 'unavailable'> {
  // The fonts are found here: Electron's process.resourcesPath is not promised inside a worker.
  const data: ChecklistJob = job.kind === 'export' && job.fontDir === undefined ? { ...job, fontDir: (await import('../export/fonts')).defaultFontDir() } : job;
  const timeLimitMs = options.timeLimitMs ?? EXPORT_TIME_LIMIT_MS;
  const memoryLimitMb = options.memoryLimitMb ?? EXPORT_MEMORY_LIMIT_MB;
  const { Worker } = await import('node:worker_threads');
  return new Promise((resolve) => {
    const worker = new Worker(pathToFileURL(workerFile), { workerData: data, resourceLimits: { maxOldGenerationSizeMb: memoryLimitMb } });
    let settled = false;
    const finish = (result: Result<unknown> | 'unavailable'): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      resolve(result);
    };
    const onAbort = (): void => finish(cancelled());
    const timer = setTimeout(
      () => finish(fail('export/too-slow', { seconds: timeLimitMs / 1000 })),
      timeLimitMs,
    );
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (reply: WorkerReply) => finish(reply.kind === 'done' ? reply.result : 'unavailable'));
    worker.once('error', (error: Error & { code?: string }) =>
      finish(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? fail('export/too-large', { mib: memoryLimitMb })
          : 'unavailable', // the worker catches every error of the job itself: this one is its own
      ),
    );
    worker.once('exit', (code) => finish(fail('export/no-result', { exitCode: code })));
  });
}
