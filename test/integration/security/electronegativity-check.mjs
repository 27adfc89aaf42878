#!/usr/bin/env node
// CI gate for Electronegativity: fails on any finding that SECURITY.md does not justify.
// Usage: node test/integration/security/electronegativity-check.mjs /tmp/en.csv [SECURITY.md]
// A finding is justified by a row of the "Electronegativity findings" table in SECURITY.md whose
// first cell is the check id and second cell the file (relative to the repository, or N/A);
// line numbers are not compared, so moving code does not break CI, a new check or file does.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

const [csvPath, securityPath = 'SECURITY.md'] = process.argv.slice(2);
if (!csvPath) {
  console.error('Usage: electronegativity-check.mjs RESULT.csv [SECURITY.md]');
  process.exit(2);
}

function parseCsvLine(line) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === ',' && !quoted) {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += char;
    }
  }
  cells.push(cell.trim());
  return cells;
}

const rows = readFileSync(csvPath, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '');
// Electronegativity sometimes writes a CSV line with its first cells cut off (seen with CSP
// samples); the check id is then taken from the wiki URL that ends every line, the file as N/A.
const findings = rows.slice(1).map((line) => {
  const cells = parseCsvLine(line);
  const [issue, severity, confidence, file, location] = cells;
  if (/^[A-Z_]+_CHECK$/.test(issue ?? '') && file !== undefined) {
    return { issue, severity, confidence, file: file === 'N/A' ? 'N/A' : relative(process.cwd(), resolve(file)).replace(/\\/g, '/'), location };
  }
  const fromUrl = /\/wiki\/([A-Z_]+_CHECK)\s*$/.exec(line)?.[1] ?? 'UNPARSED_CHECK';
  return { issue: fromUrl, severity: '?', confidence: '?', file: 'N/A', location: '?' };
});

const security = readFileSync(securityPath, 'utf8');
const section = security.split(/^## /m).find((part) => part.startsWith('Electronegativity findings')) ?? '';
const justified = new Set(
  section
    .split('\n')
    .filter((line) => /^\|\s*[A-Z_]+_(CHECK|JS_CHECK|HTML_CHECK|JSON_CHECK)\s*\|/.test(line))
    .map((line) => line.split('|').map((cell) => cell.trim().replace(/`/g, '')))
    .map((cells) => `${cells[1]} ${cells[2]}`),
);

const open = findings.filter((finding) => !justified.has(`${finding.issue} ${finding.file}`));
for (const finding of findings) {
  const state = open.includes(finding) ? 'NOT JUSTIFIED' : 'justified';
  console.log(`${state.padEnd(14)} ${finding.issue} ${finding.file}:${finding.location} (${finding.severity}/${finding.confidence})`);
}
if (open.length > 0) {
  console.error(`${open.length} Electronegativity finding(s) are neither fixed nor justified in ${securityPath} ("Electronegativity findings" table).`);
  process.exit(1);
}
console.log(`${findings.length} finding(s), all justified in ${securityPath}.`);
