// Every message the domain speaks, by area. A new area (errors, NAT evidence, progress, history)
// adds its union here, and its wording in en/index.ts and de/index.ts.
import type { ChangeMessage } from './history';
import type { MonitorMessage } from './monitor';
import type { NatMessage } from './nat';
import type { ProgressMessage } from './progress';
import type { QualityMessage } from './quality';
import type { RuleMessage } from './rules';
import type { SipMessage } from './sip';

export type Message = RuleMessage | NatMessage | SipMessage | QualityMessage | MonitorMessage | ProgressMessage | ChangeMessage;
