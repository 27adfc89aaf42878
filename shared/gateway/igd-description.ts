// The router's UPnP device description (UDA 1.1 §2.3): the WAN connection services of its
// Internet Gateway Device (IGD 1.0/2.0: WANIPConnection, or WANPPPConnection on a PPPoE line)
// and the control URL where each takes SOAP actions.
import { decoded, stopped, type Decoded } from './decoded';
import { parseHttpUrl, resolveHttpUrl, type HttpUrl } from './http-url';
import { scanXml } from './xml';

export interface ConnectionService {
  readonly serviceType: string; // e.g. "urn:schemas-upnp-org:service:WANIPConnection:2"
  readonly controlUrl: HttpUrl;
}

const CONNECTION_SERVICE = /^urn:schemas-upnp-org:service:WAN(?:IP|PPP)Connection:\d{1,3}$/;
const MAX_SERVICES = 8;

// Every WAN connection service, in document order, its control URL resolved against URLBase
// (UDA 1.0) or else the description's own LOCATION (UDA 1.1 §2.3). An unreadable URL drops
// its service, not the description.
export function decodeDescription(xml: string, location: HttpUrl): Decoded<readonly ConnectionService[]> {
  const found: { serviceType: string; controlUrl: string }[] = [];
  let current: { serviceType?: string; controlUrl?: string } | undefined;
  let urlBase: string | undefined;
  const problem = scanXml(xml, {
    open(name) {
      if (name === 'service') current = {};
    },
    close({ name, text }) {
      if (name === 'URLBase') urlBase = text;
      if (current === undefined) return;
      if (name === 'serviceType') current.serviceType = text;
      else if (name === 'controlURL') current.controlUrl = text;
      else if (name === 'service') {
        const { serviceType, controlUrl } = current;
        if (serviceType !== undefined && controlUrl !== undefined && CONNECTION_SERVICE.test(serviceType)) found.push({ serviceType, controlUrl });
        current = undefined;
      }
    },
  });
  if (problem !== undefined) return stopped(`description/${problem}`);
  const base = (urlBase !== undefined && parseHttpUrl(urlBase)) || location;
  const services: ConnectionService[] = [];
  for (const { serviceType, controlUrl } of found.slice(0, MAX_SERVICES)) {
    const url = resolveHttpUrl(base, controlUrl);
    if (url !== undefined) services.push({ serviceType, controlUrl: url });
  }
  return decoded(services);
}
