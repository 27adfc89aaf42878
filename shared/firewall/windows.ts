// Windows Defender Firewall on the PBX host itself: one PowerShell script with two sections, the
// NetSecurity cmdlets (New-NetFirewallRule, New-NetQosPolicy) and the same rules as
// `netsh advfirewall firewall add rule` for systems without the cmdlets. Run one section, not both.
// Syntax: learn.microsoft.com/powershell/module/netsecurity/new-netfirewallrule,
// learn.microsoft.com/powershell/module/netqos/new-netqospolicy, `netsh advfirewall firewall add rule ?`;
// the port notation is the one in field-notes.md ("Windows Defender Firewall").
import type { Checklist } from '../checklist/model';
import { assertExportable, DSCP_EF, headerLines, placeholders, prefixLines, rangeText, remoteNotes, ruleName, ruleTitle, ruleViews, singleLine, textFor, writable, type RuleView } from './common';

export const WINDOWS_PLATFORM = 'Windows Defender Firewall (PowerShell, netsh)';
const GROUP = 'TrunkCheck';
const QOS_POLICY = 'TrunkCheck-voice-EF';

// A verbatim string (about_Quoting_Rules): inside single quotes only a quote is special, and
// PowerShell takes the typographic ones (U+2018-U+201B) for it too; each is written twice. One line.
export const powershellString = (text: string) => `'${singleLine(text).replace(/['\u2018\u2019\u201a\u201b]/g, (quote) => quote + quote)}'`;
// A comma between quoted items is a list.
const quoted = (items: readonly string[]) => items.map(powershellString).join(',');

function remoteAddresses(view: RuleView): readonly string[] {
  return writable(view) ? view.remote.addresses : placeholders(view);
}

function powershellRule(view: RuleView): string {
  const parts = [
    'New-NetFirewallRule',
    `-DisplayName ${powershellString(ruleName(view))}`,
    `-Group ${powershellString(GROUP)}`,
    `-Direction ${view.direction === 'outbound' ? 'Outbound' : 'Inbound'}`,
    '-Action Allow',
    '-Protocol UDP',
    `-LocalAddress ${powershellString(view.pbx)}`,
  ];
  if (view.pbxPorts) parts.push(`-LocalPort ${quoted(view.pbxPorts.map((range) => rangeText(range)))}`);
  if (!view.remote.any) parts.push(`-RemoteAddress ${quoted(remoteAddresses(view))}`);
  if (view.remotePorts) parts.push(`-RemotePort ${quoted(view.remotePorts.map((range) => rangeText(range)))}`);
  return parts.join(' ');
}

// Each key=value is quoted so PowerShell does not read "a,b" as an array; netsh gets it unchanged.
function netshRule(view: RuleView): string {
  const parts = [
    'netsh advfirewall firewall add rule',
    powershellString(`name=${ruleName(view)}`),
    powershellString(`dir=${view.direction === 'outbound' ? 'out' : 'in'}`),
    powershellString('action=allow'),
    powershellString('protocol=UDP'),
    powershellString(`localip=${view.pbx}`),
  ];
  if (view.pbxPorts) parts.push(powershellString(`localport=${view.pbxPorts.map((range) => rangeText(range)).join(',')}`));
  if (!view.remote.any) parts.push(powershellString(`remoteip=${remoteAddresses(view).join(',')}`));
  if (view.remotePorts) parts.push(powershellString(`remoteport=${view.remotePorts.map((range) => rangeText(range)).join(',')}`));
  return parts.join(' ');
}

// Windows marks what the host sends: one policy per RTP source range of the outbound voice rule.
// A policy matches ports, not an address, so a dual-stack PBX's IPv6 voice rule needs none of its own.
function qosPolicies(views: readonly RuleView[]): { name: string; line: string }[] {
  const ranges = views.filter((view) => view.media && view.direction === 'outbound' && view.pbxPorts !== null).flatMap((view) => view.pbxPorts ?? []);
  return ranges
    .filter((range, index) => ranges.findIndex((other) => other.from === range.from && other.to === range.to) === index)
    .map((range, index, all) => {
      const name = all.length === 1 ? QOS_POLICY : `${QOS_POLICY}-${index + 1}`;
      const line = `New-NetQosPolicy -Name ${powershellString(name)} -IPProtocolMatchCondition UDP -IPSrcPortStartMatchCondition ${range.from} -IPSrcPortEndMatchCondition ${range.to} -DSCPAction ${DSCP_EF}`;
      return { name, line };
    });
}

function section(views: readonly RuleView[], checklist: Checklist, line: (view: RuleView) => string): string[] {
  const t = textFor(checklist);
  const out: string[] = [];
  for (const view of views) {
    out.push(`    # ${view.number}. ${ruleTitle(view, t)} (${t.common.status[view.status]})`);
    out.push(...prefixLines(remoteNotes(view, t), '    # '));
    out.push(writable(view) ? `    ${line(view)}` : `    # ${line(view)}`);
  }
  return out;
}

export function render(checklist: Checklist): string {
  assertExportable(checklist);
  const t = textFor(checklist);
  const views = ruleViews(checklist);
  const qos = checklist.qos ? qosPolicies(views) : [];
  const lines = [
    ...prefixLines(headerLines(checklist, WINDOWS_PLATFORM)),
    `# ${t.common.qos(checklist.qos)}`,
    '#',
    `# ${t.windows.scope}`,
    `# ${t.windows.usage}`,
    `# ${t.common.sources} learn.microsoft.com/powershell/module/netsecurity/new-netfirewallrule; learn.microsoft.com/powershell/module/netqos/new-netqospolicy; netsh advfirewall firewall add rule ?`,
    '#Requires -RunAsAdministrator',
    'param([switch]$Netsh)',
    '',
    `# ===== ${t.windows.section1} =====`,
    'if (-not $Netsh) {',
    ...section(views, checklist, powershellRule),
  ];
  if (qos.length > 0) lines.push(`    # ${t.windows.qosNote}`, ...qos.map((policy) => `    ${policy.line}`));
  lines.push('}', '', `# ===== ${t.windows.section2} =====`, 'if ($Netsh) {', ...section(views, checklist, netshRule));
  if (qos.length > 0) lines.push(`    # ${t.windows.netshNoQos}`);
  lines.push('}', '', `# ${t.windows.remove}`, `#   Remove-NetFirewallRule -Group ${powershellString(GROUP)}`);
  for (const policy of qos) lines.push(`#   Remove-NetQosPolicy -Name ${powershellString(policy.name)} -Confirm:$false`);
  return `${lines.join('\n')}\n`;
}
