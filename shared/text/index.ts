// The one place that turns the domain's codes into words (DESIGN.md, "The domain speaks in
// codes"): word(language, message) for every surface, terminal, wizard, PDF, Markdown and the
// comments in firewall exports. Reports and checklists keep the codes, so a report measured in
// English prints a German checklist.
import type { Catalog } from './catalog';
import { DE } from './de';
import { EN } from './en';
import { LANGUAGES, type Language } from './format';
import type { Message } from './messages';
import { terminalDe } from './de/terminal';
import { terminalEn } from './en/terminal';
import type { TerminalText } from './terminal';
import { documentDe } from './de/document';
import { documentEn } from './en/document';
import type { DocumentText } from './document';
import { cliDe } from './de/cli';
import { cliEn } from './en/cli';
import type { CliText } from './cli';
import { firewallDe } from './de/firewall';
import { firewallEn } from './en/firewall';
import type { FirewallText } from './firewall';

export type { Catalog } from './catalog';
export { FORMAT, LANGUAGES, type Formatter, type Language } from './format';
export { isMessage, type Message } from './messages';
export type { TerminalText } from './terminal';
export type { DocumentText } from './document';
export type { CliText } from './cli';
export type { FirewallText } from './firewall';

const CATALOGS: { readonly [L in Language]: Catalog<Message> } = { en: EN, de: DE };

export function word(language: Language, message: Message): string {
  // Each wording takes only its own code's message; the code looked up is that message's.
  const catalog = (CATALOGS[language] ?? EN) as unknown as Readonly<Record<string, ((message: Message) => string) | undefined>>;
  // Codes are checked where a report is read; should one slip through, it shows as its code
  // rather than breaking the page.
  const code = typeof message === 'object' && message !== null && typeof message.code === 'string' ? message.code : '?';
  const wording = Object.hasOwn(catalog, code) ? catalog[code] : undefined;
  return wording === undefined ? `[${code}]` : wording(message);
}

// Parts of one piece of evidence, each a sentence, read as one paragraph.
export function wordAll(language: Language, messages: readonly Message[]): string {
  return messages.map((message) => word(language, message)).join(' ');
}

// The terminal's frame (labels, phrases around values) in each language.
export const TERMINAL: { readonly [L in Language]: TerminalText } = { en: terminalEn, de: terminalDe };

// The exported documents' frame (headings, labels) in each language: the PDF and the Markdown.
export const DOCUMENT: { readonly [L in Language]: DocumentText } = { en: documentEn, de: documentDe };

// The firewall exports' comment lines (headings, steps, notes around the rules) in each language.
export const FIREWALL: { readonly [L in Language]: FirewallText } = { en: firewallEn, de: firewallDe };

// The command line's own words (help, banners, what it adds around a refusal) in each language.
export const CLI: { readonly [L in Language]: CliText } = { en: cliEn, de: cliDe };

// A language code from outside (a flag, a setting), or undefined when it is none of ours.
export function languageOf(value: string): Language | undefined {
  return (LANGUAGES as readonly string[]).includes(value) ? (value as Language) : undefined;
}
