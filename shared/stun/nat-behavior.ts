// The NAT behaviour discovery attributes of RFC 5780 §7 that are not addresses: CHANGE-REQUEST
// (also RFC 3489 §11.2.4), RESPONSE-PORT and PADDING.

import { Attr } from './constants';
import { StunError } from './errors';
import { getAttribute, type StunMessage } from './message';

const CHANGE_IP = 0x04; // RFC 5780 §7.2, flag "A"
const CHANGE_PORT = 0x02; // RFC 5780 §7.2, flag "B"

export interface ChangeRequest {
  readonly changeIp: boolean;
  readonly changePort: boolean;
}

export function decodeChangeRequestValue(value: Uint8Array): ChangeRequest {
  if (value.length !== 4) throw new StunError('attribute/change-request', `value must be 4 bytes, not ${value.length}`);
  const flags = value[3]!;
  return { changeIp: (flags & CHANGE_IP) !== 0, changePort: (flags & CHANGE_PORT) !== 0 };
}

export function encodeChangeRequestValue(changeIp: boolean, changePort: boolean): Uint8Array {
  return Uint8Array.of(0, 0, 0, (changeIp ? CHANGE_IP : 0) | (changePort ? CHANGE_PORT : 0));
}

export function getChangeRequest(msg: StunMessage): ChangeRequest | undefined {
  const attribute = getAttribute(msg, Attr.CHANGE_REQUEST);
  return attribute && decodeChangeRequestValue(attribute.value);
}

// RFC 5780 §7.5: a 16-bit port and 16 bits of padding. coturn sends the 4-byte form, some other
// implementations (stuntman) a 2-byte value padded by the TLV, so both are accepted.
export function decodeResponsePortValue(value: Uint8Array): number {
  if (value.length !== 4 && value.length !== 2) {
    throw new StunError('attribute/response-port', `value must be 4 (or 2) bytes, not ${value.length}`);
  }
  return (value[0]! << 8) | value[1]!;
}

export function encodeResponsePortValue(port: number): Uint8Array {
  if (!Number.isInteger(port) || port < 0 || port > 0xffff) {
    throw new StunError('encode/response-port', `port ${port} is not 0–65535`);
  }
  return Uint8Array.of(port >> 8, port & 0xff, 0, 0);
}

export function getResponsePort(msg: StunMessage): number | undefined {
  const attribute = getAttribute(msg, Attr.RESPONSE_PORT);
  return attribute && decodeResponsePortValue(attribute.value);
}

// RFC 5780 §7.6: PADDING only makes the datagram bigger (to test fragmentation); its content is
// meaningless. The value is all zeros.
export function encodePaddingValue(length: number): Uint8Array {
  if (!Number.isInteger(length) || length < 0 || length > 0xffff) {
    throw new StunError('encode/padding', `padding of ${length} bytes is not 0–65535`);
  }
  return new Uint8Array(length);
}

export function getPaddingLength(msg: StunMessage): number | undefined {
  return getAttribute(msg, Attr.PADDING)?.value.length;
}
