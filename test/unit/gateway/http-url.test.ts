// The URLs of a device description: LOCATION, URLBase, controlURL (UDA 1.1 §2.3).
import { describe, expect, it } from 'vitest';
import { parseHttpUrl, resolveHttpUrl } from '../../../shared/gateway/http-url';

const location = { host: '192.168.100.1', port: 37335, path: '/desc/rootDesc.xml' };

describe('a URL from the router', () => {
  it.each([
    ['http://192.168.100.1:37335/rootDesc.xml', { host: '192.168.100.1', port: 37335, path: '/rootDesc.xml' }],
    ['http://192.168.100.1', { host: '192.168.100.1', port: 80, path: '/' }],
    ['HTTP://Fritz.Box:49000/igddesc.xml#top', { host: 'fritz.box', port: 49000, path: '/igddesc.xml' }],
    ['http://192.168.100.1:5000?x=1', { host: '192.168.100.1', port: 5000, path: '/?x=1' }],
  ])('reads %s', (url, parsed) => {
    expect(parseHttpUrl(url)).toEqual(parsed);
  });

  it.each(['https://192.168.100.1/', 'ftp://192.168.100.1/', 'http://user@192.168.100.1/', 'http://192.168.100.1:0/', 'http://192.168.100.1:65536/', 'http://[fe80::1]/', 'http://192.168.100.300/', 'http://a b/', 'http://192.168.100.1/\r\nX: y', `http://192.168.100.1/${'a'.repeat(2000)}`])(
    'refuses %s',
    (url) => {
      expect(parseHttpUrl(url)).toBeUndefined();
    },
  );

  it.each([
    ['/ctl/IPConn', '/ctl/IPConn'],
    ['ctl/IPConn', '/desc/ctl/IPConn'],
    ['http://192.168.100.1:5000/upnp/control/WANIPConn1', '/upnp/control/WANIPConn1'],
  ])('resolves the control URL %s against the description', (reference, path) => {
    expect(resolveHttpUrl(location, reference)?.path).toBe(path);
  });

  it('keeps an absolute control URL’s own host and port, for the caller to check', () => {
    expect(resolveHttpUrl(location, 'http://203.0.113.66:80/ctl')).toEqual({ host: '203.0.113.66', port: 80, path: '/ctl' });
  });

  it('refuses an empty or unreadable reference', () => {
    expect(resolveHttpUrl(location, '')).toBeUndefined();
    expect(resolveHttpUrl(location, 'javascript:alert(1)')).toBeUndefined();
    expect(resolveHttpUrl(location, '/a b')).toBeUndefined();
  });
});
