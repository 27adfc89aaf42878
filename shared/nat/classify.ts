// RFC 5780 behaviour → RFC 3489 classic type → PBX verdict (DESIGN.md, "NAT classification").
import type { NatBehaviour, NatClassic } from '../report';

export interface Classification {
  readonly classic: NatClassic;
  readonly mapping: NatBehaviour;
  readonly filtering: NatBehaviour;
}

export interface ClassifyInput {
  readonly answered: boolean;          // did test I get any answer at all
  readonly behindNat: boolean | null;  // mapped address ≠ local address (null: unknown)
  readonly mapping: NatBehaviour;      // as measured (ignored when not behind NAT)
  readonly filtering: NatBehaviour;
}

export function classifyNat(input: ClassifyInput): Classification {
  if (!input.answered) return { classic: 'blocked', mapping: 'unknown', filtering: 'unknown' };
  if (input.behindNat === false) {
    // No NAT: either nothing filters (open internet) or a stateful firewall does.
    if (input.filtering === 'endpoint-independent' || input.filtering === 'none') return { classic: 'open-internet', mapping: 'none', filtering: 'none' };
    if (input.filtering === 'unknown') return { classic: 'unknown', mapping: 'none', filtering: 'unknown' };
    return { classic: 'symmetric-udp-firewall', mapping: 'none', filtering: input.filtering };
  }
  const { mapping, filtering } = input;
  // Any mapping that depends on the destination is symmetric, whatever the filter does (RFC 5780 §4.3).
  if (mapping === 'address-dependent' || mapping === 'address-and-port-dependent') return { classic: 'symmetric', mapping, filtering };
  if (mapping !== 'endpoint-independent') return { classic: 'unknown', mapping, filtering };
  const classic: NatClassic =
    filtering === 'endpoint-independent' ? 'full-cone'
    : filtering === 'address-dependent' ? 'restricted-cone'
    : filtering === 'address-and-port-dependent' ? 'port-restricted-cone'
    : 'unknown';
  return { classic, mapping, filtering };
}

// A PBX profile lists the classic types it works behind; 'unknown' has no verdict.
export function isSupported(classic: NatClassic, supported: readonly NatClassic[]): boolean | null {
  if (classic === 'unknown') return null;
  return supported.includes(classic);
}

export const NAT_NAMES: Readonly<Record<NatClassic, string>> = {
  'full-cone': 'Full cone NAT',
  'restricted-cone': 'Restricted cone NAT',
  'port-restricted-cone': 'Port restricted cone NAT',
  symmetric: 'Symmetric NAT',
  'open-internet': 'No NAT (open internet)',
  'symmetric-udp-firewall': 'No NAT, stateful firewall (symmetric UDP firewall)',
  blocked: 'UDP blocked',
  unknown: 'NAT type unknown',
};
