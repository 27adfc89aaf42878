// A strict reader for the small XML the pfSense export writes (elements, text, comments; no
// attributes): enough to prove the fragment is well-formed and to look values up by path.
export interface XmlElement {
  readonly name: string;
  readonly children: XmlElement[];
  text: string;
}

const TOKEN = /<!--[\s\S]*?-->|<\/([A-Za-z][\w.-]*)\s*>|<([A-Za-z][\w.-]*)\s*(\/?)>|([^<]+)|(<)/g;
const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: '#document', children: [], text: '' };
  const stack = [root];
  for (const match of source.matchAll(TOKEN)) {
    const [token, closing, opening, selfClosing, text, stray] = match;
    const top = stack[stack.length - 1] as XmlElement;
    if (stray) throw new Error(`not well-formed at offset ${match.index}: ${source.slice(match.index, match.index + 30)}`);
    if (token.startsWith('<!--')) continue;
    if (closing) {
      if (top.name !== closing) throw new Error(`</${closing}> closes <${top.name}>`);
      stack.pop();
    } else if (opening) {
      const element: XmlElement = { name: opening, children: [], text: '' };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    } else if (text !== undefined) {
      if (/[&](?!(amp|lt|gt);)/.test(text)) throw new Error(`bare & in "${text.trim()}"`);
      top.text += decode(text);
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]?.name}> is never closed`);
  if (root.children.length !== 1) throw new Error('an XML document has exactly one root element');
  return root.children[0] as XmlElement;
}

// All elements at a path of child names below `from`, e.g. find(doc, 'nat/rule/target').
export function find(from: XmlElement, path: string): XmlElement[] {
  return path.split('/').reduce<XmlElement[]>((nodes, name) => nodes.flatMap((node) => node.children.filter((child) => child.name === name)), [from]);
}

export const texts = (from: XmlElement, path: string) => find(from, path).map((node) => node.text.trim());
