// Line quality and keep-alive in English: measured values with one decimal, limits as given.
import type { Catalog } from '../catalog';
import { FORMAT } from '../format';
import type { QualityMessage } from '../messages/quality';

const f = FORMAT.en;
const value = (v: number): string => f.number(v, 1);
const limit = (v: number): string => String(v);
const seconds = (v: number): string => f.number(v, Number.isInteger(v) ? 0 : 1);

export const qualityEn: Catalog<QualityMessage> = {
  'quality/loss-pass': (m) => `Packet loss ${value(m.oneWay)} % each way (${value(m.roundTrip)} % of round trips) is within the ${limit(m.limit)} % limit.`,
  'quality/loss-fail': (m) =>
    `Packet loss ${value(m.oneWay)} % each way (${value(m.roundTrip)} % of round trips) is above the ${limit(m.limit)} % limit: expect gaps and dropouts in calls.`,
  'quality/jitter-pass': (m) => `Jitter ${value(m.jitter)} ms is within the ${limit(m.limit)} ms limit.`,
  'quality/jitter-fail': (m) => `Jitter ${value(m.jitter)} ms is above the ${limit(m.limit)} ms limit: the jitter buffer will add delay or drop late voice packets.`,
  'quality/rtt-pass': (m) => `Round-trip time ${value(m.avg)} ms on average (95 % within ${value(m.p95)} ms) is within the ${limit(m.limit)} ms limit.`,
  'quality/rtt-fail': (m) =>
    `Round-trip time ${value(m.avg)} ms on average (95 % within ${value(m.p95)} ms) is above the ${limit(m.limit)} ms limit: callers will talk over each other.`,
  'quality/server-stopped': (m) =>
    `The STUN server stopped answering ${value(m.after)} s into the ${limit(m.duration)} s measurement (the last ${m.unanswered} probes and a repeated request went unanswered), so the line quality is untested: measure again, or with another STUN server.`,
  'quality/nothing-sent': () => 'No probe was sent, so the line quality is unknown.',
  'quality/no-answers': (m) => `None of ${m.sent} probes was answered: the line is unusable for voice, or the server stopped answering.`,
  'quality/too-few-for-jitter': () => 'Too few answers to compute the jitter.',
  'quality/good': () => 'The line is good enough for voice.',
  'quality/bad': () => 'The line is not good enough for voice.',

  'keepalive/not-measured': (m) => `The binding lifetime was not measured, so the PBX’s own ${seconds(m.profile)} s keep-alive is used.`,
  'keepalive/enough': (m) => `An idle binding survived ${seconds(m.lifetime)} s, at least the PBX’s ${seconds(m.profile)} s keep-alive interval: keep it.`,
  'keepalive/shorter': (m) =>
    `An idle binding is only known to survive ${seconds(m.lifetime)} s, less than the PBX’s ${seconds(m.profile)} s keep-alive: ` +
    `send a keep-alive every ${seconds(m.interval)} s, or raise the router’s UDP timeout above ${seconds(m.profile)} s.`,
};
