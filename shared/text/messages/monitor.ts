// What the keep-alive monitor says about each event (shared/monitor.ts MonitorEvent.message).
import { codesOf, flag, guardOf, type MessageIn, type MessagesOf } from './area';
import { address, count, ms, oneOf, port } from './fields';
import { STUN_FAILURES } from './rules';

export const MONITOR_MESSAGES = {
  'monitor/started': { mapped: address, rttMs: ms },
  'monitor/ok': { mapped: address, rttMs: ms },
  'monitor/miss': { consecutive: count, reason: oneOf(STUN_FAILURES) },
  'monitor/binding-lost': { misses: count, server: address, port },
  'monitor/recovered': { misses: count, mapped: address },
  'monitor/address-changed': { from: address, to: address, ipChanged: flag },
} as const;

type Table = typeof MONITOR_MESSAGES;
export type MonitorCode = keyof Table;
export type MonitorMessageOf<C extends MonitorCode> = MessageIn<Table, C>;
export type MonitorMessage = MessagesOf<Table>;
export const MONITOR_CODES = codesOf(MONITOR_MESSAGES);
export const isMonitorMessage = guardOf(MONITOR_MESSAGES);
