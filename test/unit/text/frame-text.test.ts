// The frames the codes are printed in, beyond the message catalog: the command line's own words
// (help, banners, notes), the exported documents' headings and labels, and the firewall exports'
// comment lines and steps. Every German phrase is German (no English sentence), and none is left
// as the English one.
import { describe, expect, it } from 'vitest';
import { CLI, DOCUMENT, FIREWALL } from '../../../shared/text';
import { englishLines } from '../../support/english';

// Phrases made only of a product's own English names: pfSense's menu path and option, as its GUI shows them.
const SAME_IN_BOTH: ReadonlySet<string> = new Set(['pfsense.outboundModeStep']);

const SAMPLES: readonly (readonly unknown[])[] = [
  ['7.1.0'], ['/srv/bericht.json'], ['/srv/bericht.json', 'x'], ['http://127.0.0.1:8080/?token=abc', 8080], [null], [3, 4], [12],
  // Page 1 of the documents: the router, the second NAT, the fragments, a public address.
  ['192.168.100.1', '100.64.0.2', ['upnp', 'pcp']], ['yes', 'yes'], ['yes', 'no'], ['passes', 'dropped'], ['203.0.113.1:65002', true],
];
const SAMPLE_TEXTS = [...new Set(SAMPLES.flat().map(String))].sort((a, b) => b.length - a.length);

// What a phrase says of its own: without the sample values it was called with.
const ownWords = (text: string): string => SAMPLE_TEXTS.reduce((rest, sample) => rest.split(sample).join(''), text);

// Every phrase of a table, functions called with sample values, keyed by where it sits.
function phrases(table: unknown, path = ''): [string, string][] {
  if (typeof table === 'string') return [[path, table]];
  if (typeof table === 'function') {
    const samples = SAMPLES;
    return samples.flatMap((args, index) => {
      // A sample that does not fit this phrase's values (a list where it wants one) is no phrase of it.
      let value: unknown;
      try {
        value = (table as (...args: unknown[]) => unknown)(...args);
      } catch {
        return [];
      }
      return typeof value === 'string' ? [[`${path}(${index})`, value] as [string, string]] : [];
    });
  }
  if (typeof table === 'object' && table !== null) return Object.entries(table).flatMap(([key, value]) => phrases(value, path === '' ? key : `${path}.${key}`));
  return [];
}

describe.each([
  ['the command line', CLI],
  ['the documents', DOCUMENT],
  ['the firewall exports', FIREWALL],
] as const)('the words of %s', (_name, frame) => {
  it('has the same phrases in German as in English, and none of them English', () => {
    const english = new Map(phrases(frame.en));
    const german = phrases(frame.de);
    expect(german.map(([path]) => path).sort()).toEqual([...english.keys()].sort());
    for (const [path, text] of german) expect(englishLines(text), `${path}: ${text}`).toEqual([]);
    // Labels that are the same in both languages ("SIP", "#", "12 s") are short, and so is what a
    // pattern adds to its values ("3. [4] …"); a sentence is not.
    const unchanged = german.filter(([path, text]) => ownWords(text).length > (path.endsWith(')') ? 60 : 25) && text === english.get(path) && !SAME_IN_BOTH.has(path));
    expect(unchanged.map(([path]) => path)).toEqual([]);
  });
});
