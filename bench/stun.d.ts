// The little of npm `stun` (nodertc/stun 2.x, no bundled types) that bench/codec.bench.ts uses.
declare module 'stun' {
  interface StunAddress {
    address: string;
    port: number;
    family: string;
  }
  interface StunMessage {
    readonly type: number;
    readonly transactionId: Buffer;
    getXorAddress(): StunAddress | undefined;
    addFingerprint(): boolean;
    toBuffer(): Buffer;
  }
  const stun: {
    decode(message: Buffer): StunMessage;
    encode(message: StunMessage): Buffer;
    createMessage(type: number, transaction?: Buffer): StunMessage;
    validateFingerprint(message: StunMessage): boolean;
    constants: { STUN_BINDING_REQUEST: number };
  };
  export default stun;
}
