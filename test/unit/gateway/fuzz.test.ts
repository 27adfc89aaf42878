// Whatever bytes come from the LAN, the gateway codecs answer with a typed result: they never
// throw, and what they accept is well-formed (an IPv4 address, a URL on a host and port).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIPv4 } from '../../../shared/address';
import { fromHex, utf8Encode } from '../../../shared/bytes';
import { decodeDescription } from '../../../shared/gateway/igd-description';
import { decodePublicAddressAnswer } from '../../../shared/gateway/nat-pmp';
import { decodeAnnounceAnswer } from '../../../shared/gateway/pcp';
import { decodeGetExternalIpAnswer } from '../../../shared/gateway/soap';
import { decodeSearchAnswer } from '../../../shared/gateway/ssdp';
import { NAT_PMP_PUBLIC, PCP_ANNOUNCE, SOAP_PUBLIC, SSDP_ANSWER } from './fixtures/miniupnpd';

const RUNS = 3000;
const location = { host: '192.168.100.1', port: 37335, path: '/rootDesc.xml' };

// Random bytes, and a real answer with a few bytes changed, cut or appended.
const mutated = (seed: Uint8Array): fc.Arbitrary<Uint8Array> =>
  fc.oneof(
    fc.uint8Array({ maxLength: 64 }),
    fc.tuple(fc.array(fc.tuple(fc.nat(seed.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }), fc.nat(seed.length), fc.uint8Array({ maxLength: 8 })).map(([flips, cut, tail]) => {
      const bytes = seed.slice();
      for (const [at, value] of flips) bytes[at] = value;
      return Uint8Array.from([...bytes.subarray(0, cut), ...tail]);
    }),
  );

const markup = fc.array(fc.constantFrom('<', '>', '/', '!', '-', '[', ']', '?', '"', "'", '&', ';', '#', 'x', ':', 'service', 'serviceType', 'controlURL', 'URLBase', 'NewExternalIPAddress', 'errorCode', 'CDATA', 'DOCTYPE', '11.0.0.1', ' ', '/ctl'), { maxLength: 80 }).map((parts) => parts.join(''));

describe('the gateway codecs under fuzzing', () => {
  it('NAT-PMP answers: a typed result, an IPv4 address when accepted', () => {
    fc.assert(
      fc.property(mutated(fromHex(NAT_PMP_PUBLIC)!), (bytes) => {
        const answer = decodePublicAddressAnswer(bytes);
        if (answer.ok && answer.value.kind === 'address') expect(isIPv4(answer.value.ip)).toBe(true);
        if (!answer.ok) expect(answer.where).toMatch(/^nat-pmp\//);
      }),
      { numRuns: RUNS },
    );
  });

  it('PCP answers: a typed result, never thrown', () => {
    fc.assert(
      fc.property(mutated(fromHex(PCP_ANNOUNCE)!), (bytes) => {
        const answer = decodeAnnounceAnswer(bytes);
        if (!answer.ok) expect(answer.where).toMatch(/^pcp\//);
        else expect(answer.value.kind).toMatch(/^(answer|nat-pmp-only|other-version)$/);
      }),
      { numRuns: RUNS },
    );
  });

  it('SSDP answers: a LOCATION with a host and a port when accepted', () => {
    fc.assert(
      fc.property(mutated(utf8Encode(SSDP_ANSWER)), (bytes) => {
        const answer = decodeSearchAnswer(bytes);
        if (answer.ok) {
          expect(answer.value.location.port).toBeGreaterThan(0);
          expect(answer.value.location.path).toMatch(/^\/[\x21-\x7e]*$/);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('descriptions and SOAP answers: a typed result for any markup', () => {
    fc.assert(
      fc.property(fc.oneof(markup, fc.string({ maxLength: 200 }), fc.constant(SOAP_PUBLIC).chain((soap) => fc.nat(soap.length).map((cut) => soap.slice(0, cut)))), fc.integer({ min: 100, max: 599 }), (xml, status) => {
        const services = decodeDescription(xml, location);
        if (services.ok) for (const service of services.value) expect(service.serviceType).toMatch(/^urn:schemas-upnp-org:service:WAN(IP|PPP)Connection:\d+$/);
        const answer = decodeGetExternalIpAnswer(status, xml);
        if (answer.ok && answer.value.kind === 'address') expect(isIPv4(answer.value.ip)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
