// Check a STUN server before trusting it for behaviour discovery (RFC 5780 §4.2 and §7.3–7.4):
// it must name an alternate address on a different IP *and* port, and its RESPONSE-ORIGIN must
// be where the answer really came from. Public servers often lack RFC 5780, and some advertise
// an OTHER-ADDRESS on the same IP, which makes naive tools report endpoint-independent filtering.
import { formatAddress, sameAddress } from '../../shared/address';
import type { BindingEvidence, StunServerCheck } from '../../shared/report';

export function checkStunServer(first: BindingEvidence): StunServerCheck {
  const problems: string[] = [];
  const primary = first.respondedFrom;
  const other = first.otherAddress;
  if (first.responseOrigin !== null && !sameAddress(first.responseOrigin, primary)) {
    problems.push(`Its RESPONSE-ORIGIN ${formatAddress(first.responseOrigin)} is not where the answer came from (${formatAddress(primary)}): the server is behind a NAT or misconfigured.`);
  }
  if (other === null) {
    problems.push('It sends no OTHER-ADDRESS, so it does not support RFC 5780 behaviour discovery.');
  } else {
    if (other.ip === primary.ip) problems.push(`Its OTHER-ADDRESS ${formatAddress(other)} is on the same IP address as the server itself, so it cannot test address-dependent behaviour.`);
    if (other.port === primary.port) problems.push(`Its OTHER-ADDRESS ${formatAddress(other)} is on the same port as the server itself, so it cannot test port-dependent behaviour.`);
    if (other.family !== primary.family) problems.push(`Its OTHER-ADDRESS ${formatAddress(other)} is of another address family.`);
  }
  return { server: first.server, rfc5780: problems.length === 0, otherAddress: other, responseOrigin: first.responseOrigin, problems };
}
