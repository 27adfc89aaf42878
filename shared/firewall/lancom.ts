// LANCOM (LCOS): LANconfig steps. Firewall rules under Firewall/QoS > IPv4 rules, port forwards in
// the port forwarding table (IP router > Masquerading), and for voice a QoS rule with a guaranteed
// bandwidth, which the source document names LANCOM for. A dual-stack PBX's IPv6 rules go into the
// IPv6 firewall's own forwarding rules (Firewall/QoS > IPv6 rules; LCOS reference manual, "IPv6
// firewall": separate rule tables for inbound and forwarding). Sources: LANCOM reference manual (port
// forwarding / inverse masquerading; QoS: minimum bandwidth on the "QoS" tab, DiffServ condition
// "@dEF"), LANCOM knowledge base "Procedure and syntax for configuring firewall rules in WEBconfig";
// SwyxWare help 16.7; field-notes.md (LANCOM).
import type { Checklist } from '../checklist/model';
import { assertExportable, forwardedPublicIp, headerLines, numbersText, prefixLines, primaryViews, rangesText, remoteNotes, ruleTitle, ruleViews, secondaryViews, textFor, type RuleView } from './common';

export const LANCOM_PLATFORM = 'LANCOM (LCOS, LANconfig)';

const lancomName = (view: RuleView) => `TRUNKCHECK-${view.number}-${view.id.toUpperCase()}${view.secondary ? '-V6' : ''}`;

export function render(checklist: Checklist): string {
  assertExportable(checklist);
  const t = textFor(checklist);
  const l = t.lancom;
  const all = ruleViews(checklist);
  const views = primaryViews(all);
  const ipv6 = secondaryViews(all);
  const ports = (ranges: RuleView['pbxPorts']) => (ranges === null ? t.common.any : rangesText(ranges, '-', ', '));
  const remote = (view: RuleView) => (view.remote.any ? t.common.any : [...view.remote.addresses, ...view.remote.unresolved].join(', '));

  const steps: string[] = [];
  let count = 0;
  const step = (text: string, notes: readonly string[] = []) => steps.push(`${++count}. ${text}`, ...notes.map((note) => `   ${note}`));
  const ruleSteps = (list: readonly RuleView[]) => {
    for (const view of list) {
      const outbound = view.direction === 'outbound';
      const text = outbound
        ? l.ruleStep(view.number, lancomName(view), view.pbx, ports(view.pbxPorts), remote(view), ports(view.remotePorts))
        : l.ruleStep(view.number, lancomName(view), remote(view), ports(view.remotePorts), view.pbx, ports(view.pbxPorts));
      const status = `(${ruleTitle(view, t)}: ${t.common.status[view.status]})`;
      step(`${text} ${status}`, remoteNotes(view, t));
    }
  };
  // A PBX with an IPv6 address only has IPv6 rules only: they belong in the IPv6 firewall too.
  step(views[0]?.family === 6 ? l.ipv6RuleTabs(numbersText(views)) : l.ruleTabs);
  ruleSteps(views);
  if (ipv6.length > 0) {
    step(l.ipv6RuleTabs(numbersText(ipv6)));
    ruleSteps(ipv6);
  }
  const publicIp = forwardedPublicIp(checklist);
  const inbound = views.filter((view) => view.direction === 'inbound');
  if (publicIp !== null || checklist.network.publicIp === null) {
    for (const view of inbound) for (const range of view.pbxPorts ?? []) step(l.forwardStep(rangesText([range]), view.pbx));
    steps.push(`   ${l.forwardSource}`);
    if (checklist.network.publicIp === null) steps.push(`   ${t.common.noPublicIp}`);
  } else {
    steps.push(`   ${l.noForward}`);
  }
  if (checklist.qos) {
    for (const view of views.filter((entry) => entry.media)) step(l.qosStep(lancomName(view)));
    steps.push(`   ${l.qosDiffServ}`);
  }

  const lines = [
    ...prefixLines(headerLines(checklist, LANCOM_PLATFORM)),
    `# ${t.common.qos(checklist.qos)}`,
    '#',
    ...prefixLines([l.scope, `${t.common.sources} LANCOM LCOS reference manual (port forwarding, QoS); LANCOM knowledge base (firewall rules in WEBconfig); field-notes.md (LANCOM).`]),
    '',
    `== ${l.stepsHeading} ==`,
    ...steps,
  ];
  return `${lines.join('\n')}\n`;
}
