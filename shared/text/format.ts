// Values in a reader's convention, spelled out by hand so a document reads the same on every
// machine and locale (like shared/export/document.ts formatDate): 12.5 ms / 12,5 ms.
import type { PortRange } from '../port-range';

export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Formatter {
  number(value: number, fractionDigits?: number): string;
  time(iso: string): string;                               // a moment, to the second, in UTC
  range(range: PortRange): string;                         // "55000-56000", or "65002" for one port
  ranges(ranges: readonly PortRange[]): string;            // "55000-56000, 65002"
  ports(ports: readonly number[], shown?: number): string; // "55000, 55091 and 4 more"
  list(items: readonly string[]): string;                  // "a, b and c"
}

const pad = (value: number): string => String(value).padStart(2, '0');

function formatter(language: Language): Formatter {
  const and = language === 'de' ? 'und' : 'and';
  const self: Formatter = {
    number(value, fractionDigits = 0) {
      const fixed = value.toFixed(fractionDigits);
      return language === 'de' ? fixed.replace('.', ',') : fixed;
    },
    time(iso) {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      const [y, m, d] = [date.getUTCFullYear(), pad(date.getUTCMonth() + 1), pad(date.getUTCDate())];
      const clock = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} UTC`;
      return language === 'de' ? `${d}.${m}.${y} ${clock}` : `${y}-${m}-${d} ${clock}`;
    },
    range(range) {
      return range.from === range.to ? String(range.from) : `${range.from}-${range.to}`;
    },
    ranges(ranges) {
      return ranges.map((range) => self.range(range)).join(', ');
    },
    ports(ports, shown = 8) {
      if (ports.length <= shown) return self.list(ports.map(String));
      const more = ports.length - shown;
      return `${ports.slice(0, shown).join(', ')} ${and} ${language === 'de' ? `${more} weitere` : `${more} more`}`;
    },
    list(items) {
      if (items.length <= 1) return items.join('');
      return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
    },
  };
  return self;
}

export const FORMAT: { readonly [L in Language]: Formatter } = { en: formatter('en'), de: formatter('de') };

// The port of an "ip:port" or "[v6]:port" text.
export function portOf(address: string): number {
  return Number(address.slice(address.lastIndexOf(':') + 1));
}
