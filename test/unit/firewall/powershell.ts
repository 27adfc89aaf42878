// A reader for the PowerShell the Windows export writes, after the PowerShell language
// specification (chapter 2, lexical structure; about_Quoting_Rules; about_Comments): line and
// block comments, single-quoted strings (any of ' ‘ ’ ‚ ‛ opens and closes one; two in a row stand
// for one quote inside), expandable double-quoted strings (" “ ” „, with backtick escapes and $
// substitutions), and bare words. A new line is CR, LF or CRLF. Enough to see which characters of
// a script are code and which are only a string or a comment.
export type TokenKind = 'comment' | 'string' | 'expandable' | 'word' | 'newline';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;    // as written
  readonly value: string;   // a string's content, unquoted; else the text
}

const SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b";
const DOUBLE_QUOTES = '"\u201c\u201d\u201e';
const NEW_LINE = '\r\n';
const isSpace = (char: string) => char !== '\r' && char !== '\n' && /\s/.test(char);

export function lexPowerShell(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  const push = (kind: TokenKind, start: number, value?: string) => tokens.push({ kind, text: source.slice(start, at), value: value ?? source.slice(start, at) });
  while (at < source.length) {
    const char = source[at] as string;
    const start = at;
    if (isSpace(char)) {
      at += 1;
    } else if (NEW_LINE.includes(char)) {
      at += source.startsWith('\r\n', at) ? 2 : 1;
      push('newline', start);
    } else if (source.startsWith('<#', at)) {
      const end = source.indexOf('#>', at + 2);
      if (end < 0) throw new Error(`block comment at ${at} is never closed`);
      at = end + 2;
      push('comment', start);
    } else if (char === '#') {
      while (at < source.length && !NEW_LINE.includes(source[at] as string)) at += 1;
      push('comment', start);
    } else if (SINGLE_QUOTES.includes(char)) {
      let value = '';
      at += 1;
      for (;;) {
        if (at >= source.length) throw new Error(`single-quoted string at ${start} is never closed`);
        const inner = source[at] as string;
        if (SINGLE_QUOTES.includes(inner)) {
          const next = source[at + 1];
          if (next !== undefined && SINGLE_QUOTES.includes(next)) {
            value += inner;
            at += 2;
            continue;
          }
          at += 1;
          break;
        }
        value += inner;
        at += 1;
      }
      push('string', start, value);
    } else if (DOUBLE_QUOTES.includes(char)) {
      at += 1;
      while (at < source.length && !DOUBLE_QUOTES.includes(source[at] as string)) at += source[at] === '`' ? 2 : 1;
      if (at >= source.length) throw new Error(`double-quoted string at ${start} is never closed`);
      at += 1;
      push('expandable', start);
    } else {
      while (at < source.length && !isSpace(source[at] as string) && !NEW_LINE.includes(source[at] as string) && !SINGLE_QUOTES.includes(source[at] as string) && !DOUBLE_QUOTES.includes(source[at] as string)) {
        at += 1;
      }
      push('word', start);
    }
  }
  return tokens;
}

// The code of a script: every token but comments, as the interpreter would see it.
export const codeTokens = (source: string): Token[] => lexPowerShell(source).filter((token) => token.kind !== 'comment');
