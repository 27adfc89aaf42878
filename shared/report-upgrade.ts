// Reports and checklists written before the domain spoke in codes (report schema 1, checklist
// schema 1) carried their evidence as English sentences. Read them as they are: each sentence
// becomes one legacy-text message, so every surface still shows it, in English, until the check
// runs again. Anything that is not such a sentence is left alone for the validators to judge.
// Reports of schema 1 and 2 lack what schema 3 measures (the second NAT, the router, the hops,
// fragments): those read as not measured.
import { findProfile } from './catalog/profiles';
import { fromLegacyText } from './text/messages/legacy';

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);

const asMessage = (value: unknown): unknown => (typeof value === 'string' ? fromLegacyText(value) : value);
const asMessages = (value: unknown): unknown => (typeof value === 'string' ? [fromLegacyText(value)] : value);
// A list of sentences: each one becomes a message.
const eachAsMessage = (value: unknown): unknown => (Array.isArray(value) ? value.map(asMessage) : value);

// Only the fields that are there are touched: a missing one stays missing for the validators.
function upgradeFields(value: unknown, upgrades: Readonly<Record<string, (field: unknown) => unknown>>): unknown {
  if (!isObject(value)) return value;
  const upgraded: Loose = { ...value };
  for (const [name, upgrade] of Object.entries(upgrades)) if (Object.hasOwn(value, name)) upgraded[name] = upgrade(value[name]);
  return upgraded;
}

// checks.nat: the reasons, the probes' names and notes, the server's problems, the ALG evidence
// and the lifetime's reason were sentences.
function upgradeNat(nat: unknown): unknown {
  return upgradeFields(nat, {
    mappingReason: asMessage,
    filteringReason: asMessage,
    probes: (probes) => (Array.isArray(probes) ? probes.map((probe: unknown) => upgradeFields(probe, { name: asMessage, note: asMessage })) : probes),
    server: (server) => upgradeFields(server, { problems: eachAsMessage }),
    alg: (alg) => upgradeFields(alg, { evidence: asMessage }),
    lifetime: (lifetime) => upgradeFields(lifetime, { reason: asMessage }),
  });
}

// checks.sip: the OPTIONS outcome, the DNS steps and the ALG findings were sentences; the DNS
// warnings stay the error sentences they are.
function upgradeSip(sip: unknown): unknown {
  return upgradeFields(sip, {
    evidence: asMessage,
    resolution: (resolution) => upgradeFields(resolution, { steps: eachAsMessage }),
    algEvidence: eachAsMessage,
    algNotes: eachAsMessage,
  });
}

// quality.sentences became quality.findings.
function upgradeQuality(quality: unknown): unknown {
  if (!isObject(quality) || !Object.hasOwn(quality, 'sentences')) return quality;
  const { sentences, ...rest } = quality;
  return { ...rest, findings: eachAsMessage(sentences) };
}

// A field of the upgraded report as the schema-1 file calls it, so a refusal names what the file has.
export function schema1Path(path: string): string {
  return path.replace(/^quality\.findings(?=$|[.[])/, 'quality.sentences');
}

function upgradeRules(rules: unknown): unknown {
  return Array.isArray(rules) ? rules.map((rule) => (isObject(rule) ? { ...rule, evidence: asMessages(rule.evidence) } : rule)) : rules;
}

// A parsed report of schema 1 or 2 in the shape (and with the number) of schema 3; others pass unchanged.
export function upgradeReport(data: unknown): unknown {
  if (!isObject(data)) return data;
  if (data.schemaVersion === 1) return upgradeSchema2(upgradeSchema1(data));
  if (data.schemaVersion === 2) return upgradeSchema2(data);
  return data;
}

// Schema 2 → 3: what schema 3 added was not measured then. The second NAT is unknown; the router
// was not asked, no hops were probed, no fragments sent; what the PBX needs is its catalog
// profile's (a profile the catalog no longer has leaves it unrecorded).
function upgradeSchema2(data: Loose): Loose {
  const nat = isObject(data.nat) ? { nat: { doubleNat: 'unknown', carrierGrade: 'unknown', ...data.nat } } : {};
  const checks = isObject(data.checks) ? { checks: { path: null, ...data.checks } } : {};
  const profile = typeof data.profile === 'string' ? findProfile(data.profile) : undefined;
  const rtp = isObject(data.rtp) && isObject(data.rtp.range) ? data.rtp.range : profile?.rtp;
  return {
    ...data,
    schemaVersion: 3,
    pbx: profile === undefined ? null : { inboundMedia: profile.media.inbound, rtp },
    ...nat,
    ...checks,
    gateway: null,
    fragments: null,
  };
}

// Schema 1 → 2: sentences become legacy text.
function upgradeSchema1(data: Loose): Loose {
  const checks = upgradeFields(data.checks, { nat: upgradeNat, sip: upgradeSip });
  const rtp = data.rtp;
  const probe = isObject(rtp) && isObject(rtp.probe) ? rtp.probe : null;
  const upgradedRtp =
    isObject(rtp) && probe !== null
      ? {
          ...rtp,
          probe: {
            ...probe,
            inboundUntestedReason: asMessage(probe.inboundUntestedReason),
            ports: Array.isArray(probe.ports) ? probe.ports.map((port: unknown) => (isObject(port) ? { ...port, evidence: asMessages(port.evidence) } : port)) : probe.ports,
          },
        }
      : rtp;
  const sections = upgradeFields(data, { keepalive: (keepalive) => upgradeFields(keepalive, { reason: asMessage }), quality: upgradeQuality }) as Loose;
  // A section the file lacks stays missing, so the validators say "is missing", not "is not an object".
  return {
    ...sections,
    schemaVersion: 2,
    ...(Object.hasOwn(data, 'checks') ? { checks } : {}),
    ...(Object.hasOwn(data, 'rtp') ? { rtp: upgradedRtp } : {}),
    ...(Object.hasOwn(data, 'rules') ? { rules: upgradeRules(data.rules) } : {}),
  };
}

// A parsed checklist of an older schema, step by step: schema 1's evidence and fix sentences as
// legacy text; schema 2's rules are all of the PBX address's IP version (family), with no IPv6 path; its
// failed rules' fixes, in order, are its "What to do" list (all it knew); router and fragments not measured.
export function upgradeChecklist(data: unknown): unknown {
  return fromSchema2(fromSchema1(data));
}

function fromSchema1(data: unknown): unknown {
  if (!isObject(data) || data.schemaVersion !== 1 || !Array.isArray(data.rules)) return data;
  return {
    ...data,
    schemaVersion: 2,
    rules: data.rules.map((rule: unknown) => (isObject(rule) ? { ...rule, evidence: asMessages(rule.evidence), fix: asMessage(rule.fix) } : rule)),
  };
}

function fromSchema2(data: unknown): unknown {
  if (!isObject(data) || data.schemaVersion !== 2 || !Array.isArray(data.rules) || !isObject(data.network)) return data;
  const pbxIp = data.network.pbxIp;
  // An address the schema will refuse anyway gets no family: the refusal names the address.
  if (typeof pbxIp !== 'string') return data;
  const family = pbxIp.includes(':') ? 6 : 4;
  const todo = data.rules.flatMap((rule: unknown) =>
    isObject(rule) && rule.status === 'failed' && rule.fix !== null && rule.fix !== undefined ? [{ kind: 'fix', rule: rule.id, message: rule.fix }] : [],
  );
  return {
    ...data,
    schemaVersion: 3,
    network: { ...data.network, ipv6: null },
    rules: data.rules.map((rule: unknown) => (isObject(rule) ? { ...rule, family } : rule)),
    todo,
    gateway: null,
    fragments: null,
  };
}
