// The firewall exports: one small pure renderer per platform, all from the same checklist.
import type { Checklist } from '../checklist/model';
import { ok, type Result } from '../result';
import { headerLines, isExportValueError, prefixLines } from './common';
import { FORTIGATE_PLATFORM, render as renderFortigate } from './fortigate';
import { FRITZBOX_PLATFORM, render as renderFritzbox } from './fritzbox';
import { hasSeparateIpv6, IP6TABLES_PLATFORM, IPTABLES_PLATFORM, render as renderIptables, renderIp6tables } from './iptables';
import { LANCOM_PLATFORM, render as renderLancom } from './lancom';
import { MIKROTIK_PLATFORM, render as renderMikrotik } from './mikrotik';
import { NFTABLES_PLATFORM, render as renderNftables } from './nftables';
import { PFSENSE_PLATFORM, render as renderPfsense } from './pfsense';
import { WINDOWS_PLATFORM, render as renderWindows } from './windows';
import type { FirewallFormatId } from './ids';

export { FIREWALL_FORMAT_IDS, type FirewallFormatId } from './ids';

export interface FirewallFormat {
  readonly id: FirewallFormatId;
  readonly name: string;
  readonly fileExtension: string;   // without the dot
  readonly render: (checklist: Checklist) => string;
  // Whether the export holds anything of its own for this checklist (absent: always). The ip6tables
  // export does only for a dual-stack PBX: the wizard's tabs and the documents' appendix leave it
  // out otherwise, and `--format ip6tables` still writes it, saying why it is empty.
  readonly applies?: (checklist: Checklist) => boolean;
}

export const FIREWALL_FORMATS: readonly FirewallFormat[] = [
  { id: 'windows', name: WINDOWS_PLATFORM, fileExtension: 'ps1', render: renderWindows },
  { id: 'nftables', name: NFTABLES_PLATFORM, fileExtension: 'nft', render: renderNftables },
  { id: 'iptables', name: IPTABLES_PLATFORM, fileExtension: 'rules', render: renderIptables },
  { id: 'ip6tables', name: IP6TABLES_PLATFORM, fileExtension: 'rules', render: renderIp6tables, applies: hasSeparateIpv6 },
  { id: 'mikrotik', name: MIKROTIK_PLATFORM, fileExtension: 'rsc', render: renderMikrotik },
  { id: 'pfsense', name: PFSENSE_PLATFORM, fileExtension: 'txt', render: renderPfsense },
  { id: 'lancom', name: LANCOM_PLATFORM, fileExtension: 'txt', render: renderLancom },
  { id: 'fritzbox', name: FRITZBOX_PLATFORM, fileExtension: 'txt', render: renderFritzbox },
  { id: 'fortigate', name: FORTIGATE_PLATFORM, fileExtension: 'conf', render: renderFortigate },
];

export function findFirewallFormat(id: string): FirewallFormat | undefined {
  return FIREWALL_FORMATS.find((format) => format.id === id);
}

// The exports that have something of their own to say for this checklist.
export function applicableFormats(checklist: Checklist): FirewallFormat[] {
  return FIREWALL_FORMATS.filter((format) => format.applies?.(checklist) ?? true);
}

export interface RenderedFirewall {
  readonly id: FirewallFormatId;
  readonly name: string;
  readonly fileExtension: string;
  readonly text: string;
}

// Every export of one checklist that applies to it, or the one sentence why none is written: a renderer throws
// ExportValueError for a value of the wrong type where code goes (shared/firewall/common.ts).
export function renderAllFirewalls(checklist: Checklist): Result<RenderedFirewall[]> {
  try {
    return ok(applicableFormats(checklist).map((format) => ({ id: format.id, name: format.name, fileExtension: format.fileExtension, text: format.render(checklist) })));
  } catch (error) {
    if (isExportValueError(error)) return { ok: false, error: error.data };
    throw error;
  }
}

export function renderFirewall(format: FirewallFormatId, checklist: Checklist): string {
  const found = findFirewallFormat(format);
  if (found === undefined) throw new Error(`Unknown firewall format "${format}".`);
  return found.render(checklist);
}

// A firewall export as a document's appendix shows it: the document states the rules and their
// evidence already, so the export's header that restates them (headerLines) is left out; a
// shebang above it stays. An export that does not start so is shown whole.
export function appendixText(format: FirewallFormat, checklist: Checklist): string {
  const text = format.render(checklist);
  const header = `${prefixLines(headerLines(checklist, format.name)).join('\n')}\n`;
  const at = text.indexOf(header);
  return at === -1 || text.slice(0, at).split('\n').length > 2 ? text : text.slice(0, at) + text.slice(at + header.length);
}
