// The fields of a checklist that the documents (Markdown, PDF, JSON) write as text, for the hostile
// value tests: free text and the addresses, names and ports a hand-edited file can fill with anything.
import type { Checklist } from '../../../shared/checklist/model';
import { FREE_FIELDS, HOSTILE, MARK, withValue } from '../firewall/hostile';

export const DOCUMENT_FIELDS: readonly string[] = [
  ...FREE_FIELDS,
  'network.pbxIp',
  'network.gateway',
  'network.publicIp',
  'network.stun[0].host',
  'network.stun[0].ip',
  'network.sip.host',
  'network.sip.ip',
  'network.sip.port',
  'profile.sipPort',
  'rules[0].destination.addresses[0]',
  'rules[0].destination.hosts[0]',
  'rules[0].destination.label',
  'rules[0].source.ports.ranges[0].from',
];

// Every document field at once holds the value.
export function everyField(checklist: Checklist, value: unknown): Checklist {
  return DOCUMENT_FIELDS.reduce((changed, field) => withValue(changed, field, value), checklist);
}

// For Markdown also: entities turn into characters ("&#x6A;avascript:" reads "javascript:"), and
// each way Markdown has to make a link, an image, raw HTML or emphasis.
export const MARKDOWN_HOSTILE: readonly (readonly [string, string])[] = [
  ...HOSTILE,
  ['character references', `&lt;script&gt;${MARK}&#x3C;/script&#62; &#x6A;avascript:alert(1)`],
  ['a link reference definition', `\n[${MARK}]: javascript:alert(1)\n`],
  ['an image', `![${MARK}](javascript:alert(1))`],
  ['an HTML comment and a block', `\n<!-- ${MARK} -->\n<div>\n`],
  ['emphasis and code', `**${MARK}** _x_ ~~y~~ \`code\``],
  ['an escaped backslash before markup', `\\\\<b>${MARK}\\\\</b>`],
];
