// Protocol constants. Attribute types are from the IANA "STUN Attributes" registry as set up by
// RFC 8489 §18.3 (0x0000–0x7FFF comprehension-required, 0x8000–0xFFFF comprehension-optional).

export const MAGIC_COOKIE = 0x2112a442; // RFC 8489 §5
export const HEADER_LENGTH = 20; // RFC 8489 §5
export const ATTRIBUTE_HEADER_LENGTH = 4; // RFC 8489 §14: type (16 bits) and length (16 bits)
export const FINGERPRINT_XOR = 0x5354554e; // RFC 8489 §14.7, "STUN" in ASCII

export const Method = {
  Binding: 0x001, // RFC 8489 §18.2
} as const;

// RFC 3489 §11.1 also defines Shared Secret; we only need its number to recognise old messages.
export const SHARED_SECRET_METHOD = 0x002; // RFC 3489 §11.1

export const Attr = {
  MAPPED_ADDRESS: 0x0001, // RFC 8489 §14.1
  RESPONSE_ADDRESS: 0x0002, // RFC 3489 §11.2.2, reserved since RFC 5389
  CHANGE_REQUEST: 0x0003, // RFC 5780 §7.2 (RFC 3489 §11.2.4)
  SOURCE_ADDRESS: 0x0004, // RFC 3489 §11.2.5, reserved since RFC 5389
  CHANGED_ADDRESS: 0x0005, // RFC 3489 §11.2.3, reserved since RFC 5389
  USERNAME: 0x0006, // RFC 8489 §14.3
  MESSAGE_INTEGRITY: 0x0008, // RFC 8489 §14.5
  ERROR_CODE: 0x0009, // RFC 8489 §14.8
  UNKNOWN_ATTRIBUTES: 0x000a, // RFC 8489 §14.13
  REFLECTED_FROM: 0x000b, // RFC 3489 §11.2.11, reserved since RFC 5389
  REALM: 0x0014, // RFC 8489 §14.9
  NONCE: 0x0015, // RFC 8489 §14.10
  MESSAGE_INTEGRITY_SHA256: 0x001c, // RFC 8489 §14.6
  PASSWORD_ALGORITHM: 0x001d, // RFC 8489 §14.12
  USERHASH: 0x001e, // RFC 8489 §14.4
  XOR_MAPPED_ADDRESS: 0x0020, // RFC 8489 §14.2
  PADDING: 0x0026, // RFC 5780 §7.6
  RESPONSE_PORT: 0x0027, // RFC 5780 §7.5
  PASSWORD_ALGORITHMS: 0x8002, // RFC 8489 §14.11
  ALTERNATE_DOMAIN: 0x8003, // RFC 8489 §14.16
  SOFTWARE: 0x8022, // RFC 8489 §14.14
  ALTERNATE_SERVER: 0x8023, // RFC 8489 §14.15
  FINGERPRINT: 0x8028, // RFC 8489 §14.7
  RESPONSE_ORIGIN: 0x802b, // RFC 5780 §7.3
  OTHER_ADDRESS: 0x802c, // RFC 5780 §7.4
} as const;

// Names for `trunkcheck decode`. Besides our own attributes, the ICE ones (RFC 8445 §16.1) that
// appear in the RFC 5769 vectors and in browser traffic.
const NAMES: ReadonlyMap<number, string> = new Map([
  [Attr.MAPPED_ADDRESS, 'MAPPED-ADDRESS'],
  [Attr.RESPONSE_ADDRESS, 'RESPONSE-ADDRESS'],
  [Attr.CHANGE_REQUEST, 'CHANGE-REQUEST'],
  [Attr.SOURCE_ADDRESS, 'SOURCE-ADDRESS'],
  [Attr.CHANGED_ADDRESS, 'CHANGED-ADDRESS'],
  [Attr.USERNAME, 'USERNAME'],
  [Attr.MESSAGE_INTEGRITY, 'MESSAGE-INTEGRITY'],
  [Attr.ERROR_CODE, 'ERROR-CODE'],
  [Attr.UNKNOWN_ATTRIBUTES, 'UNKNOWN-ATTRIBUTES'],
  [Attr.REFLECTED_FROM, 'REFLECTED-FROM'],
  [Attr.REALM, 'REALM'],
  [Attr.NONCE, 'NONCE'],
  [Attr.MESSAGE_INTEGRITY_SHA256, 'MESSAGE-INTEGRITY-SHA256'],
  [Attr.PASSWORD_ALGORITHM, 'PASSWORD-ALGORITHM'],
  [Attr.USERHASH, 'USERHASH'],
  [Attr.XOR_MAPPED_ADDRESS, 'XOR-MAPPED-ADDRESS'],
  [Attr.PADDING, 'PADDING'],
  [Attr.RESPONSE_PORT, 'RESPONSE-PORT'],
  [Attr.PASSWORD_ALGORITHMS, 'PASSWORD-ALGORITHMS'],
  [Attr.ALTERNATE_DOMAIN, 'ALTERNATE-DOMAIN'],
  [Attr.SOFTWARE, 'SOFTWARE'],
  [Attr.ALTERNATE_SERVER, 'ALTERNATE-SERVER'],
  [Attr.FINGERPRINT, 'FINGERPRINT'],
  [Attr.RESPONSE_ORIGIN, 'RESPONSE-ORIGIN'],
  [Attr.OTHER_ADDRESS, 'OTHER-ADDRESS'],
  [0x0024, 'PRIORITY'], // RFC 8445 §16.1
  [0x0025, 'USE-CANDIDATE'], // RFC 8445 §16.1
  [0x8029, 'ICE-CONTROLLED'], // RFC 8445 §16.1
  [0x802a, 'ICE-CONTROLLING'], // RFC 8445 §16.1
]);

export function attributeName(type: number): string {
  return NAMES.get(type) ?? `UNKNOWN-0x${(type & 0xffff).toString(16).padStart(4, '0')}`;
}

// Lower-case name for StunError places: "attribute/xor-mapped-address".
export function attributePlace(type: number): string {
  return `attribute/${attributeName(type).toLowerCase()}`;
}

// Size limits of text values, in bytes of UTF-8. RFC 8489 lets senders use up to 509 bytes for
// USERNAME (fewer than 509), REALM, NONCE and the ERROR-CODE reason, but requires receivers to
// parse up to 763 bytes for RFC 5389 compatibility (§14.3, §14.8, §14.9, §14.10); SOFTWARE may
// be 763 bytes either way (§14.14).
export const MAX_TEXT_BYTES_RECEIVED = 763; // RFC 8489 §14.3, §14.8–§14.10, §14.14
export const MAX_USERNAME_BYTES_SENT = 508; // RFC 8489 §14.3: "fewer than 509 bytes"
export const MAX_TEXT_BYTES_SENT = 509; // RFC 8489 §14.8–§14.10 (reason phrase, REALM, NONCE)
export const MAX_SOFTWARE_BYTES = 763; // RFC 8489 §14.14
