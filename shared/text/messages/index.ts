// Every message the domain speaks, by area. A new area (errors, NAT evidence, progress, history)
// adds its union here, and its wording in en/index.ts and de/index.ts.
import { isErrorData, type ErrorData } from './errors';
import { isFragmentMessage, type FragmentMessage } from './fragments';
import { isGatewayMessage, type GatewayMessage } from './gateway';
import { isChangeMessage, type ChangeMessage } from './history';
import { isIpv6Message, type Ipv6Message } from './ipv6';
import { isMonitorMessage, type MonitorMessage } from './monitor';
import { isNatMessage, type NatMessage } from './nat';
import { isPathMessage, type PathMessage } from './path';
import { isProgressMessage, type ProgressMessage } from './progress';
import { isQualityMessage, type QualityMessage } from './quality';
import { isRegistrationMessage, type RegistrationMessage } from './registration';
import { isRuleMessage, type RuleMessage } from './rules';
import { isSipMessage, type SipMessage } from './sip';
import { isVerdictMessage, type VerdictMessage } from './verdict';

export type Message = RuleMessage | NatMessage | PathMessage | SipMessage | QualityMessage | MonitorMessage | ProgressMessage | ChangeMessage | FragmentMessage | GatewayMessage | VerdictMessage | Ipv6Message | RegistrationMessage | ErrorData;

// The check a reader of a report file calls on any message field: a known code of one of the
// areas with exactly its values (or an old report's legacy text).
const GUARDS: readonly ((value: unknown) => boolean)[] = [isRuleMessage, isNatMessage, isPathMessage, isSipMessage, isQualityMessage, isMonitorMessage, isProgressMessage, isChangeMessage, isFragmentMessage, isGatewayMessage, isVerdictMessage, isIpv6Message, isRegistrationMessage, isErrorData];

export function isMessage(value: unknown): value is Message {
  return GUARDS.some((guard) => guard(value));
}
