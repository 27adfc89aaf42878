// The export worker's entry (a worker_threads script, built to out/main/export-worker.js): one
// job from workerData, its Result posted back, then the thread ends. A PDF of a large checklist
// takes seconds of pure computation; here it cannot stall the main process's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { runChecklistJob, type ChecklistJob } from './jobs';

// Copied rather than transferred: a small file's bytes may sit in Node's shared Buffer pool.
parentPort?.postMessage(await runChecklistJob(workerData as ChecklistJob));
