// What every gateway codec returns: the value, or where decoding stopped ("nat-pmp/length",
// "ssdp/location"). Hostile bytes from the LAN end here, never in an exception (STYLE.md, as
// pion/stun names the place of a failure).
export type Decoded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly where: string };

export const decoded = <T>(value: T): Decoded<T> => ({ ok: true, value });
export const stopped = (where: string): Decoded<never> => ({ ok: false, where });
