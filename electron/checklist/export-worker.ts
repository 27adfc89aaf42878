// The export worker's entry (a worker_threads script, built to out/main/export-worker.js): one
// job from workerData, its Result posted back, then the thread ends. A PDF of a large checklist
// takes seconds of pure computation; here it cannot stall the main process's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { fail } from '../../shared/result';
import type { ChecklistJob } from './jobs';
import type { WorkerReply } from './off-thread';

const reply = (message: WorkerReply): void => parentPort?.postMessage(message);

// Loaded here rather than imported above, so that a worker that cannot load the export code
// (pdfkit from a packaged app's archive) says so, and the job runs on the calling thread instead.
let jobs: typeof import('./jobs') | undefined;
try {
  jobs = await import('./jobs');
} catch (error) {
  reply({ kind: 'unavailable', reason: (error as Error).message });
}
if (jobs !== undefined) {
  try {
    // Copied rather than transferred: a small file's bytes may sit in Node's shared Buffer pool.
    reply({ kind: 'done', result: await jobs.runChecklistJob(workerData as ChecklistJob) });
  } catch (error) {
    reply({ kind: 'done', result: fail('export/failed', { format: null, detail: (error as Error).message }) });
  }
}
