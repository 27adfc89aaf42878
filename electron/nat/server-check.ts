// Check a STUN server before trusting it for behaviour discovery (RFC 5780 §4.2 and §7.3–7.4):
// it must name an alternate address on a different IP *and* port, and its RESPONSE-ORIGIN must
// be where the answer really came from. Public servers often lack RFC 5780, and some advertise
// an OTHER-ADDRESS on the same IP, which makes naive tools report endpoint-independent filtering.
import { formatAddress, sameAddress } from '../../shared/address';
import type { BindingEvidence, StunServerCheck } from '../../shared/report';
import type { NatMessage } from '../../shared/text/messages/nat';

export function checkStunServer(first: BindingEvidence): StunServerCheck {
  const problems: NatMessage[] = [];
  const primary = first.respondedFrom;
  const other = first.otherAddress;
  if (first.responseOrigin !== null && !sameAddress(first.responseOrigin, primary)) {
    problems.push({ code: 'server/origin-differs', origin: formatAddress(first.responseOrigin), from: formatAddress(primary) });
  }
  if (other === null) {
    problems.push({ code: 'server/no-other-address' });
  } else {
    if (other.ip === primary.ip) problems.push({ code: 'server/other-same-ip', other: formatAddress(other) });
    if (other.port === primary.port) problems.push({ code: 'server/other-same-port', other: formatAddress(other) });
    if (other.family !== primary.family) problems.push({ code: 'server/other-family', other: formatAddress(other) });
  }
  return { server: first.server, rfc5780: problems.length === 0, otherAddress: other, responseOrigin: first.responseOrigin, problems };
}
