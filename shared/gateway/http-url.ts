// The HTTP URLs an Internet Gateway Device hands out (SSDP LOCATION, URLBase, controlURL), read
// strictly: plain http, an IPv4 literal or a name as host, a port, a path. Nothing else is
// followed: no userinfo, no https, no IPv6 (the gateway is asked over IPv4).
import { isIPv4 } from '../address';

export interface HttpUrl {
  readonly host: string;
  readonly port: number;
  readonly path: string; // starts with "/", query included, fragment dropped
}

const MAX_URL = 1024;
const HOST = /^[A-Za-z0-9.-]{1,253}$/;
const PATH_CHARS = /^[\x21-\x7e]*$/; // printable ASCII without space: no header or line injection

export function parseHttpUrl(text: string): HttpUrl | undefined {
  const url = text.trim();
  if (url.length > MAX_URL || !/^http:\/\//i.test(url)) return undefined;
  const rest = url.slice('http://'.length);
  const slash = rest.search(/[/?#]/);
  const authority = slash === -1 ? rest : rest.slice(0, slash);
  const path = pathOf(slash === -1 ? '/' : rest.slice(slash));
  if (path === undefined) return undefined;
  const match = /^([^:]+)(?::(\d{1,5}))?$/.exec(authority);
  if (!match) return undefined;
  const host = match[1]!;
  const port = match[2] === undefined ? 80 : Number(match[2]);
  if (!HOST.test(host) || (/^[\d.]+$/.test(host) && !isIPv4(host))) return undefined;
  if (port < 1 || port > 65535) return undefined;
  return { host: host.toLowerCase(), port, path };
}

// A reference as UDA 1.1 §2.3 allows it in a description: absolute, absolute-path, or relative
// to the base (URLBase if the description has one, else the LOCATION it came from).
export function resolveHttpUrl(base: HttpUrl, reference: string): HttpUrl | undefined {
  const ref = reference.trim();
  if (ref.length === 0 || ref.length > MAX_URL) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) return parseHttpUrl(ref);
  if (ref.startsWith('//')) return parseHttpUrl(`http:${ref}`);
  const basePath = base.path.replace(/[?#].*$/, '');
  const joined = ref.startsWith('/') ? ref : `${basePath.slice(0, basePath.lastIndexOf('/') + 1)}${ref}`;
  const path = pathOf(joined);
  return path === undefined ? undefined : { host: base.host, port: base.port, path };
}

function pathOf(raw: string): string | undefined {
  const path = raw.replace(/#.*$/, '');
  if (!PATH_CHARS.test(path)) return undefined;
  return path.startsWith('/') ? path : `/${path}`;
}
