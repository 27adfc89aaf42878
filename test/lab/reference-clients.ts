// Independent reference clients, run inside the lab's LAN namespace, whose verdicts the
// lab scenarios are checked against: the classic RFC 3489 `stun` client (Debian stun-client,
// vovida 0.97) and coturn's RFC 5780 `turnutils_natdiscovery`.
import type { Lab } from './lab.js';

// Debian's stun-client, by its full path: npm's `stun` package (a bench-only dev dependency)
// puts a `stun` of its own first on the PATH that npx and npm scripts set.
export const STUND_CLIENT = '/usr/bin/stun';

export type ClassicNatType =
  | 'open-internet'
  | 'full-cone'
  | 'restricted-cone'
  | 'port-restricted-cone'
  | 'symmetric'
  | 'symmetric-udp-firewall'
  | 'blocked'
  | 'unknown';

export interface StunClassicResult {
  readonly classic: ClassicNatType;
  /** The client's own verdict line, e.g. "Independent Mapping, Port Dependent Filter, preserves ports, no hairpin". */
  readonly primary: string | undefined;
  readonly preservesPorts: boolean;
  readonly raw: string;
  readonly ms: number;
}

// What stun-client 0.97 prints after "Primary: " for each RFC 3489 class (client.cxx).
const CLASSIC_VERDICTS: readonly [RegExp, ClassicNatType][] = [
  [/^Open\b/, 'open-internet'],
  [/^Independent Mapping, Independent Filter\b/, 'full-cone'],
  [/^Independent Mapping, Address Dependent Filter\b/, 'restricted-cone'],
  [/^Independent Mapping, Port Dependent Filter\b/, 'port-restricted-cone'],
  [/^Dependent Mapping\b/, 'symmetric'],
  [/^Firewall\b/, 'symmetric-udp-firewall'],
  [/^Blocked\b/, 'blocked'],
];

export function parseStunClassic(output: string): { classic: ClassicNatType; primary: string | undefined; preservesPorts: boolean } {
  const primary = /^Primary: (.*)$/m.exec(output)?.[1]?.trim();
  const classic = (primary && CLASSIC_VERDICTS.find(([pattern]) => pattern.test(primary))?.[1]) || 'unknown';
  return { classic, primary, preservesPorts: primary?.includes('preserves ports') ?? false };
}

// The client binds sourcePort and sourcePort + 1; it retransmits on its own and gives up after
// about a second, even when everything is blocked.
export async function runStunClassic(lab: Lab, opts: { sourcePort?: number; server?: string } = {}): Promise<StunClassicResult> {
  const args = [opts.server ?? lab.addr.stunPrimary, '-v', '-p', String(opts.sourcePort ?? 65002)];
  const result = await lab.exec('lan', STUND_CLIENT, args, { timeoutMs: 15_000 });
  const raw = `${result.stdout}${result.stderr}`;
  return { ...parseStunClassic(raw), raw, ms: result.ms };
}

export type DiscoveredBehaviour = 'endpoint-independent' | 'address-dependent' | 'address-and-port-dependent' | 'none' | 'unknown';

export interface NatDiscoveryResult {
  /**
   * The final verdict. For the mapping test 'none' means the client saw no translation at all
   * ("No NAT!": reflexive address = local address). For the filtering test the verdict stands
   * even without NAT (a stateful firewall filters too); see noNat. 'unknown' = no verdict.
   */
  readonly behaviour: DiscoveredBehaviour;
  /** The client printed "No NAT!" (mapped address equals the LAN address). */
  readonly noNat: boolean;
  /** No verdict because the first request went unanswered (UDP blocked or lost). */
  readonly timedOut: boolean;
  readonly raw: string;
  readonly ms: number;
}

const DISCOVERY_VERDICTS: Record<string, DiscoveredBehaviour> = {
  'Endpoint Independent': 'endpoint-independent',
  'Address Dependent': 'address-dependent',
  'Address and Port Dependent': 'address-and-port-dependent',
};

// natdiscovery prints "No NAT! (Endpoint Independent Mapping)" as soon as the first answer
// shows no translation, and still goes on to print its verdict for the test it runs.
export function parseNatDiscovery(output: string, test: 'mapping' | 'filtering'): { behaviour: DiscoveredBehaviour; noNat: boolean; timedOut: boolean } {
  const noNat = /^No NAT!/m.test(output);
  const kind = test === 'mapping' ? 'Mapping' : 'Filtering';
  const verdicts = [...output.matchAll(new RegExp(`^NAT with (Endpoint Independent|Address Dependent|Address and Port Dependent) ${kind}!`, 'gm'))];
  const last = verdicts.at(-1)?.[1];
  let behaviour: DiscoveredBehaviour = (last && DISCOVERY_VERDICTS[last]) || 'unknown';
  if (test === 'mapping' && noNat) behaviour = 'none';
  return { behaviour, noNat, timedOut: behaviour === 'unknown' && output.includes('STUN receive timeout') };
}

// -L binds the LAN address instead of 0.0.0.0, so the client can tell "no NAT" from
// endpoint-independent mapping. The client waits about 3 s per unanswered request and does
// not retransmit.
export async function runNatDiscovery(lab: Lab, test: 'mapping' | 'filtering', opts: { server?: string; port?: number } = {}): Promise<NatDiscoveryResult> {
  const args = [test === 'mapping' ? '-m' : '-f', '-L', lab.addr.pbx, ...(opts.port ? ['-p', String(opts.port)] : []), opts.server ?? lab.addr.stunPrimary];
  const result = await lab.exec('lan', 'turnutils_natdiscovery', args, { timeoutMs: 20_000 });
  const raw = `${result.stdout}${result.stderr}`;
  return { ...parseNatDiscovery(raw, test), raw, ms: result.ms };
}
