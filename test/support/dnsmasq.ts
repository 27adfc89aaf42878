// A real DNS server for the tests: dnsmasq (Debian package dnsmasq-base) answering only the
// records a test hands it. No upstream servers, no /etc/resolv.conf, no /etc/hosts, no config
// file: it never forwards a query, so nothing a test asks can reach the machine's resolver.
// Names outside `localDomains` get REFUSED; unknown names inside them get NXDOMAIN.
import { runProcess, startProcess, type Started } from './processes.js';

export interface DnsRecords {
  readonly hosts?: readonly { readonly name: string; readonly addresses: readonly string[] }[];
  /** Without `target` the record is RFC 2782's "." target: the service is decidedly not offered. */
  readonly srv?: readonly { readonly name: string; readonly target?: string; readonly port?: number; readonly priority?: number; readonly weight?: number }[];
  readonly naptr?: readonly {
    readonly name: string; readonly order: number; readonly preference: number;
    readonly flags: string; readonly service: string; readonly regexp?: string; readonly replacement: string;
  }[];
  /** Domains this server alone answers for (dnsmasq --local). */
  readonly localDomains?: readonly string[];
}

export interface DnsmasqOptions {
  readonly records: DnsRecords;
  /** Default 127.0.0.1. */
  readonly address?: string;
  /** Default: a random high port on loopback, 53 in a namespace. */
  readonly port?: number;
  /** Run inside this lab namespace (test/lab). */
  readonly netns?: string;
}

export interface Dnsmasq {
  readonly address: string;
  readonly port: number;
  /** For Resolver#setServers: "127.0.0.1:24680", or just the address on port 53. */
  readonly server: string;
  output(): string;
  stop(): Promise<void>;
}

export async function canRunDnsmasq(): Promise<{ ok: true } | { ok: false; reason: string }> {
  const version = await runProcess('dnsmasq', ['--version'], { timeoutMs: 5000 });
  if (version.code === 0) return { ok: true };
  return { ok: false, reason: `dnsmasq is not installed (apt-get install dnsmasq-base): ${version.stderr.trim().split('\n')[0] ?? 'no output'}` };
}

export function dnsmasqArgs(records: DnsRecords, address: string, port: number): string[] {
  const field = (value: string): string => {
    if (/[,\s]/.test(value)) throw new Error(`dnsmasq record field must not contain commas or spaces: "${value}"`);
    return value;
  };
  return [
    '--no-daemon', '--conf-file=/dev/null', '--pid-file=', '--no-resolv', '--no-hosts', '--no-poll',
    `--port=${port}`, `--listen-address=${address}`, '--bind-interfaces',
    '--log-facility=-', '--log-queries',
    ...(records.localDomains ?? []).map((domain) => `--local=/${field(domain)}/`),
    ...(records.hosts ?? []).flatMap((host) => host.addresses.map((ip) => `--host-record=${field(host.name)},${field(ip)}`)),
    ...(records.srv ?? []).map((srv) =>
      srv.target === undefined
        ? `--srv-host=${field(srv.name)}`
        : `--srv-host=${field(srv.name)},${field(srv.target)},${srv.port ?? 5060},${srv.priority ?? 0},${srv.weight ?? 0}`),
    ...(records.naptr ?? []).map((n) =>
      `--naptr-record=${field(n.name)},${n.order},${n.preference},${field(n.flags)},${field(n.service)},${field(n.regexp ?? '')},${field(n.replacement)}`),
  ];
}

export async function startDnsmasq(options: DnsmasqOptions): Promise<Dnsmasq> {
  const address = options.address ?? '127.0.0.1';
  // A random port can be taken (by another worker's server): try a few.
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (options.netns ? 53 : 20000 + Math.floor(Math.random() * 20000));
    const started = startProcess('dnsmasq', dnsmasqArgs(options.records, address, port), options.netns);
    const state = await waitForStart(started, 5000);
    if (state === 'started') {
      return { address, port, server: port === 53 ? address : `${address}:${port}`, output: started.output, stop: started.stop };
    }
    await started.stop();
    if (state === 'in-use' && options.port === undefined && attempt < 5) continue;
    throw new Error(`dnsmasq did not start on ${address}:${port}${options.netns ? ` in ${options.netns}` : ''}:\n${started.output()}`);
  }
}

// dnsmasq binds its sockets before it logs "started", and exits at once when it cannot bind.
function waitForStart(started: Started, timeoutMs: number): Promise<'started' | 'in-use' | 'failed'> {
  return new Promise((resolve) => {
    let settled = false;
    const check = (): void => {
      const log = started.output();
      if (/started, version/.test(log)) finish('started');
      else if (/Address (already )?in use/i.test(log)) finish('in-use');
    };
    const finish = (state: 'started' | 'in-use' | 'failed'): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      started.process.stdout?.off('data', onData);
      started.process.stderr?.off('data', onData);
      started.process.off('exit', onExit);
      resolve(state);
    };
    // The output() buffer is filled by processes.ts's own listeners, which were attached first.
    const onData = (): void => check();
    const onExit = (): void => {
      check();
      finish(/Address (already )?in use/i.test(started.output()) ? 'in-use' : 'failed');
    };
    const timer = setTimeout(() => finish('failed'), timeoutMs);
    started.process.stdout?.on('data', onData);
    started.process.stderr?.on('data', onData);
    started.process.once('exit', onExit);
    check();
  });
}
