// The JSON export fed hostile values directly: JSON.stringify already escapes quotes, backslashes
// and control characters; the file must also read back as exactly the values it was given, keep
// its shape (one value a line), and hold no raw control character (C1 and NEL too) and no raw
// U+2028 / U+2029, which end a line for JavaScript before ES2019 and for line-oriented tools, though
// JSON allows them in strings.
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../../shared/export/json';
import { wordAll } from '../../../shared/text';
import { MARK } from '../firewall/hostile';
import { checklistFrom } from './checklists';
import { everyField, MARKDOWN_HOSTILE } from './hostile';

describe('the JSON export, fed hostile values directly', () => {
  const base = checklistFrom('masquerade', 'en', ['inbound-media']);
  const harmless = renderJson(everyField(base, MARK));

  it.each([...MARKDOWN_HOSTILE, ['a lone surrogate', `${MARK}\uD800x`] as const])('writes %s in every field as a string that reads back the same', (_, value) => {
    const checklist = everyField(base, value);
    const text = renderJson(checklist);
    expect(text.replace(/\n/g, '')).not.toMatch(/[\p{Cc}\p{Cs}\u2028\u2029]/u);
    expect(text.split('\n')).toHaveLength(harmless.split('\n').length);
    // Each rule also carries its evidence and fix worded (evidenceText, fixText), each item of What
    // to do its text; the rest is the checklist as given, codes with their values.
    const written = JSON.parse(text) as { rules: Record<string, unknown>[]; todo: Record<string, unknown>[] };
    const rules = written.rules.map(({ evidenceText: _evidence, fixText: _fix, ...rule }) => rule);
    const todo = written.todo.map(({ text: _text, ...item }) => item);
    expect({ ...written, rules, todo }).toEqual(JSON.parse(JSON.stringify({ format: 'trunkcheck/checklist', ...checklist })));
    // The legacy text is worded as itself: the hostile value reads back the same there too.
    for (const index of [0, 3]) expect(written.rules[index]?.evidenceText).toBe(wordAll('en', checklist.rules[index]?.evidence ?? []));
    expect(written.rules[0]?.evidenceText).toContain(value);
  });
});
