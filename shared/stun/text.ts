// Text attributes: SOFTWARE, USERNAME, REALM, NONCE (RFC 8489 §14.3, §14.9, §14.10, §14.14),
// UTF-8 with limits counted in bytes, not characters or UTF-16 units.

import { utf8Decode, utf8Encode } from '../bytes';
import { Attr, attributePlace, MAX_TEXT_BYTES_RECEIVED } from './constants';
import { StunError } from './errors';
import { getAttribute, type StunMessage } from './message';

export const TEXT_ATTRIBUTES: ReadonlySet<number> = new Set([
  Attr.SOFTWARE,
  Attr.USERNAME,
  Attr.REALM,
  Attr.NONCE,
  Attr.ALTERNATE_DOMAIN,
]);

export function decodeTextValue(value: Uint8Array, place: string, maxBytes = MAX_TEXT_BYTES_RECEIVED): string {
  if (value.length > maxBytes) throw new StunError(place, `${value.length} bytes, more than the ${maxBytes} allowed`);
  const text = utf8Decode(value);
  if (text === undefined) throw new StunError(place, 'not valid UTF-8');
  return text;
}

export function encodeTextValue(text: string): Uint8Array {
  return utf8Encode(text);
}

function textGetter(type: number): (msg: StunMessage) => string | undefined {
  const place = attributePlace(type);
  return (msg) => {
    const attribute = getAttribute(msg, type);
    return attribute && decodeTextValue(attribute.value, place);
  };
}

export const getSoftware = textGetter(Attr.SOFTWARE);
export const getUsername = textGetter(Attr.USERNAME);
export const getRealm = textGetter(Attr.REALM);
export const getNonce = textGetter(Attr.NONCE);
