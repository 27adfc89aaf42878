// PBX port profiles: data, not code (STYLE.md habit 10). A broken entry is reported by name
// and skipped; the rest still load.
import { isValidPort } from '../address';
import { isCodecId, type CodecId } from '../quality/codecs';
import { INBOUND_MEDIA_NEEDS, type InboundMediaNeed, type NatClassic } from '../report';
import { errorOf, type ErrorData } from '../result';
import type { PROFILE_PROBLEMS } from '../text/messages/errors';
import data from './pbx-profiles.json';
import type { PortRange } from '../port-range';

export interface PbxProfile {
  readonly id: string;
  readonly name: string;
  readonly sipPort: number;
  readonly stunSharesSipPort: boolean;
  readonly rtp: PortRange;
  readonly keepaliveSec: number;
  readonly defaultStunPort: number;
  readonly defaultProviderSipPort: number;
  readonly supportedNat: readonly NatClassic[];
  // What rule 4 must prove for this PBX, and where that fact comes from (DESIGN.md, "NAT classification").
  readonly media: { readonly inbound: InboundMediaNeed; readonly source: string };
  // The voice codecs it offers that the E-model can grade (shared/quality/codecs.ts), with a source.
  readonly codecs: { readonly offered: readonly CodecId[]; readonly source: string };
  readonly source: string;
}

// A broken catalog entry: its name, and the error that words why it was skipped.
export interface CatalogProblem {
  readonly entry: string;
  readonly error: ErrorData;
}

type ProfileProblem = { readonly problem: (typeof PROFILE_PROBLEMS)[number]; readonly key: string | null };
const problem = (kind: ProfileProblem['problem'], key: string | null = null): ProfileProblem => ({ problem: kind, key });

const NAT_CLASSIC = new Set<string>(['full-cone', 'restricted-cone', 'port-restricted-cone', 'symmetric', 'open-internet', 'symmetric-udp-firewall', 'blocked', 'unknown']);

function checkProfile(raw: unknown): ProfileProblem | PbxProfile {
  if (typeof raw !== 'object' || raw === null) return problem('not-object');
  const entry = raw as Record<string, unknown>;
  const rtp = entry.rtp as Record<string, unknown> | undefined;
  if (typeof entry.id !== 'string' || !/^[a-z0-9-]{1,40}$/.test(entry.id)) return problem('no-id');
  if (typeof entry.name !== 'string' || entry.name === '') return problem('no-name');
  for (const key of ['sipPort', 'defaultStunPort', 'defaultProviderSipPort'] as const) {
    if (typeof entry[key] !== 'number' || !isValidPort(entry[key])) return problem('port', key);
  }
  if (typeof rtp?.from !== 'number' || typeof rtp.to !== 'number' || !isValidPort(rtp.from) || !isValidPort(rtp.to) || rtp.from > rtp.to) {
    return problem('rtp-range');
  }
  if (typeof entry.keepaliveSec !== 'number' || entry.keepaliveSec < 1 || entry.keepaliveSec > 3600) return problem('keepalive');
  if (!Array.isArray(entry.supportedNat) || !entry.supportedNat.every((value) => typeof value === 'string' && NAT_CLASSIC.has(value))) {
    return problem('supported-nat');
  }
  if (typeof entry.source !== 'string' || entry.source === '') return problem('no-source');
  const media = entry.media as Record<string, unknown> | undefined;
  if (!(INBOUND_MEDIA_NEEDS as readonly unknown[]).includes(media?.inbound) || typeof media?.source !== 'string' || media.source === '') return problem('media');
  const codecs = entry.codecs as Record<string, unknown> | undefined;
  const offered = codecs?.offered;
  if (!Array.isArray(offered) || offered.length === 0 || !offered.every(isCodecId) || new Set(offered).size !== offered.length || typeof codecs?.source !== 'string' || codecs.source === '') {
    return problem('codecs');
  }
  return {
    id: entry.id,
    name: entry.name,
    sipPort: entry.sipPort as number,
    stunSharesSipPort: entry.stunSharesSipPort === true,
    rtp: { from: rtp.from, to: rtp.to },
    keepaliveSec: entry.keepaliveSec,
    defaultStunPort: entry.defaultStunPort as number,
    defaultProviderSipPort: entry.defaultProviderSipPort as number,
    supportedNat: entry.supportedNat as NatClassic[],
    media: { inbound: media.inbound as InboundMediaNeed, source: media.source },
    codecs: { offered: [...offered], source: codecs.source },
    source: entry.source,
  };
}

export function loadProfiles(raw: unknown): { profiles: PbxProfile[]; problems: CatalogProblem[] } {
  const list = (raw as { profiles?: unknown } | null)?.profiles;
  if (!Array.isArray(list)) return { profiles: [], problems: [{ entry: '(catalog)', error: errorOf('catalog/no-profiles') }] };
  const profiles: PbxProfile[] = [];
  const problems: CatalogProblem[] = [];
  list.forEach((item, index) => {
    const checked = checkProfile(item);
    const name = typeof (item as { id?: unknown })?.id === 'string' ? String((item as { id: string }).id) : `#${index + 1}`;
    if ('problem' in checked) problems.push({ entry: name, error: errorOf('catalog/profile-skipped', { profile: name, ...checked }) });
    else profiles.push(checked);
  });
  return { profiles, problems };
}

const builtIn = loadProfiles(data);
export const PBX_PROFILES: readonly PbxProfile[] = builtIn.profiles;
export const DEFAULT_PROFILE_ID = 'swyxware';

export function findProfile(id: string): PbxProfile | undefined {
  return PBX_PROFILES.find((profile) => profile.id === id);
}

export function defaultProfile(): PbxProfile {
  const profile = findProfile(DEFAULT_PROFILE_ID);
  if (profile === undefined) throw new Error('The built-in SwyxWare profile is missing from pbx-profiles.json.');
  return profile;
}

// `--profile custom`: a PBX the catalog does not know. The person names its SIP port, its RTP range
// and what it needs of inbound media (the wizard asks which case applies); the rest is the default
// profile's (STUN port, provider port, the seed document's keep-alive every 10 s).
export const CUSTOM_PROFILE_ID = 'custom';

export interface CustomProfileFacts {
  readonly sipPort: number;
  readonly rtp: PortRange;
  readonly inboundMedia: InboundMediaNeed;
}

export function customProfile(facts: CustomProfileFacts): PbxProfile {
  const base = defaultProfile();
  return {
    ...base,
    id: CUSTOM_PROFILE_ID,
    name: CUSTOM_PROFILE_ID,
    sipPort: facts.sipPort,
    rtp: { from: facts.rtp.from, to: facts.rtp.to },
    // Every cone NAT keeps a stable mapping; whether it also needs unasked traffic is media.inbound.
    supportedNat: facts.inboundMedia === 'any-source' ? ['full-cone', 'open-internet'] : base.supportedNat.filter((classic) => classic !== 'symmetric'),
    media: { inbound: facts.inboundMedia, source: 'custom' },
    // A PBX we do not know: the two codecs every SIP trunk PBX named here offers.
    codecs: { offered: ['g711', 'g722'], source: 'custom' },
    source: 'custom',
  };
}
