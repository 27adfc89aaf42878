// The router's device description (UDA 1.1 §2.3) and the answer to GetExternalIPAddress: the
// real ones of miniupnpd, the variants other routers write, and hostile XML.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeDescription } from '../../../shared/gateway/igd-description';
import { decodeGetExternalIpAnswer, encodeGetExternalIpRequest } from '../../../shared/gateway/soap';
import { MAX_XML_LENGTH } from '../../../shared/gateway/xml';
import { SOAP_FAULT, SOAP_PUBLIC, SOAP_RESERVED } from './fixtures/miniupnpd';

const MINIUPNPD_DESCRIPTION = readFileSync(new URL('./fixtures/miniupnpd-2.3.1-rootDesc.xml', import.meta.url), 'utf8');
const location = { host: '192.168.100.1', port: 37335, path: '/rootDesc.xml' };
const WANIP1 = 'urn:schemas-upnp-org:service:WANIPConnection:1';

const device = (services: string, head = '<root xmlns="urn:schemas-upnp-org:device-1-0">', tail = '</root>'): string =>
  `<?xml version="1.0"?>${head}<device><serviceList>${services}</serviceList></device>${tail}`;
const service = (type: string, control: string): string => `<service><serviceType>${type}</serviceType><controlURL>${control}</controlURL></service>`;

describe('the device description', () => {
  it('finds miniupnpd’s WANIPConnection:2 and its control URL, and no other service', () => {
    expect(decodeDescription(MINIUPNPD_DESCRIPTION, location)).toEqual({
      ok: true,
      value: [{ serviceType: 'urn:schemas-upnp-org:service:WANIPConnection:2', controlUrl: { host: '192.168.100.1', port: 37335, path: '/ctl/IPConn' } }],
    });
  });

  it('finds both connections of a router with a PPP and an IP connection, in document order', () => {
    const xml = device(service('urn:schemas-upnp-org:service:WANPPPConnection:1', '/upnp/control/WANPPPConn1') + service(WANIP1, '/upnp/control/WANIPConn1'));
    const found = decodeDescription(xml, location);
    expect(found.ok && found.value.map((s) => s.serviceType)).toEqual(['urn:schemas-upnp-org:service:WANPPPConnection:1', WANIP1]);
  });

  it('reads element names under any namespace prefix, and entities and CDATA in the text', () => {
    const xml =
      '<?xml version="1.0"?><!-- a comment <service> --><ns0:root xmlns:ns0="urn:schemas-upnp-org:device-1-0" a=">"><ns0:device><ns0:serviceList>' +
      `<ns0:service><ns0:serviceType> ${WANIP1} </ns0:serviceType><ns0:controlURL><![CDATA[/ctl?a=1&b=2]]></ns0:controlURL></ns0:service>` +
      `<x:service xmlns:x="urn:other"><x:serviceType>${WANIP1}</x:serviceType><x:controlURL>/ctl?c=1&amp;d=&#50;</x:controlURL></x:service>` +
      '</ns0:serviceList></ns0:device></ns0:root>';
    const found = decodeDescription(xml, location);
    expect(found.ok && found.value.map((s) => s.controlUrl.path)).toEqual(['/ctl?a=1&b=2', '/ctl?c=1&d=2']);
  });

  it('resolves control URLs against URLBase when the description has one (UDA 1.0)', () => {
    const xml = device(service(WANIP1, 'ctl/IPConn'), '<root xmlns="urn:schemas-upnp-org:device-1-0"><URLBase>http://192.168.100.1:5000/upnp/</URLBase>');
    const found = decodeDescription(xml, location);
    expect(found.ok && found.value[0]?.controlUrl).toEqual({ host: '192.168.100.1', port: 5000, path: '/upnp/ctl/IPConn' });
  });

  it('drops a service whose control URL cannot be read, not the description', () => {
    const xml = device(service(WANIP1, 'https://192.168.100.1/ctl') + service(WANIP1, '/ctl/ok'));
    const found = decodeDescription(xml, location);
    expect(found.ok && found.value.map((s) => s.controlUrl.path)).toEqual(['/ctl/ok']);
  });

  it('finds nothing in a description without a WAN connection service', () => {
    expect(decodeDescription(device(service('urn:schemas-upnp-org:service:Layer3Forwarding:1', '/ctl/L3F')), location)).toEqual({ ok: true, value: [] });
    expect(decodeDescription(device(service('urn:schemas-upnp-org:service:WANIPConnection:1 evil', '/ctl')), location)).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['a DOCTYPE (entity expansion)', `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>${device(service(WANIP1, '&b;'))}`, 'description/xml/doctype'],
    ['an unterminated comment', `<root><!-- ${'<service>'.repeat(10_000)}`, 'description/xml/comment'],
    ['an unterminated CDATA section', '<root><![CDATA[ x', 'description/xml/cdata'],
    ['a tag that never closes', '<root><service', 'description/xml/tag'],
    ['a tag with no name', '<root>< ></root>', 'description/xml/tag'],
    ['a body beyond the size limit', `<root>${' '.repeat(MAX_XML_LENGTH)}</root>`, 'description/xml/length'],
    ['forty thousand empty elements', `<root>${'<a/>'.repeat(40_000)}</root>`, 'description/xml/tags'],
  ])('refuses %s', (_name, xml, where) => {
    expect(decodeDescription(xml, location)).toEqual({ ok: false, where });
  });

  it('reads a quarter megabyte of hostile markup in one pass', () => {
    const xml = `<root>${'<service x=">>" y=\'<\'>&amp;&#x41;'.repeat(7_500)}`;
    expect(xml.length).toBeGreaterThan(240_000);
    const started = performance.now();
    expect(decodeDescription(xml, location)).toEqual({ ok: true, value: [] });
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('GetExternalIPAddress', () => {
  it('asks with the service’s type as SOAPACTION, quoted (UDA 1.1 §3.2.1)', () => {
    const request = encodeGetExternalIpRequest('urn:schemas-upnp-org:service:WANIPConnection:2');
    expect(request.soapAction).toBe('"urn:schemas-upnp-org:service:WANIPConnection:2#GetExternalIPAddress"');
    expect(request.body).toContain('<u:GetExternalIPAddress xmlns:u="urn:schemas-upnp-org:service:WANIPConnection:2"></u:GetExternalIPAddress>');
  });

  it('reads the address from miniupnpd’s answer', () => {
    expect(decodeGetExternalIpAnswer(200, SOAP_PUBLIC)).toEqual({ ok: true, value: { kind: 'address', ip: '11.0.0.1' } });
  });

  it('reads miniupnpd’s empty NewExternalIPAddress as "no address" (its WAN address is not public)', () => {
    expect(decodeGetExternalIpAnswer(200, SOAP_RESERVED)).toEqual({ ok: true, value: { kind: 'empty' } });
  });

  it('reads 0.0.0.0 and a self-closing element as "no address"', () => {
    expect(decodeGetExternalIpAnswer(200, '<Envelope><Body><r><NewExternalIPAddress>0.0.0.0</NewExternalIPAddress></r></Body></Envelope>')).toEqual({ ok: true, value: { kind: 'empty' } });
    expect(decodeGetExternalIpAnswer(200, '<Envelope><Body><r><NewExternalIPAddress/></r></Body></Envelope>')).toEqual({ ok: true, value: { kind: 'empty' } });
  });

  it('reads the UPnP error of a SOAP fault (UDA 1.1 §3.2.2)', () => {
    expect(decodeGetExternalIpAnswer(500, SOAP_FAULT)).toEqual({ ok: true, value: { kind: 'fault', status: 500, upnpError: 401 } });
    expect(decodeGetExternalIpAnswer(401, 'Unauthorized')).toEqual({ ok: true, value: { kind: 'fault', status: 401, upnpError: null } });
  });

  it.each([
    ['no NewExternalIPAddress', '<Envelope><Body><r/></Body></Envelope>', 'soap/no-address-element'],
    ['a name instead of an address', '<a><NewExternalIPAddress>evil.example</NewExternalIPAddress></a>', 'soap/address'],
    ['an address with a line break in it', '<a><NewExternalIPAddress>11.0.0.1&#10;X: 1</NewExternalIPAddress></a>', 'soap/address'],
    ['a DOCTYPE', '<!DOCTYPE a><a><NewExternalIPAddress>11.0.0.1</NewExternalIPAddress></a>', 'soap/xml/doctype'],
  ])('refuses %s', (_name, body, where) => {
    expect(decodeGetExternalIpAnswer(200, body)).toEqual({ ok: false, where });
  });
});
