// The address attributes, RFC 8489 §14.1 (MAPPED-ADDRESS form) and §14.2 (XOR form). One codec
// serves MAPPED-, OTHER-, RESPONSE-ORIGIN, ALTERNATE-SERVER and the RFC 3489 CHANGED- and
// SOURCE-ADDRESS; the XOR codec serves XOR-MAPPED-ADDRESS. Values are read in place, XORed on
// the fly: nothing is copied on the way from the datagram to the address text.

import type { TransportAddress } from '../address';
import { Attr, ATTRIBUTE_HEADER_LENGTH, attributePlace, MAGIC_COOKIE } from './constants';
import { StunError } from './errors';
import { formatIPv4Octets, formatIPv6Words, parseIPv4, parseIPv6 } from './ip';
import { type RawAttribute, type StunMessage } from './message';

const FAMILY_IPV4 = 0x01; // RFC 8489 §14.1
const FAMILY_IPV6 = 0x02; // RFC 8489 §14.1
const XOR_KEY_OFFSET = 4; // the key starts at the magic cookie, header byte 4 (RFC 8489 §14.2)

const NO_KEY = new Uint8Array(16);

// Reads the address value bytes[start, start + length), each byte XORed with key[keyAt + …]: the
// 16 header bytes after the length for the XOR form (RFC 8489 §14.2), zeros for the plain form.
// `place` is a place string, or the attribute type to name one after, only when something fails.
function readAddress(
  bytes: Uint8Array,
  start: number,
  length: number,
  key: Uint8Array,
  keyAt: number,
  place: string | number,
): TransportAddress {
  if (length < 4) throw addressError(place, `value of ${length} bytes is too short for an address`);
  const family = bytes[start + 1]!;
  const port = ((bytes[start + 2]! ^ key[keyAt]!) << 8) | (bytes[start + 3]! ^ key[keyAt + 1]!);
  const ip = start + 4;
  if (family === FAMILY_IPV4) {
    if (length !== 8) throw addressError(place, `IPv4 address value must be 8 bytes, not ${length}`);
    return {
      family: 'IPv4',
      ip: formatIPv4Octets(
        bytes[ip]! ^ key[keyAt]!,
        bytes[ip + 1]! ^ key[keyAt + 1]!,
        bytes[ip + 2]! ^ key[keyAt + 2]!,
        bytes[ip + 3]! ^ key[keyAt + 3]!,
      ),
      port,
    };
  }
  if (family === FAMILY_IPV6) {
    if (length !== 20) throw addressError(place, `IPv6 address value must be 20 bytes, not ${length}`);
    const words = IPV6_WORDS;
    for (let i = 0; i < 8; i++) {
      words[i] = ((bytes[ip + 2 * i]! ^ key[keyAt + 2 * i]!) << 8) | (bytes[ip + 2 * i + 1]! ^ key[keyAt + 2 * i + 1]!);
    }
    return { family: 'IPv6', ip: formatIPv6Words(words), port };
  }
  throw addressError(place, `unknown address family 0x${family.toString(16).padStart(2, '0')}`);
}

const IPV6_WORDS = new Uint16Array(8); // scratch for readAddress, read by formatIPv6Words at once

function addressError(place: string | number, detail: string): StunError {
  return new StunError(typeof place === 'number' ? attributePlace(place) : place, detail);
}

export function decodeAddressValue(value: Uint8Array, place = 'attribute/mapped-address'): TransportAddress {
  return readAddress(value, 0, value.length, NO_KEY, 0, place);
}

// The XOR key is the 16 header bytes after the length: magic cookie plus transaction ID
// (RFC 8489 §14.2). For an RFC 3489 message that is its 16-byte transaction ID.
function xorKey(transactionId: Uint8Array, place: string): Uint8Array {
  if (transactionId.length === 16) return transactionId;
  if (transactionId.length !== 12) {
    throw new StunError(place, `transaction ID must be 12 (or 16 legacy) bytes, not ${transactionId.length}`);
  }
  const key = new Uint8Array(16);
  key[0] = MAGIC_COOKIE >>> 24;
  key[1] = (MAGIC_COOKIE >>> 16) & 0xff;
  key[2] = (MAGIC_COOKIE >>> 8) & 0xff;
  key[3] = MAGIC_COOKIE & 0xff;
  key.set(transactionId, 4);
  return key;
}

export function decodeXorAddressValue(
  value: Uint8Array,
  transactionId: Uint8Array,
  place = 'attribute/xor-mapped-address',
): TransportAddress {
  if (value.length < 4) throw new StunError(place, `value of ${value.length} bytes is too short for an address`);
  return readAddress(value, 0, value.length, xorKey(transactionId, place), 0, place);
}

export function encodeAddressValue(address: TransportAddress): Uint8Array {
  const place = 'encode/address';
  if (!Number.isInteger(address.port) || address.port < 0 || address.port > 0xffff) {
    throw new StunError(place, `port ${address.port} is not 0–65535`);
  }
  const ip = address.family === 'IPv4' ? parseIPv4(address.ip) : address.family === 'IPv6' ? parseIPv6(address.ip) : undefined;
  if (!ip) throw new StunError(place, `"${address.ip}" is not an ${address.family} address`);
  const out = new Uint8Array(4 + ip.length);
  out[1] = address.family === 'IPv4' ? FAMILY_IPV4 : FAMILY_IPV6;
  out[2] = address.port >> 8;
  out[3] = address.port & 0xff;
  out.set(ip, 4);
  return out;
}

export function encodeXorAddressValue(address: TransportAddress, transactionId: Uint8Array): Uint8Array {
  const out = encodeAddressValue(address);
  const key = xorKey(transactionId, 'encode/address');
  out[2] = out[2]! ^ key[0]!;
  out[3] = out[3]! ^ key[1]!;
  for (let i = 4; i < out.length; i++) out[i] = out[i]! ^ key[i - 4]!;
  return out;
}

// Decodes one attribute record of an address type; used by describeMessage. In a decoded message
// the XOR key sits in `raw` itself, at the cookie.
export function decodeAddressAttribute(attribute: RawAttribute, msg: StunMessage): TransportAddress {
  const { type, value } = attribute;
  return type === Attr.XOR_MAPPED_ADDRESS
    ? readAddress(value, 0, value.length, msg.raw, XOR_KEY_OFFSET, type)
    : readAddress(value, 0, value.length, NO_KEY, 0, type);
}

function addressGetter(type: number): (msg: StunMessage) => TransportAddress | undefined {
  const xor = type === Attr.XOR_MAPPED_ADDRESS;
  return (msg) => {
    const at = msg.find(type);
    if (at < 0) return undefined;
    const start = at + ATTRIBUTE_HEADER_LENGTH;
    const length = msg.lengthAt(at);
    return xor ? readAddress(msg.raw, start, length, msg.raw, XOR_KEY_OFFSET, type) : readAddress(msg.raw, start, length, NO_KEY, 0, type);
  };
}

export const getXorMappedAddress = addressGetter(Attr.XOR_MAPPED_ADDRESS);
export const getMappedAddress = addressGetter(Attr.MAPPED_ADDRESS);
export const getOtherAddress = addressGetter(Attr.OTHER_ADDRESS);
export const getResponseOrigin = addressGetter(Attr.RESPONSE_ORIGIN);
export const getChangedAddress = addressGetter(Attr.CHANGED_ADDRESS);
export const getSourceAddress = addressGetter(Attr.SOURCE_ADDRESS);
export const getAlternateServer = addressGetter(Attr.ALTERNATE_SERVER);
export const getResponseAddress = addressGetter(Attr.RESPONSE_ADDRESS);
export const getReflectedFrom = addressGetter(Attr.REFLECTED_FROM);

export const ADDRESS_ATTRIBUTES: ReadonlySet<number> = new Set([
  Attr.MAPPED_ADDRESS,
  Attr.XOR_MAPPED_ADDRESS,
  Attr.OTHER_ADDRESS,
  Attr.RESPONSE_ORIGIN,
  Attr.CHANGED_ADDRESS,
  Attr.SOURCE_ADDRESS,
  Attr.ALTERNATE_SERVER,
  Attr.RESPONSE_ADDRESS,
  Attr.REFLECTED_FROM,
]);
