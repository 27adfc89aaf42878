// A JSON-friendly description of a decoded message for `trunkcheck decode`, and its text form.
// A malformed attribute is reported in place (with its raw hex) instead of failing the whole thing.

import type { TransportAddress } from '../address';
import { toHex } from '../bytes';
import { ADDRESS_ATTRIBUTES, decodeAddressAttribute } from './address';
import { Attr, attributeName, Method } from './constants';
import { decodeErrorCodeValue, decodeUnknownAttributesValue } from './error-code';
import { isStunError } from './errors';
import { checkFingerprint, type CheckResult } from './integrity';
import type { RawAttribute, StunClass, StunMessage } from './message';
import { decodeChangeRequestValue, decodeResponsePortValue } from './nat-behavior';
import { decodeTextValue, TEXT_ATTRIBUTES } from './text';

export interface DescribedAttribute {
  type: number;
  name: string;
  length: number;
  /** {ip,port,family} | {code,reason} | string | number | number[] | {changeIp,changePort} | hex string. */
  value: unknown;
  /** Set when this attribute is malformed; `value` is then its hex. */
  error?: string;
}

export interface DescribedStunMessage {
  protocol: 'stun';
  method: string;
  cls: StunClass;
  legacy: boolean;
  transactionId: string;
  length: number;
  attributes: DescribedAttribute[];
  fingerprint: CheckResult;
}

function decodeValue(attribute: RawAttribute, msg: StunMessage): unknown {
  const { type, value } = attribute;
  if (ADDRESS_ATTRIBUTES.has(type)) {
    const address = decodeAddressAttribute(attribute, msg);
    return { ip: address.ip, port: address.port, family: address.family };
  }
  if (TEXT_ATTRIBUTES.has(type)) return decodeTextValue(value, `attribute/${attributeName(type).toLowerCase()}`);
  switch (type) {
    case Attr.ERROR_CODE: {
      const { code, reason } = decodeErrorCodeValue(value);
      return { code, reason };
    }
    case Attr.UNKNOWN_ATTRIBUTES:
      return decodeUnknownAttributesValue(value);
    case Attr.CHANGE_REQUEST: {
      const { changeIp, changePort } = decodeChangeRequestValue(value);
      return { changeIp, changePort };
    }
    case Attr.RESPONSE_PORT:
      return decodeResponsePortValue(value);
    default:
      return toHex(value);
  }
}

function describeAttribute(attribute: RawAttribute, msg: StunMessage): DescribedAttribute {
  const base = { type: attribute.type, name: attributeName(attribute.type), length: attribute.value.length };
  try {
    return { ...base, value: decodeValue(attribute, msg) };
  } catch (e) {
    if (!isStunError(e)) throw e;
    return { ...base, value: toHex(attribute.value), error: e.detail };
  }
}

export function methodName(method: number): string {
  return method === Method.Binding ? 'Binding' : `0x${method.toString(16).padStart(3, '0')}`;
}

export function describeMessage(msg: StunMessage): DescribedStunMessage {
  return {
    protocol: 'stun',
    method: methodName(msg.method),
    cls: msg.cls,
    legacy: msg.legacy,
    transactionId: toHex(msg.transactionId),
    length: msg.raw.length - 20,
    attributes: msg.attributes.map((attribute) => describeAttribute(attribute, msg)),
    fingerprint: checkFingerprint(msg),
  };
}

const CLASS_TEXT: Record<StunClass, string> = {
  request: 'request',
  indication: 'indication',
  success: 'success response',
  error: 'error response',
};

const MAX_HEX_BYTES_SHOWN = 32;

function hexText(hex: string): string {
  const bytes = hex.length / 2;
  return bytes <= MAX_HEX_BYTES_SHOWN ? `0x${hex}` : `0x${hex.slice(0, 2 * MAX_HEX_BYTES_SHOWN)}… (${bytes} bytes)`;
}

function isAddress(value: unknown): value is TransportAddress {
  return typeof value === 'object' && value !== null && 'ip' in value && 'port' in value;
}

function valueText(attribute: DescribedAttribute, fingerprint: CheckResult): string {
  const { value } = attribute;
  if (attribute.error !== undefined) return `${hexText(String(value))} (malformed: ${attribute.error})`;
  if (attribute.type === Attr.FINGERPRINT) return `0x${String(value)} (${fingerprint})`;
  if (attribute.type === Attr.PADDING) return `${attribute.length} bytes`;
  if (isAddress(value)) return value.ip.includes(':') ? `[${value.ip}]:${value.port}` : `${value.ip}:${value.port}`;
  if (typeof value === 'string') return TEXT_ATTRIBUTES.has(attribute.type) ? JSON.stringify(value) : hexText(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    return value.length === 0 ? '(none)' : value.map((type: number) => attributeName(type)).join(', ');
  }
  if (typeof value === 'object' && value !== null && 'code' in value && 'reason' in value) {
    return `${String(value.code)} ${String(value.reason)}`;
  }
  if (typeof value === 'object' && value !== null && 'changeIp' in value && 'changePort' in value) {
    const flags = [value.changeIp ? 'change IP' : '', value.changePort ? 'change port' : ''].filter(Boolean);
    return flags.length === 0 ? '(no change)' : flags.join(', ');
  }
  return JSON.stringify(value);
}

export function formatDescribedMessage(d: DescribedStunMessage): string {
  const method = d.method === 'Binding' ? 'Binding' : `method ${d.method}`;
  const lines = [
    `STUN ${method} ${CLASS_TEXT[d.cls]} (${d.legacy ? 'RFC 3489' : 'RFC 8489'})`,
    `  transaction 0x${d.transactionId}`,
  ];
  const width = Math.max(0, ...d.attributes.map((a) => a.name.length));
  for (const attribute of d.attributes) {
    lines.push(`  ${attribute.name.padEnd(width)}  ${valueText(attribute, d.fingerprint)}`);
  }
  return `${lines.join('\n')}\n`;
}
