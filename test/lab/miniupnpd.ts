// The real miniupnpd (Debian package miniupnpd 2.3.1, the nftables build) on the lab router:
// UPnP IGD on lan0, NAT-PMP and PCP on 192.168.100.1:5351, WAN interface wan0.
//
// What it needs in the router namespace: nothing beyond its config. The nftables build wants its
// table ("filter", chains miniupnpd/prerouting_miniupnpd) only to add a port mapping, and
// TrunkCheck adds none; so no table is created, and a request that did try to map would fail
// rather than open a port.
//
// How it judges the WAN address: miniupnpd 2.3.1 refuses every reserved range as "not public"
// (its addr_is_reserved list: RFC 1918, RFC 6598 100.64.0.0/10, and the documentation ranges
// RFC 5737, TEST-NET-3 203.0.113.0/24 included). With such an address on wan0 it logs
// "Reserved / private IP address … Port forwarding is impossible", answers GetExternalIPAddress
// with an empty NewExternalIPAddress and NAT-PMP with result 3 (Network Failure); PCP ANNOUNCE
// still gets SUCCESS. ext_ip= refuses a reserved address ("option ext_ip contains reserved /
// private address"), and 2.3.1 has no option to allow one. So the lab's "public" router
// declares a non-reserved address with `ext_ip` (PUBLIC_LOOKING_WAN): it is a string in the
// config only, on no interface and in no route, and no packet is ever sent to it.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProcess, startProcess } from '../support/processes.js';
import type { Lab } from './lab.js';

export const MINIUPNPD = '/usr/sbin/miniupnpd';

// Not in any range miniupnpd 2.3.1 calls reserved (11.0.0.0/8 is not announced on the internet
// either). Used only as miniupnpd's declared ext_ip.
export const PUBLIC_LOOKING_WAN = '11.0.0.1';

export interface MiniupnpdOptions {
  /** UPnP IGD (SSDP + HTTP/SOAP). Default true. */
  upnp?: boolean;
  /** NAT-PMP, and with it PCP on the same port (miniupnpd answers both when built with PCP). Default true. */
  natPmp?: boolean;
  /** Declared WAN address (ext_ip); default: the address of wan0. */
  extIp?: string;
}

export interface Miniupnpd {
  readonly config: string;
  /** Lines of the lease file: the port mappings miniupnpd holds (none, unless someone mapped). */
  leases(): string[];
  output(): string;
  stop(): Promise<void>;
}

export async function canRunMiniupnpd(): Promise<{ ok: true } | { ok: false; reason: string }> {
  if (!existsSync(MINIUPNPD)) return { ok: false, reason: `miniupnpd not installed (${MINIUPNPD})` };
  const version = await runProcess(MINIUPNPD, ['--version'], { timeoutMs: 5000 });
  return /miniupnpd/i.test(version.stdout + version.stderr) ? { ok: true } : { ok: false, reason: `\`${MINIUPNPD} --version\` failed: ${version.stderr.trim()}` };
}

export async function startMiniupnpd(lab: Lab, options: MiniupnpdOptions = {}): Promise<Miniupnpd> {
  const upnp = options.upnp ?? true;
  const natPmp = options.natPmp ?? true;
  const dir = mkdtempSync(join(tmpdir(), 'trunkcheck-miniupnpd-'));
  const leaseFile = join(dir, 'upnp.leases');
  const config = [
    'ext_ifname=wan0',
    'listening_ip=lan0',
    ...(options.extIp === undefined ? [] : [`ext_ip=${options.extIp}`]),
    'ext_perform_stun=no',
    `enable_upnp=${upnp ? 'yes' : 'no'}`,
    `enable_natpmp=${natPmp ? 'yes' : 'no'}`,
    'ipv6_disable=yes',
    'secure_mode=yes',
    'system_uptime=no',
    'uuid=3a1b5e2c-0d4f-4b6a-9c8e-7f1a2b3c4d5e',
    `lease_file=${leaseFile}`,
    // Permission rules: the lab LAN only, and nothing below 1024 (as Debian's example).
    'allow 1024-65535 192.168.100.0/24 1024-65535',
    'deny 0-65535 0.0.0.0/0 0-65535',
    '',
  ].join('\n');
  const configFile = join(dir, 'miniupnpd.conf');
  writeFileSync(configFile, config);
  // -d: stay in the foreground and log to stderr; -P: its pid file here, not in /run.
  const started = startProcess(MINIUPNPD, ['-f', configFile, '-d', '-P', join(dir, 'miniupnpd.pid')], lab.ns.router);
  const stop = async (): Promise<void> => {
    await started.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  const ready = [...(natPmp ? [/Listening for NAT-PMP\/PCP traffic on port 5351/] : []), ...(upnp ? [/HTTP listening on port \d+/] : [])];
  const deadline = Date.now() + 5000;
  while (!ready.every((line) => line.test(started.output()))) {
    if (Date.now() > deadline || started.process.exitCode !== null) {
      await stop();
      throw new Error(`miniupnpd did not start in ${lab.ns.router} within 5 s:\n${started.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    config,
    leases: () => (existsSync(leaseFile) ? readFileSync(leaseFile, 'utf8').split('\n').filter((line) => line.trim() !== '') : []),
    output: started.output,
    stop,
  };
}
