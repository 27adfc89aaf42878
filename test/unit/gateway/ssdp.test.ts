// The SSDP search for an Internet Gateway Device (UDA 1.1 §1.3.2) and the router's answer.
import { describe, expect, it } from 'vitest';
import { utf8Decode, utf8Encode } from '../../../shared/bytes';
import { decodeSearchAnswer, encodeSearch, IGD_SEARCH_TARGETS } from '../../../shared/gateway/ssdp';
import { SSDP_ANSWER } from './fixtures/miniupnpd';

const text = (bytes: Uint8Array): string => utf8Decode(bytes) ?? '';

describe('the M-SEARCH', () => {
  it('unicast to the router: its own address as HOST and no MX (UDA 1.1 §1.3.2)', () => {
    expect(text(encodeSearch(IGD_SEARCH_TARGETS[0], { unicast: '192.168.100.1' }))).toBe(
      'M-SEARCH * HTTP/1.1\r\nHOST: 192.168.100.1:1900\r\nMAN: "ssdp:discover"\r\nST: urn:schemas-upnp-org:device:InternetGatewayDevice:1\r\nUSER-AGENT: TrunkCheck UPnP/1.1 TrunkCheck/1\r\n\r\n',
    );
  });

  it('multicast: the group as HOST and an MX', () => {
    const search = text(encodeSearch(IGD_SEARCH_TARGETS[0], { mx: 1 }));
    expect(search).toContain('HOST: 239.255.255.250:1900\r\n');
    expect(search).toContain('MX: 1\r\n');
  });
});

describe('the answer', () => {
  it('reads LOCATION from miniupnpd’s answer', () => {
    expect(decodeSearchAnswer(utf8Encode(SSDP_ANSWER))).toEqual({
      ok: true,
      value: { location: { host: '192.168.100.1', port: 37335, path: '/rootDesc.xml' }, st: 'urn:schemas-upnp-org:device:InternetGatewayDevice:1' },
    });
  });

  it('takes header names in any case and bare line feeds', () => {
    expect(decodeSearchAnswer(utf8Encode('HTTP/1.1 200 OK\nLocation:http://192.168.178.1:49000/igddesc.xml\nst: upnp:rootdevice\n\n'))).toMatchObject({
      ok: true,
      value: { location: { host: '192.168.178.1', port: 49000, path: '/igddesc.xml' } },
    });
  });

  it.each([
    ['a NOTIFY', 'NOTIFY * HTTP/1.1\r\nLOCATION: http://192.168.100.1:5000/d.xml\r\n\r\n', 'ssdp/status'],
    ['an error status', 'HTTP/1.1 404 Not Found\r\n\r\n', 'ssdp/status'],
    ['no LOCATION', 'HTTP/1.1 200 OK\r\nST: x\r\n\r\n', 'ssdp/location'],
    ['an https LOCATION', 'HTTP/1.1 200 OK\r\nLOCATION: https://192.168.100.1/d.xml\r\n\r\n', 'ssdp/location'],
    ['a LOCATION with credentials', 'HTTP/1.1 200 OK\r\nLOCATION: http://admin:admin@192.168.100.1/d.xml\r\n\r\n', 'ssdp/location'],
    ['a LOCATION with a space in the path', 'HTTP/1.1 200 OK\r\nLOCATION: http://192.168.100.1/a b.xml\r\n\r\n', 'ssdp/location'],
    ['a control character in a header', 'HTTP/1.1 200 OK\r\nLOCATION: http://192.168.100.1/\x00.xml\r\n\r\n', 'ssdp/bytes'],
    ['a header line without a colon', 'HTTP/1.1 200 OK\r\nX-Broken\r\nLOCATION: http://192.168.100.1/d.xml\r\n\r\n', 'ssdp/headers'],
    ['a thousand headers', `HTTP/1.1 200 OK\r\n${'X: y\r\n'.repeat(1000)}\r\n`, 'ssdp/headers'],
    ['a datagram larger than 8 KiB', `HTTP/1.1 200 OK\r\nX: ${'y'.repeat(9000)}\r\n\r\n`, 'ssdp/length'],
    ['nothing', '', 'ssdp/length'],
  ])('refuses %s', (_name, answer, where) => {
    expect(decodeSearchAnswer(utf8Encode(answer))).toEqual({ ok: false, where });
  });
});
