// The firewall export formats by id alone, for code that only names or checks them (the IPC
// contract's validators): importing the renderers (index.ts) would load all of them.
export const FIREWALL_FORMAT_IDS = ['windows', 'nftables', 'iptables', 'ip6tables', 'mikrotik', 'pfsense', 'lancom', 'fritzbox', 'fortigate'] as const;

export type FirewallFormatId = (typeof FIREWALL_FORMAT_IDS)[number];
