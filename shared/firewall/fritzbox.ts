// AVM FRITZ!Box: the steps for "Portfreigaben" (port sharing) to the PBX for the inbound rules. The
// box allows the outbound rules by itself; it opens 5060 for its own IP telephony; a DS-Lite line
// has no public IPv4 address, so no inbound IPv4 at all. Over IPv6 the same sharing opens the IPv6
// firewall for the PBX, found by its interface ID, a port for each device (FRITZ!Box manual,
// "Permit Access": IPv6). Sources: AVM online help "Portfreigaben"
// (fields: application, protocol, port to device, external port), avm.de knowledge base 894
// (automatic port sharing via PCP/UPnP, DS-Lite); field-notes.md (AVM FRITZ!Box).
import type { Checklist } from '../checklist/model';
import { assertExportable, headerLines, interfaceId, prefixLines, rangeText, ruleTitle, ruleViews, textFor } from './common';

export const FRITZBOX_PLATFORM = 'AVM FRITZ!Box';
// The port the FRITZ!Box opens itself once IP telephone numbers are set up on it (field-notes.md).
const FRITZBOX_SIP_PORT = 5060;

export function render(checklist: Checklist): string {
  assertExportable(checklist);
  const t = textFor(checklist);
  const f = t.fritzbox;
  const views = ruleViews(checklist);
  const inbound = views.filter((view) => view.direction === 'inbound' && view.family === 4);
  const inbound6 = views.filter((view) => view.direction === 'inbound' && view.family === 6);
  const shared = inbound.flatMap((view) => (view.pbxPorts ?? []).map((range) => ({ view, range })));
  const conflict = shared.some(({ range }) => range.from <= FRITZBOX_SIP_PORT && FRITZBOX_SIP_PORT <= range.to);

  const steps: string[] = [];
  let count = 0;
  const step = (text: string, notes: readonly string[] = []) => steps.push(`${++count}. ${text}`, ...notes.map((note) => `   ${note}`));
  step(f.open);
  if (inbound.length > 0) step(f.addDevice(checklist.network.pbxIp));
  for (const { view, range } of shared) {
    step(`${f.share(`TrunkCheck ${view.number}`, rangeText(range))} (${ruleTitle(view, t)}: ${t.common.status[view.status]})`);
  }
  const pbx6 = inbound6[0]?.pbx;
  if (pbx6 !== undefined) {
    step(f.ipv6Device(pbx6, interfaceId(pbx6)));
    for (const view of inbound6) {
      for (const range of view.pbxPorts ?? []) step(`${f.share6(`TrunkCheck ${view.number}`, rangeText(range))} (${ruleTitle(view, t)}: ${t.common.status[view.status]})`);
    }
  }

  const notes = [f.noSourceFilter, f.outbound, f.dsLite, conflict ? f.ownTelephonyConflict(FRITZBOX_SIP_PORT) : f.ownTelephony(FRITZBOX_SIP_PORT), ...(pbx6 === undefined ? [] : [f.ipv6PerDevice]), f.pcp];
  const lines = [
    ...prefixLines(headerLines(checklist, FRITZBOX_PLATFORM)),
    `# ${checklist.qos ? t.common.qosUnsupported : t.common.qos(false)}`,
    '#',
    ...prefixLines([f.scope, `${t.common.sources} AVM FRITZ!Box online help "Portfreigaben"; avm.de knowledge base 894; field-notes.md (AVM FRITZ!Box).`]),
    '',
    `== ${f.stepsHeading} ==`,
    ...steps,
    '',
    ...notes.map((note) => `- ${note}`),
  ];
  return `${lines.join('\n')}\n`;
}
