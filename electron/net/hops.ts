// The routers after the LAN's router, found with TTL-limited echo requests towards the STUN
// server: the router where the TTL runs out answers "time exceeded" from its own address
// (RFC 792, type 11 code 0; RFC 4443 §3.3 for IPv6). All TTLs go out at once, so the probe
// takes one round trip to the farthest answering router, and never longer than its budget.
//
// Why the operating system's `ping` and not a socket of our own: Node can set the TTL of a UDP
// socket (dgram setTTL), but it never hands over the ICMP error that comes back, and with it the
// router's address. Linux queues such errors only for a socket with IP_RECVERR, read with
// recvmsg(MSG_ERRQUEUE), and libuv offers neither; without IP_RECVERR a UDP socket is not told of
// time exceeded at all (a "soft" error). Winsock reports only port unreachable on UDP sockets
// (WSAECONNRESET), without the sender. Raw ICMP sockets need root or CAP_NET_RAW, and Windows'
// IcmpSendEcho2 (what ping.exe calls, no administrator rights needed) is reachable only from a
// native addon. `ping` has those rights already: Windows ships it, iputils has cap_net_raw or uses
// unprivileged ICMP sockets (net.ipv4.ping_group_range).
import { spawn, type ChildProcess } from 'node:child_process';
import { isIPv4, isIPv6 } from '../../shared/address';
import { parsePingOutput, pingArguments, type PingFlavour } from '../../shared/path/ping-output';
import type { HopEvidence, HopTrace } from '../../shared/path';

export interface HopProbeOptions {
  // TTL 1 is the LAN's router; 2 the next one; 4 still sees a CGN behind a second own router.
  readonly maxTtl?: number;
  // The whole probe ends after this long; routers that have not answered by then count as silent.
  readonly budgetMs?: number;
  readonly signal?: AbortSignal;
  // For tests: another platform's flavour, or a command that does not exist.
  readonly platform?: NodeJS.Platform;
  readonly command?: string;
}

export const DEFAULT_MAX_TTL = 4;
export const DEFAULT_BUDGET_MS = 1000;
const MAX_OUTPUT = 16_384;

const NOT_PROBED = (target: string | null): HopTrace => ({ target, hops: [], method: 'none' });

// Never throws: a missing `ping`, an unknown platform or an address that is none give method
// 'none'; a cancelled or timed-out probe gives the hops known so far.
export async function probeHops(target: string, options: HopProbeOptions = {}): Promise<HopTrace> {
  const flavour = flavourOf(options.platform ?? process.platform);
  const maxTtl = Math.min(Math.max(Math.trunc(options.maxTtl ?? DEFAULT_MAX_TTL), 1), 32);
  const budgetMs = Math.max(options.budgetMs ?? DEFAULT_BUDGET_MS, 1);
  if (!isIPv4(target) && !isIPv6(target)) return NOT_PROBED(null);
  if (flavour === null || options.signal?.aborted) return NOT_PROBED(target);

  const started = performance.now();
  const children: ChildProcess[] = [];
  const stopAll = (): void => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const deadline = setTimeout(stopAll, budgetMs);
  options.signal?.addEventListener('abort', stopAll, { once: true });
  try {
    const ttls = Array.from({ length: maxTtl }, (_, index) => index + 1);
    const outcomes = await Promise.all(
      ttls.map((ttl) => probeOne(options.command ?? 'ping', flavour, target, ttl, budgetMs - (performance.now() - started), children)),
    );
    if (outcomes.every((outcome) => outcome === 'no-tool')) return NOT_PROBED(target);
    const hops: HopEvidence[] = outcomes.map((outcome, index) => ({
      ttl: index + 1,
      from: typeof outcome === 'object' ? outcome.from : null,
      ms: typeof outcome === 'object' ? outcome.ms : null,
    }));
    return { target, hops, method: 'ping' };
  } catch {
    return NOT_PROBED(target);
  } finally {
    clearTimeout(deadline);
    options.signal?.removeEventListener('abort', stopAll);
    stopAll();
  }
}

function flavourOf(platform: NodeJS.Platform): PingFlavour | null {
  if (platform === 'win32') return 'windows';
  if (platform === 'linux') return 'iputils';
  return null; // BSD and macOS ping spell the TTL option differently (-m); not probed there
}

type Outcome = { readonly from: string; readonly ms: number | null } | 'silent' | 'no-tool';

// One `ping` with one TTL. The time is ping's own round trip, which it prints only for an echo
// reply; a router's time exceeded has none (ping writes its output to a pipe in one piece when it
// exits, so the time of its arrival would measure ping's start-up, not the router).
function probeOne(command: string, flavour: PingFlavour, target: string, ttl: number, waitMs: number, children: ChildProcess[]): Promise<Outcome> {
  return new Promise((resolve) => {
    let child: ChildProcess;
    try {
      child = spawn(command, pingArguments(flavour, target, ttl, Math.min(waitMs, 1000)), {
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
        // iputils speaks English only in the C locale; Windows' wording is read language-free.
        env: flavour === 'iputils' ? { ...process.env, LC_ALL: 'C' } : process.env,
      });
    } catch {
      resolve('no-tool');
      return;
    }
    children.push(child);
    let output = '';
    let errors = '';
    let answer: Outcome | null = null;
    // Windows writes in the console's code page; the parser needs only ASCII digits and "TTL".
    child.stdout?.setEncoding(flavour === 'windows' ? 'latin1' : 'utf8');
    child.stdout?.on('data', (chunk: string) => {
      if (answer !== null || output.length > MAX_OUTPUT) return;
      output += chunk;
      const parsed = parsePingOutput(output, flavour);
      if (parsed) answer = { from: parsed.from, ms: parsed.ms };
    });
    child.stderr?.setEncoding('latin1');
    child.stderr?.on('data', (chunk: string) => void (errors.length < MAX_OUTPUT && (errors += chunk)));
    child.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ENOENT' || error.code === 'EACCES' ? 'no-tool' : 'silent'));
    child.once('close', (code, signal) => {
      if (answer !== null) return resolve(answer);
      // iputils exits 2 with "ping: socket: Operation not permitted" when it may open no ICMP
      // socket (no cap_net_raw, and the user's group outside net.ipv4.ping_group_range).
      resolve(signal === null && code === 2 && /^ping: socket:/m.test(errors) ? 'no-tool' : 'silent');
    });
  });
}
