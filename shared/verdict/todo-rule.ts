// Which numbered rule of the checklist a "What to do" item serves, as every surface labels it
// ("Rule 8 · Inbound voice (IPv6)"): a dual-stack PBX has each rule twice, 1–4 over its own
// address's IP version and 5–8 over IPv6 (shared/checklist/rows.ts), and the PBX address the item
// names tells which of the two it is. Pure, so the wizard and the documents cannot disagree.
import type { ChecklistRule } from '../checklist/model';
import { RULE_IDS, type RuleId } from '../report';
import type { DocumentText } from '../text/document';

export interface TodoRule {
  readonly number: number;      // 1-based, in the checklist's order
  readonly id: RuleId;
  readonly ipv6Path: boolean;   // one of the IPv6 rules beside the PBX's IPv4 ones
}

type RuleEndpoints = Pick<ChecklistRule, 'id' | 'family' | 'source' | 'destination'>;

// The PBX address an item's message names: a fix's pbxIp, or the IPv6 firewall fix's address.
function addressOf(message: object): string | null {
  if ('pbxIp' in message && typeof message.pbxIp === 'string') return message.pbxIp;
  if ('code' in message && message.code === 'ipv6-fix/firewall' && 'address' in message && typeof message.address === 'string') return message.address;
  return null;
}

export function todoRule(item: { readonly rule: RuleId | null; readonly message: object }, rules: readonly RuleEndpoints[], pbxIp: string): TodoRule | null {
  const id = item.rule;
  if (id === null) return null;
  const address = addressOf(item.message);
  const holds = (entry: RuleEndpoints): boolean => address === null || [...entry.source.addresses, ...entry.destination.addresses].includes(address);
  const exact = rules.findIndex((entry) => entry.id === id && holds(entry));
  const index = exact >= 0 ? exact : rules.findIndex((entry) => entry.id === id);
  // Without the checklist's rules: the rule's place among the four of the source document.
  if (index < 0) return { number: RULE_IDS.indexOf(id) + 1, id, ipv6Path: false };
  const primary = pbxIp.includes(':') ? 6 : 4;
  return { number: index + 1, id, ipv6Path: rules[index]?.family !== primary };
}

// "Rule 8 · Inbound voice (IPv6)", in the document's language.
export function todoRuleLabel(text: DocumentText, rule: TodoRule): string {
  const name = text.ruleNames[rule.id];
  return text.rule(rule.number, rule.ipv6Path ? `${name} (IPv6)` : name);
}
