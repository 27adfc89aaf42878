// The rule a "What to do" item is labelled with, on every surface alike: a dual-stack PBX has its
// IPv4 rules 1–4 and its IPv6 rules 5–8, and an item for the IPv6 path reads "Rule 8 · Inbound
// voice (IPv6)" in the wizard, the PDF and the Markdown, never "Rule 4".
import { describe, expect, it } from 'vitest';
import { findProfile } from '../../../shared/catalog/profiles';
import { buildChecklist, type Checklist } from '../../../shared/checklist/model';
import { renderMarkdown } from '../../../shared/export/markdown';
import { DOCUMENT, word } from '../../../shared/text';
import { todoRule, todoRuleLabel } from '../../../shared/verdict/todo-rule';
import { ipv6Section, PBX6 } from '../../support/ipv6-section';
import { checklistDualStack, checklistIpv6 } from '../firewall/checklists';
import { createReport } from './reports';

// The dual-stack lab's 3CX: it needs SIP and voice from any address, which the stateful IPv6
// firewall keeps out, so What to do names the IPv6 firewall's own fix (for the IPv6 rules 6 and 8).
function checklist3cx(language: 'en' | 'de'): Checklist {
  const report = { ...createReport({ profile: '3cx' }), ipv6: ipv6Section() };
  const profile = findProfile('3cx');
  if (profile === undefined) throw new Error('no 3CX profile');
  return buildChecklist(report, profile, { site: { name: 'Lab', customer: '', technician: '' }, language, qos: false, createdAt: report.startedAt });
}

const labelOf = (checklist: Checklist, code: string): string | null => {
  const item = checklist.todo.find((entry) => entry.message.code === code);
  if (item === undefined) throw new Error(`no ${code} in What to do`);
  const rule = todoRule(item, checklist.rules, checklist.network.pbxIp);
  return rule === null ? null : todoRuleLabel(DOCUMENT[checklist.language], rule);
};

describe('the rule of a What to do item', () => {
  it('is the IPv6 rule 8 for the IPv6 firewall fix of a dual-stack 3CX, in English and German', () => {
    expect(labelOf(checklist3cx('en'), 'ipv6-fix/firewall')).toBe('Rule 8 · Inbound voice (IPv6)');
    expect(labelOf(checklist3cx('de'), 'ipv6-fix/firewall')).toBe('Regel 8 · Sprache eingehend (IPv6)');
  });

  it('is written so in the Markdown checklist too', () => {
    const checklist = checklist3cx('en');
    const item = checklist.todo.find((entry) => entry.message.code === 'ipv6-fix/firewall');
    expect(renderMarkdown(checklist)).toContain(`**Rule 8 · Inbound voice (IPv6):** ${word('en', item!.message)}`);
  });

  it('is the IPv6 rule for a fix naming the PBX\'s IPv6 address, the IPv4 rule for one naming its IPv4 address', () => {
    const checklist = checklistDualStack();
    const fixes = checklist.todo.filter((item) => item.rule === 'inbound-media' && 'pbxIp' in item.message);
    const ipv6Fix = fixes.find((item) => 'pbxIp' in item.message && item.message.pbxIp === PBX6);
    expect(ipv6Fix).toBeDefined();
    expect(todoRule(ipv6Fix!, checklist.rules, checklist.network.pbxIp)).toEqual({ number: 8, id: 'inbound-media', ipv6Path: true });
    const ipv4 = { rule: 'inbound-media' as const, message: { code: 'fix/inbound-media', pbxIp: checklist.network.pbxIp } };
    expect(todoRule(ipv4, checklist.rules, checklist.network.pbxIp)).toEqual({ number: 4, id: 'inbound-media', ipv6Path: false });
  });

  it('says no "(IPv6)" for a PBX measured over IPv6 alone: its four rules are its only ones', () => {
    const checklist = checklistIpv6();
    const item = { rule: 'inbound-media' as const, message: { code: 'fix/inbound-media', pbxIp: checklist.network.pbxIp } };
    expect(todoRuleLabel(DOCUMENT.en, todoRule(item, checklist.rules, checklist.network.pbxIp)!)).toBe('Rule 4 · Inbound voice');
  });

  it('is none for an item of the trunk as a whole', () => {
    const checklist = checklistDualStack();
    expect(todoRule({ rule: null, message: { code: 'todo/fragments-allow' } }, checklist.rules, checklist.network.pbxIp)).toBeNull();
  });
});
