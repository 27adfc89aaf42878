// `trunkcheck decode HEX`: what a captured STUN or SIP packet says.
import { fromHex } from '../../shared/bytes';
import { describeSipMessage, formatSipMessage, isSipError, looksLikeSip, parseSipMessage } from '../../shared/sip/message';
import { decodeMessage, describeMessage, formatDescribedMessage, isStunError, looksLikeStun } from '../../shared/stun';
import { errorOf, type ErrorData } from '../../shared/result';
import { word, type Language } from '../../shared/text';
import { EXIT, type CommandResult } from './exit';

const refused = (error: ErrorData, language: Language): CommandResult => ({ code: EXIT.usage, stderr: word(language, error) });

// STUN's first two bits are 0 (RFC 8489 §5). So are those of "!", "%", "*", digits and other token
// characters a SIP method may start with (RFC 3261 §25.1), so a well-framed STUN header is tried
// first, then a SIP start line, and only then are the two zero bits taken to mean STUN.
export function decodeCommand(hexInput: string, json: boolean, language: Language = 'en'): CommandResult {
  const cleaned = hexInput.replace(/^0x/i, '').replace(/[\s:]/g, '');
  const bytes = fromHex(cleaned);
  if (bytes === undefined || bytes.length === 0) {
    return refused(errorOf('decode/not-hex'), language);
  }
  const first = bytes[0] as number;
  if (looksLikeStun(bytes) || (!looksLikeSip(bytes) && (first & 0xc0) === 0)) {
    try {
      const described = describeMessage(decodeMessage(bytes));
      return { code: EXIT.ok, stdout: json ? JSON.stringify(described, null, 2) : formatDescribedMessage(described) };
    } catch (error) {
      if (!isStunError(error)) throw error;
      return refused(errorOf('decode/not-stun', { bytes: bytes.length, place: error.place, detail: error.detail }), language);
    }
  }
  if (looksLikeSip(bytes)) {
    try {
      const message = parseSipMessage(bytes);
      return { code: EXIT.ok, stdout: json ? JSON.stringify(describeSipMessage(message), null, 2) : formatSipMessage(message) };
    } catch (error) {
      if (!isSipError(error)) throw error;
      return refused(errorOf('decode/not-sip', { place: error.place, detail: error.detail }), language);
    }
  }
  const firstByte = `0x${first.toString(16).padStart(2, '0')}`;
  return refused(errorOf('decode/neither', { bytes: bytes.length, first: firstByte }), language);
}
