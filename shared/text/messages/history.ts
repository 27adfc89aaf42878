// What changed between two diagnoses of the same site (shared/history/compare.ts), as codes with
// values: the CLI's `diagnose --site` and the wizard's history word them.
import { RULE_IDS, VERDICTS, type RuleStatus } from '../../report';
import { amount, codesOf, flag, guardOf, type MessageIn, type MessagesOf } from './area';
import { address, ip, list, nullable, oneOf, port, sipStatus, text } from './fields';
import { NAT_BEHAVIOURS, NAT_CLASSICS } from './nat';

export { VERDICTS };
export const RULE_STATUSES = ['verified', 'failed', 'untested'] as const satisfies readonly RuleStatus[];

const verdict = oneOf(VERDICTS);
const classic = oneOf(NAT_CLASSICS);
const behaviour = oneOf(NAT_BEHAVIOURS);
const status = oneOf(RULE_STATUSES);
const answer = nullable(sipStatus);      // null: no answer
const reason = nullable(text);

export const CHANGE_MESSAGES = {
  'change/verdict': { from: verdict, to: verdict },
  'change/nat-type': { from: classic, to: classic, supported: nullable(flag) },
  'change/nat-support': { classic, supported: flag },
  'change/mapping': { from: behaviour, to: behaviour },
  'change/filtering': { from: behaviour, to: behaviour },
  'change/port-kept': { port, kept: flag },
  'change/lifetime': { from: amount, to: amount },
  'change/hairpinning': { works: flag },
  'change/public-address': { from: address, to: address },
  'change/public-address-lost': { from: address },
  'change/public-address-found': { to: address },
  'change/sip-target': { from: text, to: text },
  'change/sip-silent': { target: text },
  'change/sip-answers': { target: text, status: answer, reason },
  'change/sip-status': { target: text, fromStatus: answer, fromReason: reason, toStatus: answer, toReason: reason },
  'change/sip-not-checked': { from: text },
  'change/sip-checked': { to: text },
  'change/sip-alg': { suspected: flag },
  'change/sip-seen-from': { from: address, to: address },
  'change/rule': { rule: oneOf(RULE_IDS), from: status, to: status },
  'change/pbx-address': { from: address, to: address },
  'change/gateway': { from: nullable(ip), to: nullable(ip) },
  'change/profile': { from: text, to: text },
  'change/stun-servers': { from: list(text, 8), to: list(text, 8) },
} as const;

type Table = typeof CHANGE_MESSAGES;
export type ChangeCode = keyof Table;
export type ChangeMessageOf<C extends ChangeCode> = MessageIn<Table, C>;
export type ChangeMessage = MessagesOf<Table>;
export const CHANGE_CODES = codesOf(CHANGE_MESSAGES);
export const isChangeMessage = guardOf(CHANGE_MESSAGES);
