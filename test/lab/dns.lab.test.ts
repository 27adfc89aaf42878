// Finding the provider's SIP server by DNS from behind a real Linux NAT: dnsmasq on the lab's
// internet (203.0.113.30:53) serves _sip._udp.provider.test → sip.provider.test:5060 →
// 203.0.113.20, and the PBX on the LAN host (192.168.100.5) asks through the router.
//
// How the code under test gets into the LAN namespace: resolveSipServer runs in the test worker
// unchanged, but its resolver is a bridge: each query goes over stdin/stdout (JSON lines) to a
// node process started with `ip netns exec <lan>`, whose own dns.promises.Resolver sends the
// packet to 203.0.113.30 from 192.168.100.5. So every DNS packet really crosses the NAT, and the
// RFC 3263 logic tested is the shipped one, not a copy in a `node -e` string.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { firstTarget, resolveSipServer, type SipDnsResolver } from '../../electron/sip/resolve/rfc3263';
import { canRunDnsmasq, startDnsmasq, type Dnsmasq } from '../support/dnsmasq.js';
import { removeStaleLabs } from './cleanup.js';
import { canCreateLabs, createLab, type Lab, type LabScenario } from './lab.js';

const labs = await canCreateLabs();
const capability = labs.ok ? await canRunDnsmasq() : labs;
const skipReason = capability.ok ? '' : capability.reason;
if (!capability.ok) console.warn(`[test/lab] DNS lab tests skipped: ${skipReason}`);

const TIMEOUT = 45_000;

const BRIDGE = `
const { Resolver } = require('node:dns').promises;
const readline = require('node:readline');
const [server, timeout] = process.argv.slice(1);
const resolver = new Resolver({ timeout: Number(timeout), tries: 1 });
resolver.setServers([server]);
const methods = new Set(['resolveNaptr', 'resolveSrv', 'resolve4', 'resolve6']);
const out = (value) => process.stdout.write(JSON.stringify(value) + '\\n');
readline.createInterface({ input: process.stdin }).on('line', async (line) => {
  const { id, method, name } = JSON.parse(line);
  if (!methods.has(method)) return out({ id, code: 'EBADMETHOD' });
  try { out({ id, records: await resolver[method](name) }); } catch (error) { out({ id, code: error.code || 'EUNKNOWN' }); }
});
process.stdin.on('end', () => process.exit(0));
out({ ready: true });
`;

// A SipDnsResolver whose queries leave from inside `netns`, to `server` only.
async function namespaceResolver(netns: string, server: string, timeoutMs: number): Promise<SipDnsResolver & { close(): void }> {
  const child = spawn('ip', ['netns', 'exec', netns, process.execPath, '-e', BRIDGE, server, String(timeoutMs)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.on('error', () => undefined);
  const pending = new Map<number, { resolve(records: never[]): void; reject(error: Error): void }>();
  let nextId = 0;
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`DNS bridge in ${netns} exited (${code}): ${stderr}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const message = JSON.parse(line) as { ready?: true; id?: number; records?: never[]; code?: string };
      if (message.ready) return resolve();
      const waiter = message.id === undefined ? undefined : pending.get(message.id);
      if (!waiter || message.id === undefined) return;
      pending.delete(message.id);
      if (message.records) waiter.resolve(message.records);
      else waiter.reject(Object.assign(new Error(`${message.code} (from ${netns})`), { code: message.code }));
    });
  });
  const ask = <T>(method: string, name: string): Promise<T[]> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (records: never[]) => void, reject });
      child.stdin.write(`${JSON.stringify({ id, method, name })}\n`);
    });
  return {
    resolveNaptr: (name) => ask('resolveNaptr', name),
    resolveSrv: (name) => ask('resolveSrv', name),
    resolve4: (name) => ask('resolve4', name),
    resolve6: (name) => ask('resolve6', name),
    close: () => child.stdin.end(),
  };
}

describe.skipIf(!capability.ok)(`SIP server lookup through the NAT lab${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const open = new Set<Lab>();
  beforeAll(async () => void (await removeStaleLabs()));
  afterAll(async () => void (await Promise.all([...open].map((lab) => lab.destroy()))));

  async function withDnsLab<T>(scenario: LabScenario, timeoutMs: number, use: (lab: Lab, dns: Dnsmasq, resolver: SipDnsResolver) => Promise<T>): Promise<T> {
    const lab = await createLab({ scenario });
    open.add(lab);
    let dns: Dnsmasq | undefined;
    let resolver: (SipDnsResolver & { close(): void }) | undefined;
    try {
      dns = await startDnsmasq({
        netns: lab.ns.inet,
        address: lab.addr.otherStun,
        records: {
          localDomains: ['provider.test'],
          srv: [{ name: '_sip._udp.provider.test', target: 'sip.provider.test', port: 5060, priority: 10, weight: 0 }],
          hosts: [{ name: 'sip.provider.test', addresses: [lab.addr.sip] }],
        },
      });
      resolver = await namespaceResolver(lab.ns.lan, dns.server, timeoutMs);
      return await use(lab, dns, resolver);
    } finally {
      resolver?.close();
      await dns?.stop();
      await lab.destroy();
      open.delete(lab);
    }
  }

  it.concurrent('finds sip.provider.test:5060 at 203.0.113.20 by SRV from the LAN host, asking through masquerade', { timeout: TIMEOUT }, async ({ expect }) => {
    await withDnsLab('masquerade', 2000, async (lab, dns, resolver) => {
      const started = performance.now();
      const result = await resolveSipServer('provider.test', resolver, { families: [4] });
      const ms = performance.now() - started;
      expect(result.ok, `${JSON.stringify(result)}\n${dns.output()}`).toBe(true);
      expect(firstTarget(result, 'udp')).toEqual({
        transport: 'udp', host: 'sip.provider.test', port: 5060, ips: [lab.addr.sip], via: 'srv',
        record: '_sip._udp.provider.test. SRV 10 0 5060 sip.provider.test.',
      });
      // dnsmasq saw the router's public address, not the PBX's: the query crossed the NAT.
      expect(dns.output()).toContain(`query[SRV] _sip._udp.provider.test from ${lab.addr.routerWan}`);
      expect(dns.output()).not.toContain(`from ${lab.addr.pbx}`);
      console.info(`[test/lab] RFC 3263 through masquerade: ${result.steps.length} steps in ${Math.round(ms)} ms → ${lab.addr.sip}:5060`);
    });
  });

  it.concurrent('reports a DNS timeout, not a missing name, when the router drops UDP', { timeout: TIMEOUT }, async ({ expect }) => {
    await withDnsLab('udp-blocked', 300, async (_lab, dns, resolver) => {
      const result = await resolveSipServer('provider.test', resolver, { families: [4] });
      expect(result.ok).toBe(false);
      expect(result.error?.code, JSON.stringify(result)).toBe('dns/timeout');
      expect(dns.output()).not.toMatch(/query\[/);
    });
  });
});
