import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReportJson } from '../../../shared/report-file';
import { word } from '../../../shared/text';

const real = readFileSync('test/fixtures/report-masquerade.json', 'utf8');

describe('reading a saved report', () => {
  it('reads a real report from the NAT lab', () => {
    const result = parseReportJson(real);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.publicAddress).toEqual({ ip: '203.0.113.1', port: 65002 });
  });

  it.each([
    ['not json', 'report/not-json', 'is not JSON'],
    ['{"foo":1}', 'report/foreign', 'not a TrunkCheck report'],
    [JSON.stringify({ ...JSON.parse(real), schemaVersion: 99 }), 'report/newer', 'newer TrunkCheck'],
    [JSON.stringify({ ...JSON.parse(real), rules: [{ id: 'x' }] }), 'report/damaged', 'damaged'],
    [JSON.stringify({ ...JSON.parse(real), local: null }), 'report/damaged', 'damaged'],
    ['null', 'report/foreign', 'not a TrunkCheck report'],
  ])('refuses %#: %s', (text, code, words) => {
    const result = parseReportJson(text, 'report.json');
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(word('en', result.error)).toContain(words);
  });
});
