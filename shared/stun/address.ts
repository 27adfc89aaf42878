// The address attributes, RFC 8489 §14.1 (MAPPED-ADDRESS form) and §14.2 (XOR form). One codec
// serves MAPPED-, OTHER-, RESPONSE-ORIGIN, ALTERNATE-SERVER and the RFC 3489 CHANGED- and
// SOURCE-ADDRESS; the XOR codec serves XOR-MAPPED-ADDRESS.

import type { TransportAddress } from '../address';
import { Attr, attributePlace, MAGIC_COOKIE } from './constants';
import { StunError } from './errors';
import { formatIPv4, formatIPv6, parseIPv4, parseIPv6 } from './ip';
import { getAttribute, type RawAttribute, type StunMessage } from './message';

const FAMILY_IPV4 = 0x01; // RFC 8489 §14.1
const FAMILY_IPV6 = 0x02; // RFC 8489 §14.1

export function decodeAddressValue(value: Uint8Array, place = 'attribute/mapped-address'): TransportAddress {
  if (value.length < 4) throw new StunError(place, `value of ${value.length} bytes is too short for an address`);
  const family = value[1]!;
  const port = (value[2]! << 8) | value[3]!;
  if (family === FAMILY_IPV4) {
    if (value.length !== 8) throw new StunError(place, `IPv4 address value must be 8 bytes, not ${value.length}`);
    return { family: 'IPv4', ip: formatIPv4(value.subarray(4, 8)), port };
  }
  if (family === FAMILY_IPV6) {
    if (value.length !== 20) throw new StunError(place, `IPv6 address value must be 20 bytes, not ${value.length}`);
    return { family: 'IPv6', ip: formatIPv6(value.subarray(4, 20)), port };
  }
  throw new StunError(place, `unknown address family 0x${family.toString(16).padStart(2, '0')}`);
}

// The XOR key is the 16 header bytes after the length: magic cookie plus transaction ID
// (RFC 8489 §14.2). For an RFC 3489 message that is its 16-byte transaction ID.
function xorKey(transactionId: Uint8Array, place: string): Uint8Array {
  if (transactionId.length === 16) return transactionId;
  if (transactionId.length !== 12) {
    throw new StunError(place, `transaction ID must be 12 (or 16 legacy) bytes, not ${transactionId.length}`);
  }
  const key = new Uint8Array(16);
  new DataView(key.buffer).setUint32(0, MAGIC_COOKIE);
  key.set(transactionId, 4);
  return key;
}

function xorInto(value: Uint8Array, key: Uint8Array): Uint8Array {
  const out = Uint8Array.from(value);
  out[2] = out[2]! ^ key[0]!;
  out[3] = out[3]! ^ key[1]!;
  for (let i = 4; i < out.length; i++) out[i] = out[i]! ^ key[i - 4]!;
  return out;
}

export function decodeXorAddressValue(
  value: Uint8Array,
  transactionId: Uint8Array,
  place = 'attribute/xor-mapped-address',
): TransportAddress {
  if (value.length < 4) throw new StunError(place, `value of ${value.length} bytes is too short for an address`);
  return decodeAddressValue(xorInto(value, xorKey(transactionId, place)), place);
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
  return xorInto(encodeAddressValue(address), xorKey(transactionId, 'encode/address'));
}

// Decodes one attribute record of an address type; used by the getters and by describeMessage.
export function decodeAddressAttribute(attribute: RawAttribute, msg: StunMessage): TransportAddress {
  const place = attributePlace(attribute.type);
  return attribute.type === Attr.XOR_MAPPED_ADDRESS
    ? decodeXorAddressValue(attribute.value, msg.raw.subarray(4, 20), place)
    : decodeAddressValue(attribute.value, place);
}

function addressGetter(type: number): (msg: StunMessage) => TransportAddress | undefined {
  return (msg) => {
    const attribute = getAttribute(msg, type);
    return attribute && decodeAddressAttribute(attribute, msg);
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
