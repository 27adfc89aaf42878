// `trunkcheck decode HEX`: what a captured STUN or SIP packet says.
import { fromHex } from '../../shared/bytes';
import { formatSipMessage, isSipError, looksLikeSip, parseSipMessage } from '../../shared/sip/message';
import { decodeMessage, describeMessage, formatDescribedMessage, isStunError, looksLikeStun } from '../../shared/stun';
import { EXIT, type CommandResult } from './exit';

export function decodeCommand(hexInput: string, json: boolean): CommandResult {
  const cleaned = hexInput.replace(/^0x/i, '').replace(/[\s:]/g, '');
  const bytes = fromHex(cleaned);
  if (bytes === undefined || bytes.length === 0) {
    return { code: EXIT.usage, stderr: 'The packet must be given as hexadecimal digits (spaces and colons are allowed), for example 000100002112a442….' };
  }
  try {
    if (looksLikeStun(bytes) || (bytes[0] !== undefined && bytes[0] < 4)) {
      const described = describeMessage(decodeMessage(bytes));
      return { code: EXIT.ok, stdout: json ? JSON.stringify(described, null, 2) : formatDescribedMessage(described) };
    }
    if (looksLikeSip(bytes)) {
      const message = parseSipMessage(bytes);
      return { code: EXIT.ok, stdout: json ? JSON.stringify({ protocol: 'sip', ...message }, null, 2) : formatSipMessage(message) };
    }
    return { code: EXIT.usage, stderr: `These ${bytes.length} bytes are neither a STUN message (first two bits 0) nor a SIP message (a request or status line).` };
  } catch (error) {
    if (isStunError(error)) return { code: EXIT.usage, stderr: `Not a valid STUN message: ${error.message}.` };
    if (isSipError(error)) return { code: EXIT.usage, stderr: `Not a valid SIP message: ${error.message}.` };
    throw error;
  }
}
