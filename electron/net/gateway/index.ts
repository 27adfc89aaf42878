// The LAN's router: where it is (the routing table) and what it says of itself (UPnP IGD,
// NAT-PMP, PCP). Diagnose imports from here.
export { defaultGateway, parseLinuxRouteTable, parseWindowsRoutePrint } from './default-route';
export { askDefaultGateway, askGateway, type AskGatewayOptions, type GatewayAnswer } from './ask';
