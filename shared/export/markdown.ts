// The checklist as Markdown: for tickets, wikis and e-mail. Same content as the PDF.
import type { Checklist } from '../checklist/model';
import { documentView, serverText, type AppendixSection, type EndpointView } from './document';

// A table cell holds one line; a pipe would end it early.
function cell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function endpointCell(value: EndpointView, portsLabel: string): string {
  const hosts = value.hosts === null ? '' : ` (${cell(value.hosts)})`;
  // "any: any" says nothing twice.
  const label = value.label === value.addresses ? '' : `${cell(value.label)}: `;
  return `${label}${cell(value.addresses)}${hosts}<br>${portsLabel}: ${cell(value.ports)}`;
}

// The longest run of backticks in a snippet decides the fence, so the snippet cannot close it.
function fence(body: string): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((match) => match[0].length));
  return '`'.repeat(longest + 1);
}

export function renderMarkdown(checklist: Checklist, appendix: readonly AppendixSection[] = []): string {
  const view = documentView(checklist);
  const { text, network, nat } = view;
  const lines: string[] = [];
  const add = (...more: string[]): void => {
    lines.push(...more);
  };

  add(`# ${text.title}`, '', `_${text.subtitle}_`, '');
  add(
    `| | |`,
    `|---|---|`,
    `| **${text.siteLabel}** | ${cell(view.site.name)} |`,
    `| **${text.customerLabel}** | ${cell(view.site.customer)} |`,
    `| **${text.technicianLabel}** | ${cell(view.site.technician)} |`,
    `| **${text.dateLabel}** | ${view.date} |`,
    `| **${text.profileLabel}** | ${cell(view.profileName)} |`,
    `| **${text.verdictLabel}** | **${view.verdict.word}** – ${view.verdict.explained} |`,
    '',
  );

  const stun = network.stun.map(serverText);
  const sip = network.sip === null ? null : serverText(network.sip);
  add(`## ${text.networkTitle}`, '');
  add(
    `- **${text.pbx}** (${text.lanSide}): ${network.pbxIp}, ${text.sipPortLabel} ${network.sipPort}, ${text.rtpPortsLabel} ${network.rtp}`,
    `- **${text.router}**: ${text.lanSide} ${network.gateway ?? text.notMeasured} → ${text.wanSide} ${network.publicAddress ?? text.notMeasured}`,
    `- **${text.stunServer}**: ${stun.length > 0 ? stun.join(', ') : text.notMeasured}`,
    `- **${text.sipProvider}**: ${sip ?? text.noSipProvider}`,
    '',
    '```text',
    `${text.pbx} ${network.pbxIp}:${network.sipPort} → ${text.router} [${text.lanSide} ${network.gateway ?? '?'} | ${text.wanSide} ${network.publicAddress ?? '?'}] → ${text.internet} → ${[...stun.map((entry) => `${text.stunServer} ${entry}`), ...(sip === null ? [] : [`${text.sipProvider} ${sip}`])].join(' / ')}`,
    '```',
    '',
  );

  add(`## ${text.natTitle}: ${nat.name}`, '', `**${nat.line}**`, '');
  for (const [label, value] of nat.facts) add(`- ${label}: ${value}`);
  add('');
  if (nat.advice.length > 0) add(nat.advice.map((advice) => `> ${advice}`).join('\n>\n'), '');

  const c = text.columns;
  add(`## ${text.rulesTitle}`, '', text.rulesIntro, '');
  add(`| ${c.number} | ${c.rule} | ${c.direction} | ${c.source} | ${c.destination} | ${c.protocol} | ${c.status} | ${c.evidence} |`, '|---|---|---|---|---|---|---|---|');
  for (const rule of view.rules) {
    add(
      `| ${rule.number} | **${cell(rule.name)}**<br>${cell(rule.purpose)} | ${rule.direction} | ${endpointCell(rule.source, text.portsLabel)} | ${endpointCell(rule.destination, text.portsLabel)} | ${rule.protocol} | ${rule.mark} ${rule.statusWord} | ${cell(rule.evidence)} |`,
    );
  }
  add('');
  if (view.qos !== null) add(view.qos, '');

  add(`## ${text.fixesTitle}`, '');
  if (view.fixes.length === 0) add(text.noFixes, '');
  for (const fix of view.fixes) add(`- **${fix.number}. ${fix.name}:** ${fix.text}`);
  if (view.fixes.length > 0) add('');

  add(`## ${text.signOffTitle}`, '', text.signOffStatement, '');
  add(
    `| | ${text.technicianLabel} | ${text.customerLabel} |`,
    `|---|---|---|`,
    `| ${text.nameLabel} | ${cell(view.site.technician === text.notGiven ? '' : view.site.technician)} | ${cell(view.site.customer === text.notGiven ? '' : view.site.customer)} |`,
    `| ${text.dateLabel} | | |`,
    `| ${text.signatureLabel} | | |`,
    '',
  );

  if (appendix.length > 0) {
    add(`## ${text.appendixTitle}`, '', text.appendixIntro, '');
    for (const section of appendix) {
      const marks = fence(section.body);
      add(`### ${section.title}`, '', marks, section.body.replace(/\s+$/, ''), marks, '');
    }
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
