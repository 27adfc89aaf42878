// The Markdown export as a ticket or wiki shows it: rendered to HTML by cmark-gfm, GitHub's
// CommonMark with the table, autolink and strikethrough extensions, and with --unsafe, so raw HTML
// and every link scheme would pass as they do in renderers that trust the document. Hostile values
// in every field must leave exactly the HTML elements of a harmless document: no raw HTML, no link,
// no image. Skipped with the reason when cmark-gfm is not installed (Debian package cmark-gfm).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Checklist } from '../../../shared/checklist/model';
import { renderMarkdown } from '../../../shared/export/markdown';
import { FIREWALL_FORMATS } from '../../../shared/firewall';
import { checklistFrom } from '../../unit/export/checklists';
import { everyField, MARKDOWN_HOSTILE } from '../../unit/export/hostile';
import { FREE_FIELDS, MARK, withValue } from '../../unit/firewall/hostile';

function toHtml(markdown: string): { code: number | null; html: string; missing: boolean } {
  const result = spawnSync('cmark-gfm', ['--unsafe', '-e', 'table', '-e', 'autolink', '-e', 'strikethrough'], { input: markdown, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, html: result.stdout ?? '', missing: (result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT' };
}

const probe = toHtml('<b>x</b>');
const problem = probe.missing ? 'cmark-gfm is not installed' : probe.html.trim() !== '<p><b>x</b></p>' ? `cmark-gfm does not pass raw HTML here: ${probe.html.slice(0, 80)}` : null;
if (problem) console.warn(`[markdown html] skipped: ${problem}`);

// The element structure of a page: every start and end tag with its attributes, in order (text
// that only looks like a tag comes out as &lt;…).
const tags = (html: string) => html.match(/<\/?[A-Za-z][^>]*>/g) ?? [];
const appendixOf = (checklist: Checklist) => FIREWALL_FORMATS.map((format) => ({ title: format.name, body: format.render(checklist) }));

describe.skipIf(problem !== null)('the Markdown export rendered by cmark-gfm', () => {
  const base = checklistFrom('masquerade', 'en', ['inbound-media']);
  const harmless = toHtml(renderMarkdown(everyField(base, MARK)));
  const free = (value: string) => FREE_FIELDS.reduce((changed, field) => withValue(changed, field, value), base);
  const harmlessWithAppendix = toHtml(renderMarkdown(free(MARK), appendixOf(free(MARK))));

  it('renders the harmless document to tables, lists and a code block (the comparison is real)', () => {
    expect(harmless.code).toBe(0);
    for (const tag of ['<table>', '<ul>', '<pre><code class="language-text">', '<strong>', '<br>']) expect(harmless.html).toContain(tag);
    expect(harmless.html).toContain(MARK);
  });

  it.each(MARKDOWN_HOSTILE)('keeps %s in every field to text: the same elements, no link, no raw HTML', (_, value) => {
    const { code, html } = toHtml(renderMarkdown(everyField(base, value)));
    expect(code).toBe(0);
    expect(tags(html)).toEqual(tags(harmless.html));
    expect(tags(html).filter((tag) => /^<\/?(a|img|script|div|b|iframe)\b|\s(href|src|on\w+)=/i.test(tag))).toEqual([]);
    expect(html).toContain(MARK);
  });

  it.each(MARKDOWN_HOSTILE)('keeps %s in the free text to text, with the firewall exports as code blocks', (_, value) => {
    const { html } = toHtml(renderMarkdown(free(value), appendixOf(free(value))));
    expect(tags(html)).toEqual(tags(harmlessWithAppendix.html));
    expect(tags(html).filter((tag) => /\s(href|src)=/i.test(tag))).toEqual([]);
  });
});
