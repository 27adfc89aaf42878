// What the operating system's own `ping` says about one TTL-limited echo request: which router
// answered "time exceeded" (RFC 792, type 11 code 0: the TTL reached zero in transit; RFC 4443
// §3.3 for IPv6's hop limit), or that the destination itself answered (RFC 792 echo reply).
// Pure: the command line to run and the parsing of its output; electron/net/hops.ts runs it.
import { isIPv4, isIPv6 } from '../address';

// iputils' ping (Linux: Debian, Ubuntu, Fedora, RHEL) and Windows' ping.exe.
export type PingFlavour = 'iputils' | 'windows';

export type PingAnswer =
  | { readonly kind: 'time-exceeded'; readonly from: string; readonly ms: number | null }
  | { readonly kind: 'echo-reply'; readonly from: string; readonly ms: number | null };

// One echo request with the given TTL, no name lookups, waiting at most about a second.
//   iputils:  ping -c 1 -n -t TTL -W 1 IP      (-6 for IPv6; -W is in whole seconds)
//   Windows:  ping -n 1 -i TTL -w MS IP        (-4/-6 force the family; -w is in milliseconds)
export function pingArguments(flavour: PingFlavour, target: string, ttl: number, waitMs: number): string[] {
  const family = isIPv6(target) ? '-6' : '-4';
  if (flavour === 'windows') return [family, '-n', '1', '-i', String(ttl), '-w', String(Math.max(1, Math.round(waitMs))), target];
  return [...(family === '-6' ? ['-6'] : []), '-c', '1', '-n', '-t', String(ttl), '-W', String(Math.max(1, Math.ceil(waitMs / 1000))), target];
}

// Only the start of the output is read: ping with one request prints a few lines.
const MAX_OUTPUT = 16_384;

export function parsePingOutput(output: string, flavour: PingFlavour): PingAnswer | null {
  const lines = output.slice(0, MAX_OUTPUT).split(/\r?\n/);
  for (const line of lines) {
    const answer = flavour === 'windows' ? parseWindowsLine(line) : parseIputilsLine(line);
    if (answer) return answer;
  }
  return null;
}

// iputils, run with LC_ALL=C (hops.ts), prints, with -n:
//   From 192.168.100.1 icmp_seq=1 Time to live exceeded          (IPv4, RFC 792 type 11 code 0)
//   From 2001:db8:100::1 icmp_seq=1 Time exceeded: Hop limit      (IPv6, RFC 4443 §3.3 code 0)
//   64 bytes from 203.0.113.10: icmp_seq=1 ttl=62 time=0.105 ms  (the destination answered)
// Other errors ("Destination Net Unreachable", "Frag reassembly time exceeded") name a router
// that is not the hop at this TTL, so they are no answer here. BusyBox writes "seq=" for "icmp_seq=".
const IPUTILS_ERROR = /^From (\S+)(?: \((\S+)\))? (?:icmp_)?seq=\d+ (.*)$/;
const IPUTILS_EXCEEDED = /^(?:Time to live exceeded|Time exceeded: Hop limit)\b/i;
const IPUTILS_REPLY = /^\d+ bytes from (\S+?)(?: \((\S+)\))?: (?:icmp_)?seq=\d+ .*?\btime[=<]?\s*(\d+(?:\.\d+)?) ?ms\b/;

function parseIputilsLine(line: string): PingAnswer | null {
  const text = line.trim();
  const error = IPUTILS_ERROR.exec(text);
  if (error) {
    const from = addressIn(error[2] ?? error[1] ?? '');
    return from && IPUTILS_EXCEEDED.test(error[3] ?? '') ? { kind: 'time-exceeded', from, ms: null } : null;
  }
  const reply = IPUTILS_REPLY.exec(text);
  if (reply) {
    const from = addressIn(reply[2] ?? reply[1] ?? '');
    return from ? { kind: 'echo-reply', from, ms: Number(reply[3]) } : null;
  }
  return null;
}

// Windows words its answers in the system's language, so the parser reads only what every
// language keeps: the address, and "TTL".
//   Reply from 100.64.0.1: TTL expired in transit.                (en-US)
//   Antwort von 100.64.0.1: TTL beim Transit abgelaufen.          (de-DE)
//   Reply from 203.0.113.10: bytes=32 time=12ms TTL=117           (an echo reply: TTL=, time=…ms)
//   Reply from 2001:db8::10: time<1ms                             (IPv6 echo replies carry no TTL=)
// A line with an address and "TTL" that is no echo reply is time exceeded; "Destination host
// unreachable" ("Zielhost nicht erreichbar") carries no TTL and is no answer here.
const WINDOWS_REPLY_TTL = /\bTTL\s*=\s*\d+/i;
const WINDOWS_REPLY_TIME = /[=<]\s*(\d+(?:[.,]\d+)?)\s*ms\b/i;
const WINDOWS_TTL = /\bTTL\b/i;

function parseWindowsLine(line: string): PingAnswer | null {
  const from = firstAddress(line);
  if (!from) return null;
  const time = WINDOWS_REPLY_TIME.exec(line);
  // "time<1ms" is an upper bound; it is reported as that bound.
  if (time || WINDOWS_REPLY_TTL.test(line)) return { kind: 'echo-reply', from, ms: time ? Number((time[1] ?? '').replace(',', '.')) : null };
  return WINDOWS_TTL.test(line) ? { kind: 'time-exceeded', from, ms: null } : null;
}

// The first word of the line that is an IP address, with the punctuation languages put around
// it ("100.64.0.1:", "[2001:db8::1]", "100.64.0.1 :") and an IPv6 zone ("fe80::1%12") taken off.
function firstAddress(line: string): string | null {
  for (const word of line.split(/\s+/)) {
    const bare = word.replace(/^[[(]+|[\]),;]+$/g, '');
    const found = addressIn(bare) ?? (bare.endsWith(':') ? addressIn(bare.slice(0, -1)) : null);
    if (found) return found;
  }
  return null;
}

function addressIn(word: string): string | null {
  const address = word.replace(/%[0-9A-Za-z_.-]+$/, '');
  return isIPv4(address) || isIPv6(address) ? address : null;
}
