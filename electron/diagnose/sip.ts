// The SIP part of a diagnosis: find the provider's server as RFC 3263 does for UDP (NAPTR, SRV,
// then A/AAAA), send OPTIONS from the SIP port (the socket STUN used, so through the same NAT
// binding), judge the answer for an ALG, and try TCP and TLS where the provider offers them.
import { formatAddress, type TransportAddress } from '../../shared/address';
import type { NatBehaviour, SipEvidence, SipReport, TransportProbe } from '../../shared/report';
import { errorOf, type ErrorData } from '../../shared/result';
import { clampText } from '../../shared/text/messages/fields';
import type { RuleMessage, SipLookupFailure } from '../../shared/text/messages/rules';
import { createSipResolver } from '../sip/resolve/dns-resolver';
import { firstTarget, resolveSipServer, type SipDnsResolver } from '../sip/resolve/rfc3263';
import { checkSipOptions } from '../sip/check';
import type { CheckContext } from './context';

export interface SipResult {
  readonly report: SipReport | null;
  readonly evidence: SipEvidence;
}

// The diagnosis's context (family, the SIP port's socket, progress, signal) and what is the SIP
// check's own: the server to ask, where the PBX says it sends from, and what STUN and the NAT test saw.
export interface SipStepInput extends CheckContext {
  readonly target: string;
  readonly localSentBy: { readonly ip: string; readonly port: number };
  readonly stunMapped: TransportAddress | null;
  readonly stunPlainMapped?: TransportAddress | null;
  readonly mapping: NatBehaviour;
  readonly resolver?: SipDnsResolver;
}

// A person waits: timer F capped at 8 s (requests at 0, 0.5, 1.5, 3.5 and 7.5 s).
const SIP_TIMEOUT_MS = 8000;

// Why the server was not asked, from the lookup's error code.
function lookupFailure(code: string): SipLookupFailure {
  if (code === 'dns/not-found') return 'not-found';
  if (code === 'dns/no-address' || code === 'dns/no-target') return 'no-address';
  if (code === 'sip/no-udp') return 'no-udp';
  if (code === 'target/invalid') return 'invalid-target';
  return code.startsWith('dns/') ? 'dns-failed' : 'not-sent';
}

function failed(target: string, error: ErrorData, resolution: SipEvidence['resolution']): SipResult {
  const evidence: RuleMessage = { code: 'options/not-asked', target: clampText(target), reason: lookupFailure(error.code) };
  return { report: null, evidence: { resolution, transports: [], resolved: null, evidence, algEvidence: [], algNotes: [], error } };
}

export async function checkSip(input: SipStepInput): Promise<SipResult> {
  input.progress({ code: 'sip/resolve', target: clampText(input.target) }, 0);
  const resolution = await resolveSipServer(input.target, input.resolver ?? createSipResolver(), { families: [input.family] });
  const steps = { steps: resolution.steps, warnings: resolution.warnings };
  const udp = firstTarget(resolution, 'udp');
  const ip = udp?.ips[0];
  if (udp === undefined || ip === undefined) {
    return failed(input.target, resolution.error ?? errorOf('sip/no-udp', { target: input.target }), steps);
  }
  const target: TransportAddress = { family: ip.includes(':') ? 'IPv6' : 'IPv4', ip, port: udp.port };
  input.progress({ code: 'sip/options', port: input.localSentBy.port, target: formatAddress(target) }, 0.5);
  const [check, transports] = await Promise.all([
    checkSipOptions({
      endpoint: input.endpoint,
      target,
      targetHost: udp.host,
      localSentBy: input.localSentBy,
      stunMapped: input.stunMapped,
      stunPlainMapped: input.stunPlainMapped ?? null,
      mapping: input.mapping,
      timeoutMs: SIP_TIMEOUT_MS,
      ...(input.signal ? { signal: input.signal } : {}),
    }),
    probeStreamTransports(resolution, input.target),
  ]);
  return {
    report: check.summary,
    evidence: { resolution: steps, transports, resolved: target, evidence: check.evidence, algEvidence: check.alg?.evidence ?? [], algNotes: check.alg?.notes ?? [], error: null },
  };
}

// TCP and TLS only where DNS says the provider offers them (NAPTR/SRV), so a UDP-only trunk is
// not reported with failures that do not matter to it.
async function probeStreamTransports(resolution: Awaited<ReturnType<typeof resolveSipServer>>, typed: string): Promise<TransportProbe[]> {
  const probes: Promise<TransportProbe>[] = [];
  for (const transport of ['tcp', 'tls'] as const) {
    const target = firstTarget(resolution, transport);
    const ip = target?.ips[0];
    if (target === undefined || ip === undefined || (target.via !== 'naptr' && target.via !== 'srv')) continue;
    // node:tls loads only for a provider that offers TCP or TLS: most runs never need it.
    const { checkTcp, checkTls } = await import('../sip/transport/tcp-tls');
    const where = `${target.host}:${target.port}`;
    if (transport === 'tcp') {
      probes.push(checkTcp({ ip, port: target.port }, 3000).then((tcp) => ({ transport, target: where, ok: tcp.ok, outcome: tcp.outcome, ms: Math.round(tcp.ms), certificate: null, message: tcp.error ?? null })));
    } else {
      // RFC 5922 §4: the certificate should name the SIP domain the user typed.
      const domain = typed.replace(/:\d+$/, '');
      probes.push(
        checkTls({ ip, port: target.port }, domain, 5000).then((tls) => ({
          transport,
          target: where,
          ok: tls.ok,
          outcome: tls.outcome,
          ms: Math.round(tls.ms),
          certificate: tls.certificate
            ? { ...(tls.certificate.subjectCN ? { subjectCN: tls.certificate.subjectCN } : {}), subjectAltNames: tls.certificate.subjectAltNames, issuer: tls.certificate.issuer, validTo: tls.certificate.validTo, daysUntilExpiry: tls.certificate.daysUntilExpiry }
            : null,
          message: tls.error ?? null,
        })),
      );
    }
  }
  return Promise.all(probes);
}
