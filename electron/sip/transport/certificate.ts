// The facts of a server certificate a person needs to judge it, as plain JSON-safe data.
import type { PeerCertificate } from 'node:tls';

export interface CertificateFacts {
  readonly subjectCN?: string;
  /** "DNS:sip.example.net", "IP Address:192.0.2.1", as OpenSSL prints them. */
  readonly subjectAltNames: readonly string[];
  /** "CN=…, O=…" of the issuer. */
  readonly issuer: string;
  /** ISO 8601. */
  readonly validFrom: string;
  readonly validTo: string;
  /** Whole days from now to validTo; negative once expired. */
  readonly daysUntilExpiry: number;
  readonly fingerprint256: string;
}

const DAY_MS = 86_400_000;

export function certificateFacts(certificate: PeerCertificate, now: Date): CertificateFacts {
  const validTo = new Date(certificate.valid_to);
  const cn = first(certificate.subject?.CN);
  return {
    ...(cn === undefined ? {} : { subjectCN: cn }),
    subjectAltNames: splitAltNames(certificate.subjectaltname),
    issuer: formatName(certificate.issuer),
    validFrom: new Date(certificate.valid_from).toISOString(),
    validTo: validTo.toISOString(),
    daysUntilExpiry: Math.floor((validTo.getTime() - now.getTime()) / DAY_MS),
    fingerprint256: certificate.fingerprint256,
  };
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function formatName(name: PeerCertificate['issuer'] | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : value}`)
    .join(', ');
}

// Node joins the names with ", " and quotes a name that itself contains a comma.
function splitAltNames(text: string | undefined): string[] {
  if (!text) return [];
  return (text.match(/(?:[^,"]|"(?:[^"\\]|\\.)*")+/g) ?? []).map((name) => name.trim()).filter((name) => name !== '');
}
