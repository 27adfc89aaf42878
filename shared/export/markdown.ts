// The checklist as Markdown: for tickets, wikis and e-mail. Same content as the PDF.
// Every value is text, never markup: a site name, an address or evidence from a hand-edited file
// must not come out as raw HTML, a link (javascript:, data:) or a table cell of its own.
import type { Checklist } from '../checklist/model';
import type { DocumentText } from '../text';
import { documentView, serverText, singleLine, type AppendixSection, type CallQualityView, type EndpointView, type TodoView } from './document';

// One line: a line break in a value would end a table row, or start a block of its own (an HTML
// block, a link reference definition, a heading).
export const markdownLine = singleLine;

// Inline text (CommonMark 0.31 §2.4, backslash escapes): every character that can open markup is
// escaped: "\\" itself, emphasis (* _ ~), code spans (`), links and images ([ ]), raw HTML and
// autolinks (< >), table cells (|), and "&" where it would start an entity or character reference
// (§2.5: "&#x3C;" would otherwise come out as "<"). The rest cannot start markup inside a line.
export function markdownText(value: unknown): string {
  return markdownLine(value)
    .replace(/[\\`*_~[\]<>|]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

const cell = markdownText;

function endpointCell(value: EndpointView, portsLabel: string): string {
  const hosts = value.hosts === null ? '' : ` (${cell(value.hosts)})`;
  // "any: any" says nothing twice.
  const label = value.label === value.addresses ? '' : `${cell(value.label)}: `;
  return `${label}${cell(value.addresses)}${hosts}<br>${cell(portsLabel)}: ${cell(value.ports)}`;
}

// The longest run of backticks in a snippet decides the fence, so the snippet cannot close it.
// A loop, not Math.max(...runs): a huge snippet has more runs than a call takes arguments.
function fence(body: string): string {
  let longest = 2;
  for (const match of body.matchAll(/`+/g)) longest = Math.max(longest, match[0].length);
  return '`'.repeat(longest + 1);
}

// The expected call quality per codec (the PDF's gauge and list) as a table, after the rules.
function callQualityLines(quality: CallQualityView | null, text: DocumentText): string[] {
  if (quality === null) return [];
  const m = markdownText;
  const c = text.mosColumns;
  const rows = quality.estimates.map((estimate) => {
    const f = estimate.figures;
    return `| ${[`${estimate.name} (${estimate.scale})`, f?.mos ?? '–', estimate.gradeWord, f?.r ?? '–', f?.jitterBufferMs ?? '–', f?.mouthToEarMs ?? '–'].map(cell).join(' | ')} |`;
  });
  return [
    `## ${m(quality.title)}`,
    '',
    m(quality.intro),
    '',
    m(quality.basis),
    '',
    `| ${[c.codec, c.mos, c.grade, c.r, c.jitterBuffer, c.mouthToEar].map(cell).join(' | ')} |`,
    '|---|---:|---|---:|---:|---:|',
    ...rows,
    '',
    ...(quality.wideband === null ? [] : [m(quality.wideband), '']),
  ];
}

export function renderMarkdown(checklist: Checklist, appendix: readonly AppendixSection[] = []): string {
  const view = documentView(checklist);
  const { text, network, nat } = view;
  const lines: string[] = [];
  const add = (...more: string[]): void => {
    lines.push(...more);
  };

  // Words of the catalog and values alike go through markdownText; only the markup is written here.
  const m = markdownText;
  add(`# ${m(text.title)}`, '', `_${m(text.subtitle)}_`, '');
  // The headline is the verdict and nothing else (DESIGN.md), then what to do, or a ready line's caveats.
  add(`## ${m(text.verdictLabel)}: ${m(view.verdict.word)}`, '', m(view.verdict.explained), '');
  const item = (entry: TodoView): string => (entry.rule === null ? m(entry.text) : `**${m(entry.rule)}:** ${m(entry.text)}`);
  if (view.todo.fixes.length > 0) add(`### ${m(text.whatToDoTitle)}`, '', ...view.todo.fixes.map((entry, index) => `${index + 1}. ${item(entry)}`), '');
  if (view.todo.caveats.length > 0) add(`### ${m(text.caveatsTitle)}`, '', ...view.todo.caveats.map((entry) => `- ${item(entry)}`), '');
  add(
    `| | |`,
    `|---|---|`,
    `| **${m(text.siteLabel)}** | ${cell(view.site.name)} |`,
    `| **${m(text.customerLabel)}** | ${cell(view.site.customer)} |`,
    `| **${m(text.technicianLabel)}** | ${cell(view.site.technician)} |`,
    `| **${m(text.dateLabel)}** | ${cell(view.date)} |`,
    `| **${m(text.profileLabel)}** | ${cell(view.profileName)} |`,
    '',
  );

  add(`## ${m(text.factsTitle)}`, '', ...view.facts.map(([label, value]) => `- **${m(label)}**: ${m(value)}`), '');
  if (view.todo.notes.length > 0) add(`**${m(text.notesTitle)}:**`, '', ...view.todo.notes.map((entry) => `- ${item(entry)}`), '');
  if (view.registration !== null) add(`## ${m(text.registrationTitle)}`, '', ...view.registration.map((line) => `- ${m(line)}`), '');

  const stun = network.stun.map(serverText);
  const sip = network.sip === null ? null : serverText(network.sip);
  add(`## ${m(text.networkTitle)}`, '');
  add(
    `- **${m(text.pbx)}** (${m(text.lanSide)}): ${m(network.pbxIp)}, ${m(text.sipPortLabel)} ${m(network.sipPort)}, ${m(text.rtpPortsLabel)} ${m(network.rtp)}`,
    `- **${m(text.router)}**: ${m(text.lanSide)} ${m(network.gateway ?? text.notMeasured)} → ${m(text.wanSide)} ${m(network.publicAddress ?? text.notMeasured)}`,
    `- **${m(text.stunServer)}**: ${m(stun.length > 0 ? stun.join(', ') : text.notMeasured)}`,
    `- **${m(text.sipProvider)}**: ${m(sip ?? text.noSipProvider)}`,
  );
  if (network.ipv6 !== null) add(`- **${m(text.pbxIpv6)}**: ${m(network.ipv6.pbxIp)} – ${m(network.ipv6.line)}${network.ipv6.translated === null ? '' : ` ${m(network.ipv6.translated)}`}`);
  if (network.ipv6 !== null) add(`- **${m(text.ipv6VerdictLabel)}**: ${m(network.ipv6.verdict)}`);
  add('');
  // Inside a code block nothing is markup and backslashes would show: one line is enough, as a
  // fence only closes at the start of a line.
  const diagram = markdownLine(
    `${text.pbx} ${network.pbxIp}:${network.sipPort} → ${text.router} [${text.lanSide} ${network.gateway ?? '?'} | ${text.wanSide} ${network.publicAddress ?? '?'}] → ${text.internet} → ${[...stun.map((entry) => `${text.stunServer} ${entry}`), ...(sip === null ? [] : [`${text.sipProvider} ${sip}`])].join(' / ')}`,
  );
  add(`${fence(diagram)}text`, diagram, fence(diagram), '');

  add(`## ${m(text.natTitle)}: ${m(nat.name)}`, '', `**${m(nat.line)}**`, '');
  for (const [label, value] of nat.facts) add(`- ${m(label)}: ${m(value)}`);
  add('');
  add(`> ${m(nat.meaning)}`, '');

  const c = text.columns;
  add(`## ${m(text.rulesTitle)}`, '', m(text.rulesIntro), '');
  add(`| ${[c.number, c.rule, c.direction, c.source, c.destination, c.protocol, c.status, c.evidence].map(cell).join(' | ')} |`, '|---|---|---|---|---|---|---|---|');
  for (const rule of view.rules) {
    add(
      `| ${rule.number} | **${cell(rule.name)}**<br>${cell(rule.purpose)} | ${cell(rule.direction)} | ${endpointCell(rule.source, text.portsLabel)} | ${endpointCell(rule.destination, text.portsLabel)} | ${cell(rule.protocol)} | ${cell(`${rule.mark} ${rule.statusWord}`)} | ${cell(rule.evidence)} |`,
    );
  }
  add('');
  if (view.qos !== null) add(m(view.qos), '');
  add(...callQualityLines(view.callQuality, text));

  add(`## ${m(text.signOffTitle)}`, '', m(text.signOffStatement), '');
  add(
    `| | ${cell(text.technicianLabel)} | ${cell(text.customerLabel)} |`,
    `|---|---|---|`,
    `| ${cell(text.nameLabel)} | ${cell(view.site.technician === text.notGiven ? '' : view.site.technician)} | ${cell(view.site.customer === text.notGiven ? '' : view.site.customer)} |`,
    `| ${cell(text.dateLabel)} | | |`,
    `| ${cell(text.signatureLabel)} | | |`,
    '',
  );

  if (appendix.length > 0) {
    add(`## ${m(text.appendixTitle)}`, '', m(text.appendixIntro), '');
    for (const section of appendix) {
      const marks = fence(section.body);
      add(`### ${m(section.title)}`, '', marks, section.body.replace(/\s+$/, ''), marks, '');
    }
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
