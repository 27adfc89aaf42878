// What a request may ask for, once. The IPC validators (shared/ipc.ts) enforce these for the
// wizard, the browser mode and the CLI alike, and the wizard's fields read them. Default ports are
// not here: they come from the PBX profile (shared/catalog/pbx-profiles.json).

// Line quality, in whole seconds. Five minutes, as the CLI has always allowed: loss that comes
// and goes needs minutes to show, and a paced stream of 50 requests/s keeps at most 15,000
// samples. The wizard suggests 10 s; a person who types 120 gets 120.
export const QUALITY_SEC = { min: 1, max: 300 } as const;

// The first server gives the public address and the NAT tests; a second one measures mapping
// when the first has no RFC 5780 support.
export const MAX_STUN_SERVERS = 2;

// The keep-alive monitor's interval, in seconds.
export const KEEPALIVE_SEC = { min: 0.2, max: 3600 } as const;

// A server as typed, "host[:port]": a DNS name is at most 253 characters (RFC 1035 §2.3.4).
export const MAX_SERVER_TEXT = 255;

// A site's id names its folder in the history: lower-case letters, digits, dashes and underscores.
export const SITE_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

// The site's name, customer and technician on a checklist.
export const MAX_SITE_FIELD = 200;
