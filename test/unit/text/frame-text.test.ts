// The frames the codes are printed in, beyond the message catalog: the command line's own words
// (help, banners, notes) and the exported documents' headings and labels. Every German phrase is
// German (no English sentence), and none is left as the English one.
import { describe, expect, it } from 'vitest';
import { CLI, DOCUMENT } from '../../../shared/text';
import { englishLines } from '../../support/english';

// Every phrase of a table, functions called with sample values, keyed by where it sits.
function phrases(table: unknown, path = ''): [string, string][] {
  if (typeof table === 'string') return [[path, table]];
  if (typeof table === 'function') {
    const samples = [['7.1.0'], ['/srv/bericht.json'], ['/srv/bericht.json', 'x'], ['http://127.0.0.1:8080/?token=abc', 8080], [null], [3, 4], [12]];
    return samples.flatMap((args, index) => {
      const value = (table as (...args: unknown[]) => unknown)(...args);
      return typeof value === 'string' ? [[`${path}(${index})`, value] as [string, string]] : [];
    });
  }
  if (typeof table === 'object' && table !== null) return Object.entries(table).flatMap(([key, value]) => phrases(value, path === '' ? key : `${path}.${key}`));
  return [];
}

describe.each([
  ['the command line', CLI],
  ['the documents', DOCUMENT],
] as const)('the words of %s', (_name, frame) => {
  it('has the same phrases in German as in English, and none of them English', () => {
    const english = new Map(phrases(frame.en));
    const german = phrases(frame.de);
    expect(german.map(([path]) => path).sort()).toEqual([...english.keys()].sort());
    for (const [path, text] of german) expect(englishLines(text), `${path}: ${text}`).toEqual([]);
    // Labels that are the same in both languages ("SIP", "#", "12 s") are short; a sentence is not.
    for (const [path, text] of german) if (text.length > (path.endsWith(')') ? 60 : 25)) expect(text, path).not.toBe(english.get(path));
  });
});
