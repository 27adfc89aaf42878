// What a registrar's 2xx says about our binding (RFC 3261 §10.2.4, §10.3 step 8): the 200 lists
// every current contact of the address of record, each with the expires the registrar granted.
// Our contact's own expires parameter counts; the Expires header only when it is not listed.
// Never throws: a Contact that cannot be read is skipped.
import { readDecimal } from './grammar';

export interface ContactEntry {
  readonly uri: string;
  readonly expires: number | null;
}

const MAX_CONTACTS = 64;
const MAX_DELTA_SECONDS = 2 ** 32 - 1; // §20.19

// Contact values are comma-separated (§20.10, §7.3.1); commas inside a quoted display name or
// inside <…> do not separate.
function splitTopLevel(value: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let angle = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (quoted) {
      if (char === '\\') i++;
      else if (char === '"') quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === '<') angle = true;
    else if (char === '>') angle = false;
    else if (char === ',' && !angle) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

function paramValue(params: string, name: string): string | undefined {
  for (const part of params.split(';')) {
    const equals = part.indexOf('=');
    if (equals !== -1 && part.slice(0, equals).trim().toLowerCase() === name) return part.slice(equals + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return undefined;
}

// contact-param = (name-addr / addr-spec) *(SEMI contact-params); after a bare addr-spec, the
// parameters belong to the header, not the URI (§20.10).
export function parseContactEntry(text: string): ContactEntry | undefined {
  let uri: string;
  let params: string;
  const open = text.indexOf('<');
  if (open !== -1) {
    const close = text.indexOf('>', open);
    if (close === -1) return undefined;
    uri = text.slice(open + 1, close).trim();
    params = text.slice(close + 1);
  } else {
    const semi = text.indexOf(';');
    uri = (semi === -1 ? text : text.slice(0, semi)).trim();
    params = semi === -1 ? '' : text.slice(semi);
  }
  if (!/^sips?:/i.test(uri)) return undefined;
  const expiresText = paramValue(params, 'expires');
  const expires = expiresText === undefined ? null : (readDecimal(expiresText, MAX_DELTA_SECONDS) ?? null);
  return { uri, expires };
}

export function parseContacts(values: readonly string[]): ContactEntry[] {
  const entries: ContactEntry[] = [];
  for (const value of values) {
    for (const part of splitTopLevel(value)) {
      const entry = parseContactEntry(part);
      if (entry !== undefined) entries.push(entry);
      if (entries.length >= MAX_CONTACTS) return entries;
    }
  }
  return entries;
}

// §19.1.4, as far as our own contact needs it: scheme and host case-insensitive, the user part
// exact, the port as written; URI parameters and headers are not part of our contact.
function comparable(uri: string): string | undefined {
  const match = /^(sips?):([^@;?]+@)?([^;?]+)/i.exec(uri.trim());
  if (!match) return undefined;
  return `${(match[1] as string).toLowerCase()}:${match[2] ?? ''}${(match[3] as string).toLowerCase()}`;
}

export function sameContactUri(a: string, b: string): boolean {
  const left = comparable(a);
  return left !== undefined && left === comparable(b);
}

// The expiry granted to `ours`: its expires parameter in the 2xx, else the Expires header.
export function grantedExpires(contactValues: readonly string[], expiresHeader: string | undefined, ours: string): number | null {
  const mine = parseContacts(contactValues).find((entry) => sameContactUri(entry.uri, ours));
  if (mine?.expires !== null && mine?.expires !== undefined) return mine.expires;
  return expiresHeader === undefined ? null : (readDecimal(expiresHeader.trim(), MAX_DELTA_SECONDS) ?? null);
}
