// The stages of a running check (shared/ipc.ts ProgressEvent.message), for the CLI's status line
// and the wizard's progress bar. The code is the stage: its first part names the check it
// belongs to (shared/checks.ts checkOfStage), "stun" and "diagnose" belong to none. The IPv6
// pass, run beside the primary one (electron/diagnose/diagnose.ts), has stages of its own,
// "ipv6/…": a line beside the primary path's, never a step of its bar (isIpv6Stage).
import { CHECK_IDS } from '../../checks';
import { codesOf, guardOf, type MessageIn, type MessagesOf } from './area';
import { address, count, ip, list, oneOf, port, range, text } from './fields';

export const PROGRESS_MESSAGES = {
  'ui/start': {},
  'stun/resolve': { servers: list(text, 8) },  // as typed
  'stun/bind': { port },
  'stun/request': { server: address, port },
  'stun/done': {},
  'stun/failed': {},
  'nat/probes': {},
  'nat/classify': {},
  'nat/lifetime': { elapsed: count, total: count },
  'sip/resolve': { target: text },
  'sip/options': { port, target: address },
  'register/request': { port, target: address, aor: text },
  'register/inbound-wait': { elapsed: count, total: count },
  'register/unregister': { target: address },
  'media/scan': { range },
  'media/ports': { done: count, total: count },
  'quality/measure': { seconds: count },
  'ipv6/start': { address: ip },                       // the PBX's global IPv6 address the pass measures from
  'ipv6/check': { address: ip, check: oneOf(CHECK_IDS) },
  'ipv6/done': { address: ip },
  'ipv6/failed': { address: ip },                      // its socket could not be opened: the report's ipv6 section says why
  'diagnose/done': {},
} as const;

type Table = typeof PROGRESS_MESSAGES;
export type ProgressCode = keyof Table;
export type ProgressMessageOf<C extends ProgressCode> = MessageIn<Table, C>;
export type ProgressMessage = MessagesOf<Table>;
export const PROGRESS_CODES = codesOf(PROGRESS_MESSAGES);
export const isProgressMessage = guardOf(PROGRESS_MESSAGES);

// A stage of the IPv6 pass: shown on a line of its own, so the primary path's bar never goes back.
export function isIpv6Stage(message: ProgressMessage): boolean {
  return message.code.startsWith('ipv6/');
}
