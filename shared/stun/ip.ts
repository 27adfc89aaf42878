// IP literals to bytes and back, for the address attributes. Text output follows RFC 5952 (lower
// case, longest zero run compressed, IPv4-mapped as ::ffff:a.b.c.d as Node's sockets report it).

const IPV4_PART = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

export function parseIPv4(text: string): Uint8Array | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => IPV4_PART.test(part))) return undefined;
  return Uint8Array.from(parts.map(Number));
}

function parseGroups(text: string, allowIPv4Tail: boolean): number[] | undefined {
  if (text === '') return [];
  const groups = text.split(':');
  const words: number[] = [];
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i]!;
    if (allowIPv4Tail && i === groups.length - 1 && group.includes('.')) {
      const v4 = parseIPv4(group);
      if (!v4) return undefined;
      words.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
    } else if (/^[0-9a-fA-F]{1,4}$/.test(group)) {
      words.push(parseInt(group, 16));
    } else {
      return undefined;
    }
  }
  return words;
}

// RFC 4291 §2.2 text forms, including "::" and an embedded IPv4 tail. No zone IDs.
export function parseIPv6(text: string): Uint8Array | undefined {
  if (text.length < 2 || text.length > 45) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0]!, halves.length === 1);
  const tail = halves.length === 2 ? parseGroups(halves[1]!, true) : [];
  if (!head || !tail) return undefined;
  const words =
    halves.length === 1
      ? head.length === 8
        ? head
        : undefined
      : head.length + tail.length <= 7 // "::" stands for at least one zero group
        ? [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail]
        : undefined;
  if (!words) return undefined;
  const out = new Uint8Array(16);
  words.forEach((word, i) => {
    out[2 * i] = word >> 8;
    out[2 * i + 1] = word & 0xff;
  });
  return out;
}

// Decimal and hex text of every octet, made once: address text is the last step of every decode.
const DECIMAL: readonly string[] = Array.from({ length: 256 }, (_, n) => String(n));
const HEX: readonly string[] = Array.from({ length: 256 }, (_, n) => n.toString(16));
const HEX_PADDED: readonly string[] = Array.from({ length: 256 }, (_, n) => n.toString(16).padStart(2, '0'));

// A 16-bit group in hex without leading zeros (RFC 5952 §4.1).
const hexGroup = (word: number): string => (word < 0x100 ? HEX[word]! : HEX[word >> 8]! + HEX_PADDED[word & 0xff]!);

export function formatIPv4Octets(a: number, b: number, c: number, d: number): string {
  return `${DECIMAL[a]}.${DECIMAL[b]}.${DECIMAL[c]}.${DECIMAL[d]}`;
}

export function formatIPv4(bytes: Uint8Array): string {
  return formatIPv4Octets(bytes[0] ?? 0, bytes[1] ?? 0, bytes[2] ?? 0, bytes[3] ?? 0);
}

export function formatIPv6(bytes: Uint8Array): string {
  const words = new Uint16Array(8);
  for (let i = 0; i < 8; i++) words[i] = ((bytes[2 * i] ?? 0) << 8) | (bytes[2 * i + 1] ?? 0);
  return formatIPv6Words(words);
}

// RFC 5952 text of eight 16-bit groups.
export function formatIPv6Words(words: ArrayLike<number>): string {
  if (words[0]! === 0 && words[1]! === 0 && words[2]! === 0 && words[3]! === 0 && words[4]! === 0 && words[5]! === 0xffff) {
    return `::ffff:${formatIPv4Octets(words[6]! >> 8, words[6]! & 0xff, words[7]! >> 8, words[7]! & 0xff)}`; // RFC 5952 §5
  }
  // Longest run of two or more zero groups, the first one on a tie (RFC 5952 §4.2).
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (words[i]! !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j]! === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  let text = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      text += '::';
      i += bestLength - 1;
      continue;
    }
    if (i > 0 && i !== bestStart + bestLength) text += ':';
    text += hexGroup(words[i]!);
  }
  return text;
}
