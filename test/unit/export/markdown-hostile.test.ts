// The Markdown export fed hostile values directly (past the report validation): every value comes
// out as text. It adds no markup character that Markdown would act on, no line, no raw HTML and no
// link. test/integration/export/markdown-html.test.ts renders the same documents with cmark-gfm.
import { describe, expect, it } from 'vitest';
import { markdownText, renderMarkdown } from '../../../shared/export/markdown';
import { MARK } from '../firewall/hostile';
import { checklistFrom } from './checklists';
import { everyField, MARKDOWN_HOSTILE } from './hostile';

// Markup characters Markdown would act on: outside code blocks and not escaped by a backslash
// ("!" only opens an image before "[", so "[" stands for both).
function markupCharacters(markdown: string): string {
  const prose = markdown.replace(/^(`{3,})text\n.*\n\1$/m, '').replace(/<br>/g, '');
  let found = '';
  for (let at = 0; at < prose.length; at += 1) {
    const char = prose[at] as string;
    if (char === '\\') at += 1;
    else if ('<>[]`*_~|'.includes(char)) found += char;
    else if (char === '&' && /^&#?[A-Za-z0-9]+;/.test(prose.slice(at))) found += char;
  }
  return found;
}

describe('the Markdown export, fed hostile values directly', () => {
  const base = checklistFrom('masquerade', 'en', ['inbound-media']);
  const harmless = renderMarkdown(everyField(base, MARK));

  it('shows the harmless value everywhere (the comparison is real)', () => {
    expect(harmless.split(MARK).length).toBeGreaterThan(10);
  });

  it.each(MARKDOWN_HOSTILE)('writes %s in every field as text only', (_, value) => {
    const markdown = renderMarkdown(everyField(base, value));
    expect(markdown).toContain(MARK);
    expect(markdown).not.toMatch(/[\0\r\u0085\u2028\u2029\u202e]/);
    expect(markdown.split('\n')).toHaveLength(harmless.split('\n').length);
    expect(markupCharacters(markdown)).toBe(markupCharacters(harmless));
  });

  it('keeps a long value to a document that grows only with it', () => {
    const long = '`|<'.repeat(30_000);
    const markdown = renderMarkdown(everyField(base, long));
    // Each character escaped at most once, in each place the value appears.
    expect(markdown.length).toBeLessThan(harmless.length + (harmless.split(MARK).length - 1) * long.length * 2);
  });

  it('fences a snippet of half a million backtick runs without running out of call arguments', () => {
    const body = '` '.repeat(500_000);
    const markdown = renderMarkdown(base, [{ title: 'snippet', body }]);
    expect(markdown).toContain(`\n\`\`\`\n${body.trimEnd()}\n\`\`\`\n`);
  });
});

describe('Markdown text', () => {
  it('escapes what opens HTML, links, emphasis, code and cells, and entity-like ampersands', () => {
    expect(markdownText('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>');
    expect(markdownText('[x](javascript:alert(1))')).toBe('\\[x\\](javascript:alert(1))');
    expect(markdownText('<javascript:alert(1)>')).toBe('\\<javascript:alert(1)\\>');
    expect(markdownText('&#x3C;b&gt; a\\b *c* _d_ `e` ~f~ |')).toBe('\\&#x3C;b\\&gt; a\\\\b \\*c\\* \\_d\\_ \\`e\\` \\~f\\~ \\|');
    expect(markdownText('a\nb\r\nc\u2028d')).toBe('a b  c d');
  });

  it('leaves ordinary text as it is', () => {
    expect(markdownText('Müller & Söhne GmbH, 192.168.100.5:65002 (UDP 55000-56000); 2001:db8::5 #1.')).toBe('Müller & Söhne GmbH, 192.168.100.5:65002 (UDP 55000-56000); 2001:db8::5 #1.');
  });
});
