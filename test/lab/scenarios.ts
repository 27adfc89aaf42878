// The router's nftables ruleset per scenario, and the second NAT's in the two-NAT topologies.
// Interfaces inside each router namespace: lan0 faces the LAN host, wan0 faces the "internet".
import type { LabScenario } from './lab.js';

const PBX = '192.168.100.5';
const WAN = '203.0.113.1';

// Scenarios without NAT need the internet side to route the LAN prefix back to the router.
export function scenarioRoutesBack(scenario: LabScenario): boolean {
  return scenario === 'no-nat' || scenario === 'firewall';
}

export function scenarioRuleset(scenario: LabScenario, options: { lossPercent: number }): string {
  const table = (...chains: string[]): string => `table ip trunkcheck_lab {\n${chains.join('\n')}\n}\n`;
  // Linux masquerade keeps the source port when it is free and reuses the mapping for every
  // destination (endpoint-independent mapping); conntrack only lets in replies from the exact
  // remote address and port (address-and-port-dependent filtering).
  const masquerade = (flags = ''): string =>
    `  chain postrouting { type nat hook postrouting priority srcnat; policy accept;\n    oifname "wan0" masquerade ${flags}\n  }`;

  // A router that drops IP fragments (issue 14): a filter hooked in before conntrack reassembles
  // them (defragmentation runs at priority -400), so the fragments themselves are seen. Any
  // fragment has the MF flag (0x2000) or an offset (0x1fff) in frag-off; a whole datagram has neither.
  const dropFragments = (interfaces: string): string =>
    `  chain fragments { type filter hook prerouting priority -450; policy accept;\n    iifname ${interfaces} ip frag-off & 0x3fff != 0 counter drop\n  }`;

  switch (scenario) {
    case 'no-nat':
      return table('  chain forward { type filter hook forward priority filter; policy accept; }');
    case 'firewall':
      // RFC 3489 "symmetric UDP firewall": no translation, inbound only as a reply.
      return table(
        `  chain forward { type filter hook forward priority filter; policy accept;
    iifname "wan0" oifname "lan0" ct state established,related accept
    iifname "wan0" oifname "lan0" drop
  }`,
      );
    case 'masquerade':
    case 'short-timeout': // the timeout itself is a per-namespace sysctl, see lab.ts
    case 'cgn': // the home router behind the provider's CGN: a plain home router (see upstreamRuleset)
    case 'double-nat': // the customer's own router behind the provider's router
      return table(masquerade());
    case 'random-fully':
      // nft spells iptables' --random-fully as "fully-random": a fresh random port per flow.
      return table(masquerade('fully-random'));
    case 'full-cone':
      // 1:1 mapping: the WAN address stands for the PBX in both directions, ports unchanged.
      return table(
        `  chain prerouting { type nat hook prerouting priority dstnat; policy accept;
    iifname "wan0" ip daddr ${WAN} meta l4proto udp dnat to ${PBX}
  }`,
        `  chain postrouting { type nat hook postrouting priority srcnat; policy accept;
    oifname "wan0" ip saddr ${PBX} snat to ${WAN}
  }`,
      );
    case 'restricted-cone':
      // Address-dependent filtering: remember, per PBX source port, every remote address the PBX
      // sent UDP to; a new inbound flow from such an address to that port on the WAN address
      // reaches the PBX on the same port (masquerade keeps ports when free, so LAN port = WAN
      // port). Keying by port too keeps one socket's contacts from opening another socket's
      // mapping, as in a real restricted-cone NAT where the filter belongs to the mapping.
      return table(
        '  set contacted { type ipv4_addr . inet_service; flags dynamic, timeout; timeout 10m; }',
        `  chain forward { type filter hook forward priority filter; policy accept;
    iifname "lan0" oifname "wan0" ip saddr ${PBX} meta l4proto udp add @contacted { ip daddr . udp sport }
  }`,
        `  chain prerouting { type nat hook prerouting priority dstnat; policy accept;
    iifname "wan0" ip daddr ${WAN} ip saddr . udp dport @contacted dnat to ${PBX}
  }`,
        masquerade(),
      );
    case 'udp-blocked':
      return table(
        `  chain forward { type filter hook forward priority filter; policy accept;
    meta l4proto udp drop
  }`,
        masquerade(),
      );
    case 'fragments-dropped-inbound':
      return table(dropFragments('"wan0"'), masquerade());
    case 'fragments-dropped':
      return table(dropFragments('{ "wan0", "lan0" }'), masquerade());
    case 'lossy':
      // tc netem is not available on this kernel; drop a random share of forwarded UDP instead.
      return table(
        `  chain forward { type filter hook forward priority filter; policy accept;
    meta l4proto udp numgen random mod 100 < ${options.lossPercent} counter drop
  }`,
        masquerade(),
      );
  }
}

// The second NAT of the two-NAT topologies, or null where there is none. A CGN, like the
// provider's router, masquerades its customers' traffic to its own public address; Linux
// masquerade keeps endpoint-independent mapping, as RFC 6888 REQ-1 asks of a CGN.
export function upstreamRuleset(scenario: LabScenario): string | null {
  if (scenario !== 'cgn' && scenario !== 'double-nat') return null;
  return 'table ip trunkcheck_lab {\n  chain postrouting { type nat hook postrouting priority srcnat; policy accept;\n    oifname "wan0" masquerade\n  }\n}\n';
}
