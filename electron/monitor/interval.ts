// The keep-alive interval a PBX needs from a measured binding lifetime (RFC 5780 §4.6). The
// seed document's PBX sends a STUN request at least every 10 s so the NAT binding of its SIP
// port never expires; a router that forgets idle UDP bindings sooner needs a shorter interval.
// Same rule as electron/nat/lifetime.ts recommendKeepalive(): the longest idle time a binding
// was seen to survive is the longest interval proven safe.
import type { KeepaliveMessage } from '../../shared/text/messages/quality';

export interface IntervalAdvice {
  readonly intervalSec: number;
  readonly basis: 'profile' | 'measured';
  readonly reason: KeepaliveMessage;
}

export function recommendInterval(lifetimeLowerBoundSec: number | null, profileKeepaliveSec: number): IntervalAdvice {
  if (lifetimeLowerBoundSec === null || !Number.isFinite(lifetimeLowerBoundSec)) {
    return { intervalSec: profileKeepaliveSec, basis: 'profile', reason: { code: 'keepalive/not-measured', profile: profileKeepaliveSec } };
  }
  if (lifetimeLowerBoundSec >= profileKeepaliveSec) {
    return { intervalSec: profileKeepaliveSec, basis: 'profile', reason: { code: 'keepalive/enough', lifetime: lifetimeLowerBoundSec, profile: profileKeepaliveSec } };
  }
  const intervalSec = Math.max(1, Math.floor(lifetimeLowerBoundSec));
  return {
    intervalSec,
    basis: 'measured',
    reason: { code: 'keepalive/shorter', lifetime: lifetimeLowerBoundSec, profile: profileKeepaliveSec, interval: intervalSec },
  };
}
