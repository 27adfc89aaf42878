// The SIP part of a diagnosis: find the provider's server as RFC 3263 does for UDP (NAPTR, SRV,
// then A/AAAA), send OPTIONS from the SIP port (the socket STUN used, so through the same NAT
// binding), judge the answer for an ALG, and try TCP and TLS where the provider offers them.
import { formatAddress, type TransportAddress } from '../../shared/address';
import type { NatBehaviour, SipEvidence, SipReport, TransportProbe } from '../../shared/report';
import { errorOf, type ErrorData } from '../../shared/result';
import { word } from '../../shared/text';
import { createSipResolver } from '../sip/resolve/dns-resolver';
import { firstTarget, resolveSipServer, type SipDnsResolver } from '../sip/resolve/rfc3263';
import { checkTcp, checkTls } from '../sip/transport/tcp-tls';
import type { UdpEndpoint } from '../net/udp-endpoint';
import { checkSipOptions } from '../sip/check';
import type { ProgressSink } from './progress';

export interface SipResult {
  readonly report: SipReport | null;
  readonly evidence: SipEvidence;
}

export interface SipStepInput {
  readonly target: string;
  readonly family: 4 | 6;
  readonly endpoint: UdpEndpoint;
  readonly localSentBy: { readonly ip: string; readonly port: number };
  readonly stunMapped: TransportAddress | null;
  readonly mapping: NatBehaviour;
  readonly progress: ProgressSink;
  readonly resolver?: SipDnsResolver;
  readonly signal?: AbortSignal;
}

// A person waits: timer F capped at 8 s (requests at 0, 0.5, 1.5, 3.5 and 7.5 s).
const SIP_TIMEOUT_MS = 8000;

function failed(error: ErrorData, resolution: SipEvidence['resolution']): SipResult {
  return { report: null, evidence: { resolution, transports: [], resolved: null, evidence: word('en', error), algEvidence: [], algNotes: [], error } };
}

export async function checkSip(input: SipStepInput): Promise<SipResult> {
  input.progress('sip/resolve', `Looking up ${input.target} (NAPTR, SRV, A)`, 0.85);
  const resolution = await resolveSipServer(input.target, input.resolver ?? createSipResolver(), { families: [input.family] });
  const steps = { steps: resolution.steps, warnings: resolution.warnings };
  const udp = firstTarget(resolution, 'udp');
  const ip = udp?.ips[0];
  if (udp === undefined || ip === undefined) {
    return failed(resolution.error ?? errorOf('sip/no-udp', { target: input.target }), steps);
  }
  const target: TransportAddress = { family: ip.includes(':') ? 'IPv6' : 'IPv4', ip, port: udp.port };
  input.progress('sip/options', `Sending SIP OPTIONS from port ${input.localSentBy.port} to ${formatAddress(target)}`, 0.9);
  const [check, transports] = await Promise.all([
    checkSipOptions({
      endpoint: input.endpoint,
      target,
      targetHost: udp.host,
      localSentBy: input.localSentBy,
      stunMapped: input.stunMapped,
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
