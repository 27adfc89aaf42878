// The one error type of the codec. `place` says where decoding (or encoding) failed, in the style
// "message/length" or "attribute/xor-mapped-address"; `detail` says what was wrong there.

export class StunError extends Error {
  override readonly name = 'StunError';
  readonly place: string;
  readonly detail: string;

  constructor(place: string, detail: string) {
    super(`${place}: ${detail}`);
    this.place = place;
    this.detail = detail;
  }
}

export function isStunError(e: unknown): e is StunError {
  return e instanceof StunError;
}

// True for errors found while decoding an attribute value (as opposed to the message framing).
export function isAttributeError(e: unknown): e is StunError {
  return isStunError(e) && e.place.startsWith('attribute/');
}
