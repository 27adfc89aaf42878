// The keep-alive interval a PBX needs from a measured binding lifetime (RFC 5780 §4.6). The
// seed document's PBX sends a STUN request at least every 10 s so the NAT binding of its SIP
// port never expires; a router that forgets idle UDP bindings sooner needs a shorter interval.
// Same rule as electron/nat/lifetime.ts recommendKeepalive(): the longest idle time a binding
// was seen to survive is the longest interval proven safe.

export interface IntervalAdvice {
  readonly intervalSec: number;
  readonly basis: 'profile' | 'measured';
  readonly reason: string;
}

export function recommendInterval(lifetimeLowerBoundSec: number | null, profileKeepaliveSec: number): IntervalAdvice {
  if (lifetimeLowerBoundSec === null || !Number.isFinite(lifetimeLowerBoundSec)) {
    return { intervalSec: profileKeepaliveSec, basis: 'profile', reason: `The binding lifetime was not measured, so the PBX's own ${profileKeepaliveSec} s keep-alive is used.` };
  }
  if (lifetimeLowerBoundSec >= profileKeepaliveSec) {
    return {
      intervalSec: profileKeepaliveSec,
      basis: 'profile',
      reason: `An idle binding survived ${lifetimeLowerBoundSec} s, at least the PBX's ${profileKeepaliveSec} s keep-alive interval: keep it.`,
    };
  }
  const intervalSec = Math.max(1, Math.floor(lifetimeLowerBoundSec));
  return {
    intervalSec,
    basis: 'measured',
    reason:
      `An idle binding is only known to survive ${lifetimeLowerBoundSec} s, less than the PBX's ${profileKeepaliveSec} s keep-alive: ` +
      `send a keep-alive every ${intervalSec} s, or raise the router's UDP timeout above ${profileKeepaliveSec} s.`,
  };
}
