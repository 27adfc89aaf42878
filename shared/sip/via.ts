// The Via header (RFC 3261 §20.42, §18.2.2) and its NAT parameters: `received` (RFC 3261 §18.2.1)
// and `rport` (RFC 3581 §4). A Via that cannot be read is `undefined`, never an exception:
// responses come from the network and an answer with a broken Via is simply not ours.
import { isIPv4, isIPv6 } from '../address';
import { TOKEN_CHARS } from './grammar';

export interface ViaParams {
  readonly branch: string | undefined;
  readonly received: string | undefined;
  // RFC 3581: a bare `;rport` in a request asks for the port; a response fills in the number.
  readonly rport: number | true | undefined;
}

export interface Via {
  readonly transport: string;     // "UDP", upper-cased
  readonly host: string;          // IPv6 without brackets
  readonly port: number | undefined;
  readonly params: ViaParams;
}

export const BRANCH_MAGIC_COOKIE = 'z9hG4bK'; // RFC 3261 §8.1.1.7

const TOKEN = "[A-Za-z0-9.!%*_+`'~-]+";
// sent-protocol LWS sent-by, with SWS around the slashes (RFC 3261 §25.1).
const VIA_PARM = new RegExp(
  `^(${TOKEN})\\s*/\\s*(${TOKEN})\\s*/\\s*(${TOKEN})\\s+(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(?:\\s*:\\s*(\\d{1,5}))?\\s*(;.*)?$`,
  's',
);

// The whole Via value as RFC 3261 §25.1 writes it, for the message parser (which refuses a message
// whose Via does not follow it, RFC 4475 §3.1.2.1): via-parm *(COMMA via-parm), where
//   via-parm      = sent-protocol LWS sent-by *( SEMI via-params )
//   sent-protocol = protocol-name SLASH protocol-version SLASH transport   (each a token)
//   sent-by       = host [ COLON port ]
//   via-params    = generic-param = token [ EQUAL gen-value ]; gen-value = token / host / quoted-string
// SLASH, SEMI, COMMA, EQUAL and COLON allow whitespace around them (SWS). The value arrives unfolded
// (§7.3.1). Which values the parameters hold (a port in range, an IP in received) is parseVia's concern.
const SWS = '[ \\t]*';
const VIA_TOKEN = `[${TOKEN_CHARS}]+`;
const SENT_PROTOCOL = `${VIA_TOKEN}${SWS}/${SWS}${VIA_TOKEN}${SWS}/${SWS}${VIA_TOKEN}`;
const SENT_BY = `(?:\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(?:${SWS}:${SWS}\\d+)?`;
const GEN_VALUE = `(?:[${TOKEN_CHARS}:[\\]]+|"(?:[^"\\\\]|\\\\.)*")`; // host covers received's bare IPv6
const VIA_PARAM = `${SWS};${SWS}${VIA_TOKEN}(?:${SWS}=${SWS}${GEN_VALUE})?`;
const VIA_PARM_GRAMMAR = `${SENT_PROTOCOL}[ \\t]+${SENT_BY}(?:${VIA_PARAM})*`;
const VIA_GRAMMAR = new RegExp(`^${VIA_PARM_GRAMMAR}(?:${SWS},${SWS}${VIA_PARM_GRAMMAR})*$`);

export function isViaValue(value: string): boolean {
  return VIA_GRAMMAR.test(value);
}

// The first via-parm of a header value: a Via line may carry several, separated by commas
// (RFC 3261 §7.3.1); commas inside a quoted parameter value do not count.
function firstViaParm(value: string): string {
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === '\\' && quoted) i++;
    else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) return value.slice(0, i);
  }
  return value;
}

function splitParams(text: string): Map<string, string | true> {
  const params = new Map<string, string | true>();
  for (const part of text.split(';')) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const equals = trimmed.indexOf('=');
    const name = (equals === -1 ? trimmed : trimmed.slice(0, equals)).trim().toLowerCase();
    let value: string | true = equals === -1 ? true : trimmed.slice(equals + 1).trim();
    if (typeof value === 'string' && value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (!params.has(name)) params.set(name, value);
  }
  return params;
}

function readRport(value: string | true | undefined): number | true | undefined {
  if (value === undefined || value === true) return value;
  if (value === '') return true;
  if (!/^\d{1,5}$/.test(value)) return undefined;
  const port = Number(value);
  return port >= 1 && port <= 65535 ? port : undefined;
}

function readReceived(value: string | true | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const host = value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value;
  return isIPv4(host) || isIPv6(host) ? host : undefined;
}

export function parseVia(value: string): Via | undefined {
  if (value.length > 4096) return undefined;
  const match = VIA_PARM.exec(firstViaParm(value).trim());
  if (!match) return undefined;
  const [, name, version, transport, rawHost, portText, paramText] = match;
  if (name?.toUpperCase() !== 'SIP' || version !== '2.0' || transport === undefined || rawHost === undefined) return undefined;
  let port: number | undefined;
  if (portText !== undefined) {
    port = Number(portText);
    if (port < 1 || port > 65535) return undefined;
  }
  const host = rawHost.startsWith('[') ? rawHost.slice(1, -1) : rawHost;
  const params = splitParams(paramText ?? '');
  const branch = params.get('branch');
  return {
    transport: transport.toUpperCase(),
    host,
    port,
    params: {
      branch: typeof branch === 'string' && branch !== '' ? branch : undefined,
      received: readReceived(params.get('received')),
      rport: readRport(params.get('rport')),
    },
  };
}

// host[:port] as written in a Via sent-by or a SIP URI: IPv6 references in brackets (RFC 3261 §25.1).
export function formatHostPort(host: string, port?: number): string {
  const written = host.includes(':') ? `[${host}]` : host;
  return port === undefined ? written : `${written}:${port}`;
}

// Two sent-by values are the same when host (case-insensitive, RFC 3261 §19.1.4 for hosts)
// and port agree.
export function sameSentBy(a: Pick<Via, 'host' | 'port'>, b: Pick<Via, 'host' | 'port'>): boolean {
  return a.host.toLowerCase() === b.host.toLowerCase() && a.port === b.port;
}
