// A transport address as every layer passes it around: plain data, JSON-safe.

export type IpFamily = 'IPv4' | 'IPv6';

export interface TransportAddress {
  readonly family: IpFamily;
  readonly ip: string;
  readonly port: number;
}

export function formatAddress(address: Pick<TransportAddress, 'ip' | 'port'>): string {
  return address.ip.includes(':') ? `[${address.ip}]:${address.port}` : `${address.ip}:${address.port}`;
}

export function sameAddress(a: TransportAddress | undefined, b: TransportAddress | undefined): boolean {
  return a !== undefined && b !== undefined && a.ip === b.ip && a.port === b.port;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIPv4(text: string): boolean {
  return IPV4.test(text);
}

// RFC 4291 §2.2: eight groups of one to four hex digits, at most one "::" standing for one or
// more zero groups, the last 32 bits optionally written as dotted IPv4. Strict, so that
// "127.0.0.1:9:9" (an IPv4 address with two ports) is no IPv6 address.
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
export function isIPv6(text: string): boolean {
  if (text.length > 45 || !text.includes(':') || !/^[0-9a-fA-F:.]+$/.test(text)) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groupsOf = (part: string): string[] => (part === '' ? [] : part.split(':'));
  const head = groupsOf(halves[0] ?? '');
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  const groups = [...head, ...tail];
  const last = halves.length === 2 ? tail.at(-1) : head.at(-1);
  let count = groups.length;
  for (const group of groups) {
    if (HEX_GROUP.test(group)) continue;
    // Dotted IPv4 only as the very last group, counting for two.
    if (group !== last || !isIPv4(group)) return false;
    count += 1;
  }
  return halves.length === 2 ? count <= 7 : count === 8;
}

export function isValidPort(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}

// RFC 1918 and RFC 6598 (carrier-grade NAT) ranges, plus link-local and loopback.
export function isPrivateIPv4(ip: string): boolean {
  if (!isIPv4(ip)) return false;
  const [a, b] = ip.split('.').map(Number) as [number, number, number, number];
  return (
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    a === 127
  );
}

// "host", "host:port", "[v6]:port", "v6" → parts; undefined when the text cannot be an endpoint.
// An IPv6 address with a port must be bracketed: "::1:5060" is the bare address ::1:5060.
export function parseHostPort(text: string, defaultPort: number): { host: string; port: number } | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  let host = trimmed;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(trimmed);
  if (bracketed) {
    host = bracketed[1] ?? '';
    portText = bracketed[2];
    // Brackets are for IPv6 only (RFC 3986 §3.2.2).
    if (!isIPv6(host)) return undefined;
  } else if ((trimmed.match(/:/g) ?? []).length === 1) {
    const at = trimmed.lastIndexOf(':');
    host = trimmed.slice(0, at);
    portText = trimmed.slice(at + 1);
  }
  if (host === '' || /[\s/[\]]/.test(host)) return undefined;
  if (host.includes(':') && !isIPv6(host)) return undefined;
  if (portText === undefined) return { host, port: defaultPort };
  if (!/^\d{1,5}$/.test(portText)) return undefined;
  const port = Number(portText);
  return isValidPort(port) ? { host, port } : undefined;
}

// A server is an IP address or a DNS name of letters, digits and dashes (RFC 1123 §2.1), at most
// 253 characters with labels of at most 63: anything else would be handed to the resolver as is.
const DNS_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
export function isServerHost(host: string): boolean {
  if (isIPv4(host) || isIPv6(host)) return host.length <= 45;
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  return name.length >= 1 && name.length <= 253 && name.split('.').every((label) => DNS_LABEL.test(label));
}

// "host[:port]" naming a server, as typed or as a report keeps it: at most a 253-character name,
// its trailing dot and ":65535".
export function isServerText(text: unknown, defaultPort: number): text is string {
  if (typeof text !== 'string' || text.length > 260) return false;
  const parsed = parseHostPort(text, defaultPort);
  return parsed !== undefined && isServerHost(parsed.host);
}

// RFC 4193 unique local (fc00::/7), link-local (fe80::/10) and loopback.
export function isPrivateIPv6(ip: string): boolean {
  if (!isIPv6(ip)) return false;
  const lower = ip.toLowerCase();
  return /^f[cd][0-9a-f]{0,2}:/.test(lower) || /^fe[89ab][0-9a-f]?:/.test(lower) || lower === '::1';
}
