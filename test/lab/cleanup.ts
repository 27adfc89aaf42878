// Keeping the host free of lab leftovers. Each lab records its owner (the test worker's pid)
// before it creates namespaces; a lab whose owner has exited was left behind by a crashed or
// killed run and may be removed. Labs of workers still running are never touched.
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runProcess } from '../support/processes.js';

const NETNS_DIR = '/run/netns';
const OWNERS_DIR = '/run/trunkcheck-labs';
const PREFIX = 'tc-';
// A namespace with our prefix but no owner record (the canCreateLabs probe, or a record lost)
// counts as stale once it is this old; creating a lab takes well under a second.
const UNOWNED_GRACE_MS = 60_000;

// `upstream` is the second NAT of the two-router topologies (the provider's CGN, or the provider's
// router in front of the customer's own); the other topologies never create it.
export function labNamespaces(id: string): { lan: string; router: string; upstream: string; inet: string } {
  return { lan: `${PREFIX}${id}-lan`, router: `${PREFIX}${id}-rtr`, upstream: `${PREFIX}${id}-up`, inet: `${PREFIX}${id}-inet` };
}

// Claims the id for this process; false if another lab (of any worker) holds it already.
export function recordLab(id: string): boolean {
  mkdirSync(OWNERS_DIR, { recursive: true });
  try {
    writeFileSync(join(OWNERS_DIR, id), String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

export function forgetLab(id: string): void {
  rmSync(join(OWNERS_DIR, id), { force: true });
}

export async function listNamespaces(): Promise<string[]> {
  try {
    return readdirSync(NETNS_DIR);
  } catch {
    return [];
  }
}

// Ends the processes still running inside the namespaces (coturn, clients, probes), by pid.
export async function stopNamespaceProcesses(names: readonly string[]): Promise<void> {
  const pids = (await Promise.all(names.map(namespacePids))).flat();
  if (pids.length === 0) return;
  for (const pid of pids) signal(pid, 'SIGTERM');
  const deadline = Date.now() + 2000;
  while (Date.now() < deadline && pids.some(isAlive)) await sleep(50);
  for (const pid of pids.filter(isAlive)) signal(pid, 'SIGKILL');
}

export async function removeNamespaces(names: readonly string[]): Promise<void> {
  await Promise.all(names.map((name) => runProcess('ip', ['netns', 'del', name], { timeoutMs: 10_000 })));
}

// Deletes `tc-*` namespaces that older runs left behind. Returns the names removed.
export async function removeStaleLabs(): Promise<string[]> {
  const stale = (await listNamespaces()).filter((name) => name.startsWith(PREFIX) && isStale(name));
  await stopNamespaceProcesses(stale);
  await removeNamespaces(stale);
  for (const id of new Set(stale.map(labIdOf))) if (id) forgetLab(id);
  // Owner records whose namespaces are all gone and whose owner has exited.
  for (const id of safeReaddir(OWNERS_DIR)) {
    const owner = ownerOf(id);
    if (owner === undefined ? ageMs(join(OWNERS_DIR, id)) > UNOWNED_GRACE_MS : !isAlive(owner)) forgetLab(id);
  }
  return stale;
}

function isStale(name: string): boolean {
  const id = labIdOf(name);
  const owner = id ? ownerOf(id) : undefined;
  if (owner !== undefined) return !isAlive(owner);
  return ageMs(join(NETNS_DIR, name)) > UNOWNED_GRACE_MS;
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function labIdOf(name: string): string | undefined {
  return /^tc-([0-9a-f]+)-(?:lan|rtr|up|inet)$/.exec(name)?.[1];
}

function ownerOf(id: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(OWNERS_DIR, id), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function namespacePids(name: string): Promise<number[]> {
  const result = await runProcess('ip', ['netns', 'pids', name], { timeoutMs: 5000 });
  return result.stdout.split(/\s+/).filter(Boolean).map(Number).filter((pid) => Number.isInteger(pid) && pid > 0 && pid !== process.pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
