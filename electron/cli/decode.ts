// `trunkcheck decode HEX`: what a captured STUN or SIP packet says.
import { fromHex } from '../../shared/bytes';
import { describeSipMessage, formatSipMessage, isSipError, looksLikeSip, parseSipMessage } from '../../shared/sip/message';
import { decodeMessage, describeMessage, formatDescribedMessage, isStunError, looksLikeStun } from '../../shared/stun';
import { EXIT, type CommandResult } from './exit';

// STUN's first two bits are 0 (RFC 8489 §5). So are those of "!", "%", "*", digits and other token
// characters a SIP method may start with (RFC 3261 §25.1), so a well-framed STUN header is tried
// first, then a SIP start line, and only then are the two zero bits taken to mean STUN.
export function decodeCommand(hexInput: string, json: boolean): CommandResult {
  const cleaned = hexInput.replace(/^0x/i, '').replace(/[\s:]/g, '');
  const bytes = fromHex(cleaned);
  if (bytes === undefined || bytes.length === 0) {
    return { code: EXIT.usage, stderr: 'The packet must be given as hexadecimal digits (spaces and colons are allowed), for example 000100002112a442….' };
  }
  const first = bytes[0] as number;
  if (looksLikeStun(bytes) || (!looksLikeSip(bytes) && (first & 0xc0) === 0)) {
    try {
      const described = describeMessage(decodeMessage(bytes));
      return { code: EXIT.ok, stdout: json ? JSON.stringify(described, null, 2) : formatDescribedMessage(described) };
    } catch (error) {
      if (!isStunError(error)) throw error;
      return { code: EXIT.usage, stderr: `These ${bytes.length} bytes start like STUN (first two bits 0) but are not a valid STUN message: ${error.message}.` };
    }
  }
  if (looksLikeSip(bytes)) {
    try {
      const message = parseSipMessage(bytes);
      return { code: EXIT.ok, stdout: json ? JSON.stringify(describeSipMessage(message), null, 2) : formatSipMessage(message) };
    } catch (error) {
      if (!isSipError(error)) throw error;
      return { code: EXIT.usage, stderr: `Not a valid SIP message: ${error.message}.` };
    }
  }
  const firstByte = `0x${first.toString(16).padStart(2, '0')}`;
  return {
    code: EXIT.usage,
    stderr: `These ${bytes.length} bytes are neither a STUN message (its first two bits are 0; these start with ${firstByte}) nor a SIP message (a request or status line).`,
  };
}
