// The language of the browser-mode server's own answers (a refused request, a missing file): the
// one of ours the request's Accept-Language ranks highest (RFC 9110 §12.5.4), else English.
import { languageOf, type Language } from '../../shared/text';

export function requestLanguage(header: string | string[] | undefined): Language {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  let best: { language: Language; q: number } | null = null;
  // A few entries are plenty; a header of thousands is not read to its end.
  for (const entry of text.split(',').slice(0, 32)) {
    const [range = '', ...parameters] = entry.trim().split(';');
    const language = languageOf(range.trim().toLowerCase().split('-')[0] ?? '');
    if (language === undefined) continue;
    const weight = parameters.map((parameter) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(parameter)?.[1]).find((value) => value !== undefined);
    const q = weight === undefined ? 1 : Number(weight);
    // Equal weights keep the earlier entry: the order the browser sent them in.
    if (q > 0 && (best === null || q > best.q)) best = { language, q };
  }
  return best?.language ?? 'en';
}
