// The words of the firewall exports' comment lines, one table per language (en/firewall.ts,
// de/firewall.ts; STYLE.md habit 11), so a key missing in one language is a type error. The
// renderers (shared/firewall/) only arrange these sentences around the real addresses and ports of
// the checklist. Sentences the domain already speaks as codes (a failed rule's fix, the IPv6
// address translation) come from the message catalog (word()), not from here; the verdict and
// status names are the terminal's (terminal.ts).
import type { RuleId, RuleStatus, Verdict } from '../report';

export interface FirewallText {
  readonly common: {
    title(platform: string): string;
    site(name: string, customer: string, technician: string): string;
    pbx(ip: string, profile: string, sipPort: number, rtp: string): string;
    publicAddress(ip: string | null, nat: string): string;
    created(date: string): string;
    verdict: Record<Verdict, string>;
    rulesHeading: string;
    status: Record<RuleStatus, string>;
    ruleTitle: Record<RuleId, string>;
    ruleLine(number: number, title: string, status: string, flow: string): string;
    evidence(text: string): string;
    fix(text: string): string;                   // text: the rule's fix code, worded
    summary(verified: string, failed: string, untested: string): string;
    none: string;
    any: string;
    port: string;
    unknown: string;
    untestedNote: string;
    failedNote: string;
    qos(on: boolean): string;
    qosUnsupported: string;
    natRewritesPorts: string;
    unresolved(host: string): string;
    otherFamily(addresses: string): string;
    cannotWrite(number: number): string;
    noPublicIp: string;
    publicIpMayChange(ip: string): string;
    sources: string;
    pbxIpv6(ip: string, rules: string): string;
    ipv6Translated(translated: string, local: string, mapped: string): string;  // translated: ipv6/translated, worded
  };
  readonly windows: {
    scope: string;
    usage: string;
    section1: string;
    section2: string;
    qosNote: string;
    netshNoQos: string;
    remove: string;
  };
  readonly nftables: {
    scope: readonly string[];
    acceptNote: readonly string[];
    load: string;
    forward: string;
    input: string;
    output: string;
    dnat: string;
    dscp: string;
    masquerade: string;
    dualStack(rules: string): string;
  };
  readonly iptables: {
    scope: readonly string[];
    load(tool: string): string;
    reload: string;
    forward: string;
    input: string;
    output: string;
    dnat: string;
    dscp: string;
    masquerade: string;
    ipv6Elsewhere(rules: string): string;
    ipv6Only(rules: string): string;
    noIpv6: string;
  };
  readonly mikrotik: {
    scope: string;
    order: string;
    addressList: string;
    filter: string;
    dnat: string;
    mangle: string;
    sipHelper: string;
    reconnect: string;
    ipv6(rules: string): string;
    ipv6AddressList: string;
  };
  readonly pfsense: {
    scope: string;
    stepsHeading: string;
    aliasStep(name: string, entries: string): string;
    portAliasStep(name: string, entries: string): string;
    outboundModeStep: string;
    staticPortStep(pbx: string): string;
    staticPortWhy: string;
    portForwardStep(number: number, source: string, ports: string, pbx: string): string;
    wanRuleStep(number: number, source: string, ports: string, pbx: string): string;
    lanRuleStep(number: number, pbx: string, pbxPorts: string, destination: string, destinationPorts: string): string;
    statesStep: string;
    opnsense: string;
    qos: string;
    xmlHeading: string;
    xmlMerge: string;
    ipv6(rules: string): string;
    wanRule6Step(number: number, source: string, ports: string, pbx: string): string;
    lanRule6Step(number: number, pbx: string, pbxPorts: string, destination: string, destinationPorts: string): string;
  };
  readonly lancom: {
    scope: string;
    stepsHeading: string;
    ruleStep(number: number, name: string, source: string, sourcePorts: string, destination: string, destinationPorts: string): string;
    ruleTabs: string;
    forwardStep(ports: string, pbx: string): string;
    forwardSource: string;
    qosStep(name: string): string;
    qosDiffServ: string;
    noForward: string;
    ipv6RuleTabs(rules: string): string;
  };
  readonly fritzbox: {
    scope: string;
    stepsHeading: string;
    open: string;
    addDevice(pbx: string): string;
    share(name: string, ports: string): string;
    noSourceFilter: string;
    outbound: string;
    dsLite: string;
    ownTelephony(port: number): string;
    ownTelephonyConflict(port: number): string;
    pcp: string;
    ipv6Device(ip: string, interfaceId: string): string;
    share6(name: string, ports: string): string;
    ipv6PerDevice: string;
  };
  readonly fortigate: {
    scope: string;
    interfaces: string;
    addresses: string;
    fqdn(host: string): string;
    services: string;
    sourcePorts(ports: string): string;
    vips: string;
    policies: string;
    alg: string;
    helperCheck: string;
    ttl(keepaliveSec: number): string;
    ttlTooLong(keepaliveSec: number): string;
    addresses6: string;
    policies6(rules: string): string;
  };
}
