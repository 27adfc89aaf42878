// The STUN codec: RFC 8489/5389 messages, RFC 3489 (no magic cookie) and RFC 5780 attributes.
// Decoding throws nothing but StunError, whatever the bytes.

export { StunError, isStunError, isAttributeError } from './errors';
export {
  MAGIC_COOKIE,
  HEADER_LENGTH,
  Method,
  Attr,
  attributeName,
  MAX_TEXT_BYTES_RECEIVED,
  MAX_TEXT_BYTES_SENT,
  MAX_USERNAME_BYTES_SENT,
  MAX_SOFTWARE_BYTES,
} from './constants';
export { looksLikeStun, decodeMessage, getAttribute, type StunClass, type RawAttribute, type StunMessage } from './message';
export {
  getXorMappedAddress,
  getMappedAddress,
  getOtherAddress,
  getResponseOrigin,
  getChangedAddress,
  getSourceAddress,
  getAlternateServer,
  getResponseAddress,
  getReflectedFrom,
  encodeAddressValue,
  encodeXorAddressValue,
} from './address';
export { getSoftware, getUsername, getRealm, getNonce, encodeTextValue } from './text';
export {
  getErrorCode,
  getUnknownAttributes,
  encodeErrorCodeValue,
  encodeUnknownAttributesValue,
  type ErrorCode,
} from './error-code';
export {
  getChangeRequest,
  getResponsePort,
  getPaddingLength,
  encodeChangeRequestValue,
  encodeResponsePortValue,
  encodePaddingValue,
  type ChangeRequest,
} from './nat-behavior';
export { checkFingerprint, checkIntegrity, type CheckResult } from './integrity';
export { shortTermKey, longTermKey, opaqueString, saslPrep } from './credentials';
export { encodeMessage, newTransactionId, type AttributeSpec, type MessageSpec } from './encode';
export { buildBindingRequest, type BindingRequestOptions } from './binding';
export {
  describeMessage,
  formatDescribedMessage,
  type DescribedAttribute,
  type DescribedStunMessage,
} from './describe';
