// PCP (RFC 6887), only the ANNOUNCE opcode (§14.1): it asks whether a PCP server is there and
// changes nothing on it. TrunkCheck never sends MAP or PEER, which would create a mapping.
import { isIPv4 } from '../address';
import { decoded, stopped, type Decoded } from './decoded';

export const PCP_PORT = 5351; // RFC 6887 §19.1, the port NAT-PMP uses too (version negotiation, §9)
export const PCP_VERSION = 2; // RFC 6887 §7
const OPCODE_ANNOUNCE = 0; // RFC 6887 §19.2
const RESPONSE_BIT = 0x80; // RFC 6887 §7.2: R = 1 in a response
const HEADER_LENGTH = 24; // RFC 6887 §7.1 and §7.2
const MAX_LENGTH = 1100; // RFC 6887 §7: a PCP message is at most 1100 octets
const NAT_PMP_VERSION = 0; // RFC 6886 §3.2

// RFC 6887 §7.4 result codes.
export const PCP_RESULT = {
  success: 0,
  unsuppVersion: 1,
  notAuthorized: 2,
  malformedRequest: 3,
  unsuppOpcode: 4,
  unsuppOption: 5,
  malformedOption: 6,
  networkFailure: 7,
  noResources: 8,
  unsuppProtocol: 9,
  userExQuota: 10,
  cannotProvideExternal: 11,
  addressMismatch: 12,
  excessiveRemotePeers: 13,
} as const;

export type PcpAnswer =
  | { readonly kind: 'answer'; readonly result: number; readonly lifetime: number; readonly epoch: number }
  // A NAT-PMP-only server answers a version-2 request with its own "Unsupported Version"
  // (RFC 6886 §3.5 result 1, RFC 6887 §9): it speaks NAT-PMP, not PCP.
  | { readonly kind: 'nat-pmp-only'; readonly result: number }
  // UNSUPP_VERSION naming another PCP version the server speaks instead (RFC 6887 §9).
  | { readonly kind: 'other-version'; readonly version: number; readonly result: number };

// RFC 6887 §7.1: the client's own address, an IPv4 one written IPv4-mapped (::ffff:a.b.c.d, §5);
// §14.1: an ANNOUNCE request asks for lifetime 0 and carries no opcode-specific data.
export function encodeAnnounceRequest(clientIp: string): Uint8Array | undefined {
  if (!isIPv4(clientIp)) return undefined;
  const bytes = new Uint8Array(HEADER_LENGTH);
  bytes[0] = PCP_VERSION;
  bytes[1] = OPCODE_ANNOUNCE;
  bytes[18] = 0xff;
  bytes[19] = 0xff;
  bytes.set(clientIp.split('.').map(Number), 20);
  return bytes;
}

export function decodeAnnounceAnswer(bytes: Uint8Array): Decoded<PcpAnswer> {
  if (bytes.length < 4) return stopped('pcp/length');
  if (bytes.length > MAX_LENGTH) return stopped('pcp/length');
  const version = bytes[0]!;
  const opcodeByte = bytes[1]!;
  if ((opcodeByte & RESPONSE_BIT) === 0) return stopped('pcp/not-a-response');
  if (version === NAT_PMP_VERSION) return decoded({ kind: 'nat-pmp-only', result: (bytes[2]! << 8) | bytes[3]! });
  if (version !== PCP_VERSION) return decoded({ kind: 'other-version', version, result: bytes[3]! });
  if (bytes.length < HEADER_LENGTH || bytes.length % 4 !== 0) return stopped('pcp/length'); // RFC 6887 §7: multiple of 4
  if ((opcodeByte & ~RESPONSE_BIT) !== OPCODE_ANNOUNCE) return stopped('pcp/opcode');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return decoded({ kind: 'answer', result: bytes[3]!, lifetime: view.getUint32(4), epoch: view.getUint32(8) });
}
