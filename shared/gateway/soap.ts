// The one SOAP action TrunkCheck takes on a router: GetExternalIPAddress of a WAN connection
// service (the UPnP IGD service templates WANIPConnection:1/:2 and WANPPPConnection:1, whose
// out argument is NewExternalIPAddress). It reads; it never adds a port mapping.
import { isIPv4 } from '../address';
import { decoded, stopped, type Decoded } from './decoded';
import { scanXml } from './xml';

export interface SoapRequest {
  readonly body: string;
  readonly soapAction: string; // the SOAPACTION header's value, quoted (UDA 1.1 §3.2.1)
}

export function encodeGetExternalIpRequest(serviceType: string): SoapRequest {
  const body =
    '<?xml version="1.0"?>\r\n' +
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" s:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">' +
    `<s:Body><u:GetExternalIPAddress xmlns:u="${serviceType}"></u:GetExternalIPAddress></s:Body></s:Envelope>\r\n`;
  return { body, soapAction: `"${serviceType}#GetExternalIPAddress"` };
}

export type ExternalIpAnswer =
  | { readonly kind: 'address'; readonly ip: string }
  // An empty NewExternalIPAddress (or 0.0.0.0): miniupnpd answers so when its own WAN address
  // is not public (since 2.2.2), as do routers that are not connected.
  | { readonly kind: 'empty' }
  // A SOAP fault (UDA 1.1 §3.2.2: HTTP 500 with UPnPError/errorCode) or another HTTP status.
  | { readonly kind: 'fault'; readonly status: number; readonly upnpError: number | null };

export function decodeGetExternalIpAnswer(status: number, body: string): Decoded<ExternalIpAnswer> {
  let address: string | undefined;
  let errorCode: string | undefined;
  const problem = scanXml(body, {
    open() {},
    close({ name, text }) {
      if (name === 'NewExternalIPAddress' && address === undefined) address = text;
      if (name === 'errorCode' && errorCode === undefined) errorCode = text;
    },
  });
  if (status !== 200) {
    const upnpError = problem === undefined && errorCode !== undefined && /^\d{1,4}$/.test(errorCode) ? Number(errorCode) : null;
    return decoded({ kind: 'fault', status, upnpError });
  }
  if (problem !== undefined) return stopped(`soap/${problem}`);
  if (address === undefined) return stopped('soap/no-address-element');
  if (address === '' || address === '0.0.0.0') return decoded({ kind: 'empty' });
  if (!isIPv4(address)) return stopped('soap/address');
  return decoded({ kind: 'address', ip: address });
}
