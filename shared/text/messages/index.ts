// Every message the domain speaks, by area. A new area (errors, NAT evidence, progress, history)
// adds its union here, and its wording in en/index.ts and de/index.ts.
import { isErrorData, type ErrorData } from './errors';
import { isChangeMessage, type ChangeMessage } from './history';
import { isMonitorMessage, type MonitorMessage } from './monitor';
import { isNatMessage, type NatMessage } from './nat';
import { isProgressMessage, type ProgressMessage } from './progress';
import { isQualityMessage, type QualityMessage } from './quality';
import { isRuleMessage, type RuleMessage } from './rules';
import { isSipMessage, type SipMessage } from './sip';
import { isVerdictMessage, type VerdictMessage } from './verdict';

export type Message = RuleMessage | NatMessage | SipMessage | QualityMessage | MonitorMessage | ProgressMessage | ChangeMessage | VerdictMessage | ErrorData;

// The check a reader of a report file calls on any message field: a known code of one of the
// areas with exactly its values (or an old report's legacy text).
const GUARDS: readonly ((value: unknown) => boolean)[] = [isRuleMessage, isNatMessage, isSipMessage, isQualityMessage, isMonitorMessage, isProgressMessage, isChangeMessage, isVerdictMessage, isErrorData];

export function isMessage(value: unknown): value is Message {
  return GUARDS.some((guard) => guard(value));
}
