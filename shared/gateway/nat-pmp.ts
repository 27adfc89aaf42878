// NAT-PMP (RFC 6886), only its public address request (§3.2): the router says which WAN address
// it has. TrunkCheck never sends the mapping opcodes 1 and 2.
import { decoded, stopped, type Decoded } from './decoded';

export const NAT_PMP_PORT = 5351; // RFC 6886 §3.1: clients send to the gateway's port 5351
export const NAT_PMP_VERSION = 0; // RFC 6886 §3.2
const OPCODE_PUBLIC_ADDRESS = 0; // RFC 6886 §3.2
const RESPONSE_BIT = 0x80; // RFC 6886 §3.2: the answer's opcode is 128 + the request's
const ERROR_LENGTH = 8; // RFC 6886 §3.5: version, opcode, result code, seconds since epoch
const ANSWER_LENGTH = 12; // RFC 6886 §3.2: … and the external IPv4 address

// RFC 6886 §3.5 result codes.
export const NAT_PMP_RESULT = {
  success: 0,
  unsupportedVersion: 1,
  notAuthorized: 2, // "box supports mapping, but user has turned feature off"
  networkFailure: 3, // "NAT box itself has not obtained a DHCP lease": no public address
  outOfResources: 4,
  unsupportedOpcode: 5,
} as const;

export type NatPmpAnswer =
  | { readonly kind: 'address'; readonly ip: string; readonly epoch: number }
  // Success, but 0.0.0.0: the router has no address to report.
  | { readonly kind: 'no-address'; readonly epoch: number }
  | { readonly kind: 'refused'; readonly result: number; readonly epoch: number }
  // Answered in another protocol version: a PCP-only server says UNSUPP_VERSION in PCP's own
  // format, version 2 (RFC 6887 §9).
  | { readonly kind: 'other-version'; readonly version: number };

export function encodePublicAddressRequest(): Uint8Array {
  return Uint8Array.of(NAT_PMP_VERSION, OPCODE_PUBLIC_ADDRESS);
}

export function decodePublicAddressAnswer(bytes: Uint8Array): Decoded<NatPmpAnswer> {
  if (bytes.length < 4) return stopped('nat-pmp/length');
  const version = bytes[0]!;
  const opcode = bytes[1]!;
  if ((opcode & RESPONSE_BIT) === 0) return stopped('nat-pmp/not-a-response');
  if (version !== NAT_PMP_VERSION) return decoded({ kind: 'other-version', version });
  if (opcode !== (RESPONSE_BIT | OPCODE_PUBLIC_ADDRESS)) return stopped('nat-pmp/opcode');
  if (bytes.length < ERROR_LENGTH) return stopped('nat-pmp/length');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const result = view.getUint16(2);
  const epoch = view.getUint32(4);
  if (result !== NAT_PMP_RESULT.success) return decoded({ kind: 'refused', result, epoch });
  if (bytes.length < ANSWER_LENGTH) return stopped('nat-pmp/length');
  const ip = Array.from(bytes.subarray(8, 12)).join('.');
  return decoded(ip === '0.0.0.0' ? { kind: 'no-address', epoch } : { kind: 'address', ip, epoch });
}
