// Binding requests as the client sends them: plain RFC 8489 ones, RFC 5780 behaviour-discovery
// probes (CHANGE-REQUEST, RESPONSE-PORT, PADDING) and minimal RFC 3489 ones for old servers.

import { utf8Encode } from '../bytes';
import { Attr, MAX_SOFTWARE_BYTES, Method } from './constants';
import { encodeMessage, newTransactionId, type AttributeSpec } from './encode';
import { StunError } from './errors';
import { encodeChangeRequestValue, encodePaddingValue, encodeResponsePortValue } from './nat-behavior';

// The largest UDP payload over IPv4: the 16-bit IP total length (RFC 791) less the IPv4 and UDP
// (RFC 768) headers. IPv6 allows 20 bytes more; the smaller bound holds on both.
const MAX_UDP_PAYLOAD = 65535 - 20 - 8;

export interface BindingRequestOptions {
  legacy?: boolean;
  changeIp?: boolean;
  changePort?: boolean;
  responsePort?: number;
  /** Value length of a PADDING attribute (RFC 5780 §7.6). */
  paddingBytes?: number;
  software?: string;
  /** Defaults to true for RFC 8489 requests; RFC 3489 requests never carry one. */
  fingerprint?: boolean;
}

export function buildBindingRequest(options: BindingRequestOptions = {}): { bytes: Uint8Array; transactionId: Uint8Array } {
  const legacy = options.legacy === true;
  const transactionId = newTransactionId(legacy);
  const attributes: AttributeSpec[] = [];
  if (options.changeIp || options.changePort) {
    attributes.push({
      type: Attr.CHANGE_REQUEST,
      value: encodeChangeRequestValue(options.changeIp === true, options.changePort === true),
    });
  }
  if (legacy) {
    // Old servers reject what they do not know; keep RFC 3489 requests to CHANGE-REQUEST only.
    // SOFTWARE is dropped silently (it is only decoration); the rest would change the test.
    if (options.responsePort !== undefined || options.paddingBytes !== undefined || options.fingerprint) {
      throw new StunError('encode/legacy', 'RFC 3489 requests carry neither RESPONSE-PORT, PADDING nor FINGERPRINT');
    }
    return { bytes: encodeMessage({ method: Method.Binding, cls: 'request', transactionId, legacy, attributes }), transactionId };
  }
  if (options.responsePort !== undefined) {
    attributes.push({ type: Attr.RESPONSE_PORT, value: encodeResponsePortValue(options.responsePort) });
  }
  if (options.paddingBytes !== undefined) {
    attributes.push({ type: Attr.PADDING, value: encodePaddingValue(options.paddingBytes) });
  }
  if (options.software !== undefined) {
    const software = utf8Encode(options.software);
    if (software.length > MAX_SOFTWARE_BYTES) {
      throw new StunError('encode/software', `${software.length} bytes, more than ${MAX_SOFTWARE_BYTES}`);
    }
    attributes.push({ type: Attr.SOFTWARE, value: software });
  }
  const bytes = encodeMessage({
    method: Method.Binding,
    cls: 'request',
    transactionId,
    attributes,
    fingerprint: options.fingerprint !== false,
  });
  // RFC 5780 §7.6: PADDING "MUST NOT be longer than the length that brings the total IP datagram
  // size to 64K"; the STUN length field alone would allow more than a UDP datagram can carry.
  if (options.paddingBytes !== undefined && bytes.length > MAX_UDP_PAYLOAD) {
    throw new StunError('encode/padding', `padding of ${options.paddingBytes} bytes makes a ${bytes.length}-byte message, more than the ${MAX_UDP_PAYLOAD} bytes of a UDP datagram`);
  }
  return { bytes, transactionId };
}
