// The default gateway: the router's LAN side, for the network diagram. Read from the routing
// table the operating system already has (Linux /proc/net/route, Windows `route print`).
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';

// /proc/net/route: Destination and Gateway are little-endian hex; the default route has
// destination 00000000 and the RTF_GATEWAY flag (0x2).
export function parseLinuxRouteTable(text: string): string | null {
  for (const line of text.split('\n').slice(1)) {
    const [, destination, gateway, flags] = line.trim().split(/\s+/);
    if (destination !== '00000000' || gateway === undefined || flags === undefined) continue;
    if ((parseInt(flags, 16) & 0x2) === 0) continue;
    const value = parseInt(gateway, 16);
    if (Number.isNaN(value)) continue;
    return [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff].join('.');
  }
  return null;
}

// `route print -4 0.0.0.0`: "0.0.0.0  0.0.0.0  192.168.100.1  192.168.100.5  25", lowest metric wins.
export function parseWindowsRoutePrint(text: string): string | null {
  let best: { gateway: string; metric: number } | null = null;
  for (const match of text.matchAll(/^\s*0\.0\.0\.0\s+0\.0\.0\.0\s+(\d{1,3}(?:\.\d{1,3}){3})\s+\S+\s+(\d+)\s*$/gm)) {
    const metric = Number(match[2]);
    if (best === null || metric < best.metric) best = { gateway: match[1] as string, metric };
  }
  return best?.gateway ?? null;
}

export async function defaultGateway(): Promise<string | null> {
  try {
    if (process.platform === 'linux') return parseLinuxRouteTable(await readFile('/proc/net/route', 'utf8'));
    if (process.platform === 'win32') {
      const output = await new Promise<string>((resolve, reject) =>
        execFile('route', ['print', '-4', '0.0.0.0'], { timeout: 3000, windowsHide: true }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
      );
      return parseWindowsRoutePrint(output);
    }
  } catch {
    // No routing table to read: the diagram shows the router without its LAN address.
  }
  return null;
}
