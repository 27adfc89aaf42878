// The firewall exports: one small pure renderer per platform, all from the same checklist.
import type { Checklist } from '../checklist/model';
import { FORTIGATE_PLATFORM, render as renderFortigate } from './fortigate';
import { FRITZBOX_PLATFORM, render as renderFritzbox } from './fritzbox';
import { IPTABLES_PLATFORM, render as renderIptables } from './iptables';
import { LANCOM_PLATFORM, render as renderLancom } from './lancom';
import { MIKROTIK_PLATFORM, render as renderMikrotik } from './mikrotik';
import { NFTABLES_PLATFORM, render as renderNftables } from './nftables';
import { PFSENSE_PLATFORM, render as renderPfsense } from './pfsense';
import { WINDOWS_PLATFORM, render as renderWindows } from './windows';

export type FirewallFormatId = 'windows' | 'nftables' | 'iptables' | 'mikrotik' | 'pfsense' | 'lancom' | 'fritzbox' | 'fortigate';

export interface FirewallFormat {
  readonly id: FirewallFormatId;
  readonly name: string;
  readonly fileExtension: string;   // without the dot
  readonly render: (checklist: Checklist) => string;
}

export const FIREWALL_FORMATS: readonly FirewallFormat[] = [
  { id: 'windows', name: WINDOWS_PLATFORM, fileExtension: 'ps1', render: renderWindows },
  { id: 'nftables', name: NFTABLES_PLATFORM, fileExtension: 'nft', render: renderNftables },
  { id: 'iptables', name: IPTABLES_PLATFORM, fileExtension: 'rules', render: renderIptables },
  { id: 'mikrotik', name: MIKROTIK_PLATFORM, fileExtension: 'rsc', render: renderMikrotik },
  { id: 'pfsense', name: PFSENSE_PLATFORM, fileExtension: 'txt', render: renderPfsense },
  { id: 'lancom', name: LANCOM_PLATFORM, fileExtension: 'txt', render: renderLancom },
  { id: 'fritzbox', name: FRITZBOX_PLATFORM, fileExtension: 'txt', render: renderFritzbox },
  { id: 'fortigate', name: FORTIGATE_PLATFORM, fileExtension: 'conf', render: renderFortigate },
];

export function findFirewallFormat(id: string): FirewallFormat | undefined {
  return FIREWALL_FORMATS.find((format) => format.id === id);
}

export function renderFirewall(format: FirewallFormatId, checklist: Checklist): string {
  const found = findFirewallFormat(format);
  if (found === undefined) throw new Error(`Unknown firewall format "${format}".`);
  return found.render(checklist);
}
