// The wizard's language: chosen from the browser's languages, switchable in the header.
import { de } from './de';
import { en, type Messages } from './en';

export const LANGUAGES = ['en', 'de'] as const;
export type Lang = (typeof LANGUAGES)[number];

const CATALOGS: Readonly<Record<Lang, Messages>> = { en, de };

export function detectLang(languages: readonly string[]): Lang {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'de' || primary === 'en') return primary;
  }
  return 'en';
}

export class Locale {
  #lang = $state<Lang>('en');
  #t = $derived(CATALOGS[this.#lang]);

  constructor(lang: Lang) {
    this.#lang = lang;
  }

  get lang(): Lang {
    return this.#lang;
  }

  get t(): Messages {
    return this.#t;
  }

  catalog(lang: Lang): Messages {
    return CATALOGS[lang];
  }

  // Numbers in the reader's convention (12.5 ms / 12,5 ms).
  number(value: number, fractionDigits = 0): string {
    return new Intl.NumberFormat(this.#lang, { maximumFractionDigits: fractionDigits, minimumFractionDigits: fractionDigits }).format(value);
  }

  // A saved time in the reader's convention ("23 Nov 2026, 22:10" / "23.11.2026, 22:10"); with
  // seconds where two of them may fall in one minute (the runs of a site).
  dateTime(iso: string, seconds = false): string {
    return new Intl.DateTimeFormat(this.#lang, { dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short' }).format(Date.parse(iso));
  }

  set(lang: Lang): void {
    this.#lang = lang;
  }
}
