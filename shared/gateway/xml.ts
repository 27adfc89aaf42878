// Just enough XML for a UPnP device description and a SOAP answer, read from a router on the
// LAN and so possibly hostile: one linear pass with indexOf (no backtracking pattern can be
// driven quadratic), element names by their local part (any namespace prefix, or none), the
// text of each element, the five predefined entities and character references. A DOCTYPE is
// refused: no UPnP document has one, and it is how entity-expansion attacks begin.

export interface XmlElementEnd {
  readonly name: string; // local name, as written ("controlURL" of "<s:controlURL>")
  readonly text: string; // the text since the last tag, entities decoded, trimmed
}

export const MAX_XML_LENGTH = 262_144;
const MAX_TAGS = 20_000;

// Calls `open` for each start tag and `close` for each end tag (a self-closing one gives both,
// with empty text). Returns where reading stopped, or undefined when the document was read.
export function scanXml(xml: string, visit: { open(name: string): void; close(element: XmlElementEnd): void }): string | undefined {
  if (xml.length > MAX_XML_LENGTH) return 'xml/length';
  let pos = 0;
  let text = '';
  let tags = 0;
  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    if (lt === -1) break;
    text += decodeEntities(xml.slice(pos, lt));
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end === -1) return 'xml/comment';
      pos = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end === -1) return 'xml/cdata';
      text += xml.slice(lt + 9, end);
      pos = end + 3;
      continue;
    }
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      if (end === -1) return 'xml/declaration';
      pos = end + 2;
      continue;
    }
    if (xml.startsWith('<!', lt)) return 'xml/doctype';
    const gt = tagEnd(xml, lt + 1);
    if (gt === -1) return 'xml/tag';
    if (++tags > MAX_TAGS) return 'xml/tags';
    const tag = xml.slice(lt + 1, gt);
    const name = /^\/?([A-Za-z_][\w.:-]*)/.exec(tag)?.[1];
    if (name === undefined) return 'xml/tag';
    const local = name.slice(name.lastIndexOf(':') + 1);
    if (tag.startsWith('/')) {
      visit.close({ name: local, text: text.trim() });
    } else {
      visit.open(local);
      if (tag.endsWith('/')) visit.close({ name: local, text: '' });
    }
    text = '';
    pos = gt + 1;
  }
  return undefined;
}

// The ">" that ends a tag, skipping any inside a quoted attribute value.
function tagEnd(xml: string, from: number): number {
  let quote = '';
  for (let i = from; i < xml.length; i++) {
    const c = xml[i]!;
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return i;
    } else if (c === '<') {
      return -1;
    }
  }
  return -1;
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-z]{2,4});/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const cp = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : whole;
    }
    return NAMED[body] ?? whole;
  });
}
