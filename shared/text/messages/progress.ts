// The stages of a running check (shared/ipc.ts ProgressEvent.message), for the CLI's status line
// and the wizard's progress bar. The code is the stage: its first part names the check it
// belongs to (shared/checks.ts checkOfStage), "stun" and "diagnose" belong to none.
import { codesOf, guardOf, type MessageIn, type MessagesOf } from './area';
import { address, count, list, port, range, text } from './fields';

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
  'register/inbound-wait': { seconds: count },
  'register/unregister': {},
  'media/scan': { range },
  'media/ports': { done: count, total: count },
  'quality/measure': { seconds: count },
  'diagnose/done': {},
} as const;

type Table = typeof PROGRESS_MESSAGES;
export type ProgressCode = keyof Table;
export type ProgressMessageOf<C extends ProgressCode> = MessageIn<Table, C>;
export type ProgressMessage = MessagesOf<Table>;
export const PROGRESS_CODES = codesOf(PROGRESS_MESSAGES);
export const isProgressMessage = guardOf(PROGRESS_MESSAGES);
