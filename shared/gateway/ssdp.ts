// SSDP search (UPnP Device Architecture 1.1 §1.3.2, 2.0 §1.3.2): an M-SEARCH for an Internet
// Gateway Device and the router's answer, whose LOCATION is its device description.
import { utf8Encode } from '../bytes';
import { decoded, stopped, type Decoded } from './decoded';
import { parseHttpUrl, type HttpUrl } from './http-url';

export const SSDP_PORT = 1900; // UDA 1.1 §1.1.2
export const SSDP_MULTICAST = '239.255.255.250'; // UDA 1.1 §1.1.2
export const SSDP_MULTICAST_TTL = 2; // UDA 1.1 §1.1.2: "SHOULD default to 2"

// IGD:2 devices answer a search for IGD:1 too (UDA 1.1 §1.3.2: devices MUST respond to search
// requests for any supported version); the connection services find routers that announce
// their WAN connection but not the root device type.
export const IGD_SEARCH_TARGETS = [
  'urn:schemas-upnp-org:device:InternetGatewayDevice:1',
  'urn:schemas-upnp-org:service:WANIPConnection:1',
  'urn:schemas-upnp-org:service:WANPPPConnection:1',
] as const;

// Unicast to the router (UDA 1.1 §1.3.2: HOST is its address and port, no MX: it answers at
// once) or multicast to the group (MX: the seconds a device may wait at random before answering).
export function encodeSearch(target: string, to: { readonly unicast: string } | { readonly mx: number }): Uint8Array {
  const lines = [
    'M-SEARCH * HTTP/1.1',
    'unicast' in to ? `HOST: ${to.unicast}:${SSDP_PORT}` : `HOST: ${SSDP_MULTICAST}:${SSDP_PORT}`,
    'MAN: "ssdp:discover"',
    ...('mx' in to ? [`MX: ${to.mx}`] : []),
    `ST: ${target}`,
    'USER-AGENT: TrunkCheck UPnP/1.1 TrunkCheck/1',
  ];
  return utf8Encode(`${lines.join('\r\n')}\r\n\r\n`);
}

export interface SearchAnswer {
  readonly location: HttpUrl;
  readonly st: string;
}

const MAX_HEADERS = 32;
const MAX_LINE = 1024;

// UDA 1.1 §1.3.3: "HTTP/1.1 200 OK", then headers whose names are case-insensitive; LOCATION is
// required. A NOTIFY or any other request is not an answer.
export function decodeSearchAnswer(bytes: Uint8Array): Decoded<SearchAnswer> {
  if (bytes.length === 0 || bytes.length > 8192) return stopped('ssdp/length');
  let text = '';
  for (const byte of bytes) {
    // Control characters other than tab and line ends have no place in HTTP headers (RFC 9110 §5.5).
    if (byte === 0x7f || (byte < 0x20 && byte !== 0x0d && byte !== 0x0a && byte !== 0x09)) return stopped('ssdp/bytes');
    text += String.fromCharCode(byte);
  }
  const lines = text.split(/\r?\n/);
  if (!/^HTTP\/1\.[01] 200(?: |$)/i.test(lines[0] ?? '')) return stopped('ssdp/status');
  const headers = new Map<string, string>();
  let count = 0;
  for (const line of lines.slice(1)) {
    if (line === '') break;
    if (++count > MAX_HEADERS || line.length > MAX_LINE) return stopped('ssdp/headers');
    const colon = line.indexOf(':');
    if (colon <= 0) return stopped('ssdp/headers');
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  const locationText = headers.get('location');
  if (locationText === undefined) return stopped('ssdp/location');
  const location = parseHttpUrl(locationText);
  if (location === undefined) return stopped('ssdp/location');
  return decoded({ location, st: headers.get('st') ?? '' });
}
