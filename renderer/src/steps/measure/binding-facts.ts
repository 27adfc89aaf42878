// What the public-address panel shows of the run's first STUN exchange, from the evidence alone.
import { formatAddress, sameAddress } from '../../../../shared/address';
import type { BindingEvidence, PublicAddressCheck } from '../../../../shared/report';

export interface BindingFacts {
  readonly mapped: string;
  readonly local: string;
  readonly server: string;
  readonly portPreserved: boolean;
  readonly natted: boolean;
  // MAPPED-ADDRESS and XOR-MAPPED-ADDRESS disagree: a router rewrote the packet (RFC 5389 §15.2).
  readonly alg: { readonly plain: string; readonly mapped: string } | null;
}

export function describeBinding(check: PublicAddressCheck, binding: BindingEvidence): BindingFacts {
  const plain = binding.plainMapped;
  return {
    mapped: formatAddress(binding.mapped),
    local: formatAddress(check.local),
    server: formatAddress(binding.server),
    portPreserved: binding.mapped.port === check.local.port,
    natted: binding.mapped.ip !== check.local.ip,
    alg: plain !== null && !sameAddress(plain, binding.mapped) ? { plain: formatAddress(plain), mapped: formatAddress(binding.mapped) } : null,
  };
}
