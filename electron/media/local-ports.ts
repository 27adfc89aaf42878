// Which ports of the PBX's RTP range (55000–56000 for SwyxWare) another program on this machine
// already holds. The PBX needs every one of them: a port held elsewhere makes a call fail
// when the PBX picks it. Each port is bound briefly, exclusively, and closed again.
import { defaultProfile } from '../../shared/catalog/profiles';
import type { ErrorData } from '../../shared/result';
import { openUdpEndpoint } from '../net/udp-endpoint';
import { word } from '../../shared/text';
import type { PortRange } from '../../shared/port-range';

// From the profile data, never hard-coded (DESIGN.md): 55000–56000 for SwyxWare.
export const DEFAULT_RTP_RANGE: PortRange = defaultProfile().rtp;
export const DEFAULT_SCAN_CONCURRENCY = 64;

// A failure other than "in use", once per kind, with the ports it hit.
export type PortScanError = ErrorData & { readonly ports: readonly number[] };

export interface LocalPortScan {
  readonly range: PortRange;
  readonly localIp: string | null;
  readonly free: number;
  readonly taken: readonly number[];          // held by another program (EADDRINUSE)
  readonly errors: readonly PortScanError[];  // could not be tested (no permission, address not ours …)
  readonly ms: number;
}

export function portsOf(range: PortRange): number[] {
  const ports: number[] = [];
  for (let port = range.from; port <= range.to; port++) ports.push(port);
  return ports;
}

export async function scanLocalPorts(
  range: PortRange = DEFAULT_RTP_RANGE,
  localIp?: string,
  options: { readonly concurrency?: number } = {},
): Promise<LocalPortScan> {
  const started = performance.now();
  const ports = portsOf(range);
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_SCAN_CONCURRENCY);
  const taken: number[] = [];
  const failures = new Map<string, { error: ErrorData; ports: number[] }>();
  let free = 0;
  let next = 0;

  // A fixed pool of workers, each binding one port at a time: never more than `concurrency`
  // sockets open, so the scan cannot exhaust file descriptors.
  const worker = async (): Promise<void> => {
    for (let index = next++; index < ports.length; index = next++) {
      const port = ports[index] as number;
      const opened = await openUdpEndpoint({ port, ...(localIp ? { localIp } : {}) });
      if (opened.ok) {
        free += 1;
        await opened.value.close();
      } else if (opened.error.code === 'net/port-in-use') {
        taken.push(port);
      } else {
        const known = failures.get(opened.error.code);
        if (known) known.ports.push(port);
        else failures.set(opened.error.code, { error: opened.error, ports: [port] });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ports.length) }, worker));

  return {
    range,
    localIp: localIp ?? null,
    free,
    taken: taken.sort((a, b) => a - b),
    errors: [...failures.values()].map(({ error, ports: hit }) => ({ ...error, ports: hit.sort((a, b) => a - b) })),
    ms: Math.round(performance.now() - started),
  };
}

// One sentence for the report and the CLI.
export function describePortScan(scan: LocalPortScan): string {
  const total = scan.range.to - scan.range.from + 1;
  const range = `UDP ${scan.range.from}–${scan.range.to}`;
  if (scan.taken.length === 0 && scan.errors.length === 0) return `All ${total} ports of ${range} are free on this machine.`;
  const parts: string[] = [];
  if (scan.taken.length > 0) {
    const list = scan.taken.length <= 10 ? scan.taken.join(', ') : `${scan.taken.slice(0, 10).join(', ')} and ${scan.taken.length - 10} more`;
    parts.push(
      `${scan.taken.length} of ${total} ports of ${range} are held by another program (${list}): ` +
        'if that is not the PBX itself, stop it or move the PBX to a free range, or calls fail when the PBX picks such a port.',
    );
  }
  for (const { ports, ...error } of scan.errors) parts.push(`${ports.length} ports could not be tested: ${word('en', error as ErrorData)}`);
  return parts.join(' ');
}
