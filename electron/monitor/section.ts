// The `keepalive` section proposed for `diagnose --json`: the profile's interval, the binding
// lifetime measured (diagnose --lifetime) and the interval recommended from it, plus, when a
// monitor ran, what it saw. (The type belongs in shared/report.ts.)
import type { KeepaliveMessage } from '../../shared/text/messages/quality';
import type { MonitorSummary } from './keepalive';
import { recommendInterval, type IntervalAdvice } from './interval';

export interface KeepaliveSection {
  readonly profileIntervalSec: number;
  readonly bindingLifetimeSec: number | null;   // lower bound: the longest idle time a binding survived
  readonly recommendedIntervalSec: number;
  readonly basis: IntervalAdvice['basis'];
  readonly reason: KeepaliveMessage;
  readonly observed: MonitorSummary | null;     // from a monitor run, if any
}

export function keepaliveSection(profileIntervalSec: number, bindingLifetimeSec: number | null, observed: MonitorSummary | null = null): KeepaliveSection {
  const advice = recommendInterval(bindingLifetimeSec, profileIntervalSec);
  return {
    profileIntervalSec,
    bindingLifetimeSec,
    recommendedIntervalSec: advice.intervalSec,
    basis: advice.basis,
    reason: advice.reason,
    observed,
  };
}
