// The errors in English: one clear sentence naming the problem and the fix.
import type { Catalog } from '../catalog';
import type { DocumentProblem, ErrorMessage, PROFILE_PROBLEMS, PROVIDER_PROBLEMS, SchemaProblem, Seen } from '../messages/errors';

const list = (items: readonly string[]): string => items.join(', ');
// Words from outside that end a sentence, given their full stop.
const ended = (detail: string): string => (/[.!?]$/.test(detail) ? detail : `${detail}.`);
const or = (items: readonly string[]): string => items.join(' or ');
const field = (path: string): string => (path === '' ? 'value' : path);

// A named file, or the document that came over IPC or from the wizard's saved session.
const report = (file: string | null): string => file ?? 'The report';
const checklist = (file: string | null): string => file ?? 'The checklist';

// "the disk is full (ENOSPC)"; a cause without an errno code is the system's own words.
const FS_CAUSES: { readonly [errno: string]: string } = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EACCES: 'permission was denied',
  EPERM: 'the operation is not permitted',
  ENOTDIR: 'part of the path is a file, not a folder',
  ENOENT: 'the path does not exist',
  EISDIR: 'a folder is in the way',
  EEXIST: 'a file is in the way where a folder belongs',
  EMFILE: 'too many files are open',
  EIO: 'the disk reported an input/output error',
  EBUSY: 'the file is locked by another program',
};
const fs = (cause: string): string => (Object.hasOwn(FS_CAUSES, cause) ? `${FS_CAUSES[cause]} (${cause})` : cause);

function seen(value: Seen): string {
  if (value === null) return '';
  if ('shape' in value) return value.shape === 'list' ? ' (a list)' : ' (an object)';
  return ` (${value.excerpt}${value.length === null ? '' : `, ${value.length} characters`})`;
}

const TOKENS = { 'profile-id': 'a PBX profile id such as swyxware', outcome: 'an outcome such as connected or timeout', version: 'a version such as 0.1.0', 'sip-method': 'a SIP method such as OPTIONS' } as const;

// What is wrong with one field, as the end of a sentence that names it ("its rules[0].id …").
const SCHEMA: Catalog<SchemaProblem> = {
  'schema/not-text': (p) => `is not text${seen(p.seen)}`,
  'schema/too-long': (p) => `is longer than ${p.max} characters${seen(p.seen)}`,
  'schema/control-character': (p) => `contains a line break or another control character${seen(p.seen)}`,
  'schema/not-token': (p) => `is not ${TOKENS[p.token]}${seen(p.seen)}`,
  'schema/not-ip': (p) => `is not an IP address${seen(p.seen)}`,
  'schema/not-ipv6': (p) => `is not an IPv6 address${seen(p.seen)}`,
  'schema/not-host': (p) => `is not a host name or IP address${seen(p.seen)}`,
  'schema/not-server': (p) => `is not a server written as host or host:port${seen(p.seen)}`,
  'schema/not-port': (p) => `is not a port number from 1 to 65535${seen(p.seen)}`,
  'schema/not-integer': (p) => `is not a whole number from ${p.min} to ${p.max}${seen(p.seen)}`,
  'schema/not-number': (p) => `is not a number from ${p.min} to ${p.max}${seen(p.seen)}`,
  'schema/not-flag': (p) => `is not true or false${seen(p.seen)}`,
  'schema/not-one-of': (p) => `is not one of ${list(p.values)}${seen(p.seen)}`,
  'schema/not-literal': (p) => `is not ${p.expected}${seen(p.seen)}`,
  'schema/not-timestamp': (p) => `is not a date and time such as 2026-11-23T21:21:40.248Z${seen(p.seen)}`,
  'schema/not-list': (p) => `is not a list${seen(p.seen)}`,
  'schema/too-many': (p) => `has ${p.count} entries, more than ${p.max}`,
  'schema/not-object': (p) => `is not an object${seen(p.seen)}`,
  'schema/missing': () => 'is missing',
  'schema/not-error': (p) => `is not an error as TrunkCheck writes one${seen(p.seen)}`,
  'schema/not-message': (p) => `is not ${MESSAGE_KIND_NAMES[p.kind]} as TrunkCheck writes it (a known code with its values)${seen(p.seen)}`,
  'schema/backwards': (p) => `runs backwards, from ${p.from} down to ${p.to}`,
  'schema/no-stun-server': () => 'names no STUN server',
  'schema/rule-twice': () => 'names a rule twice',
  'schema/no-pbx-address-for-family': () => 'hold a rule of an IP version for which the checklist names no PBX address',
};

export function schemaProblemEn(problem: SchemaProblem): string {
  return (SCHEMA[problem.code] as (problem: SchemaProblem) => string)(problem);
}

const fieldProblem = (path: string, problem: SchemaProblem): string => `its ${field(path)} ${schemaProblemEn(problem)}`;

// Why a history file cannot be used, as the end of a sentence that names the file.
const DOCUMENT: Catalog<DocumentProblem> = {
  'document/not-json': () => 'is not valid JSON (perhaps cut short)',
  'document/not-report': () => 'is not a TrunkCheck report',
  'document/not-checklist': () => 'is not a TrunkCheck checklist',
  'document/newer-report': (p) => `was saved by a newer TrunkCheck (report schema ${p.version}, this version reads ${p.reads})`,
  'document/newer-checklist': (p) => `was saved by a newer TrunkCheck (checklist schema ${p.version}, this version reads ${p.reads})`,
  'document/damaged-report': (p) => `is a damaged report (${p.path === null || p.problem === null ? 'unreadable' : fieldProblem(p.path, p.problem)})`,
  'document/damaged-checklist': () => 'is a damaged checklist (rules, verdict or NAT missing)',
  'document/not-saved-file': () => 'is not a file TrunkCheck saved',
};

const documentProblem = (problem: DocumentProblem): string => (DOCUMENT[problem.code] as (problem: DocumentProblem) => string)(problem);

const NO_REQUEST = {
  'public-address': 'The public-address check needs an object with a "stun" server.',
  diagnose: 'The NAT test needs an object with a "stun" list.',
  monitor: 'The keep-alive monitor needs an object with a "stun" server.',
  'checklist-build': 'Building a checklist needs a report, the site and the language.',
  'checklist-export': 'Exporting needs a checklist and a format.',
  'history-save': 'Saving needs a site and a report.',
  checklist: 'The checklist is missing.',
  'provider-save': 'Saving a provider needs an object with the "provider" to save.',
  'provider-remove': 'Removing a provider needs an object with its "id".',
  'history-compare': 'Comparing needs an object with the "older" and the "newer" saved report.',
} as const;

const REQUEST_NAMES = {
  'public-address': 'the public-address request',
  diagnose: 'the NAT test request',
  monitor: 'the keep-alive monitor request',
  'checklist-build': 'the checklist request',
  'checklist-export': 'the export request',
  'history-save': 'the save request',
  checklist: 'the checklist',
  'provider-save': 'the request to save a provider',
  'provider-remove': 'the request to remove a provider',
  'history-compare': 'the request to compare two runs',
} as const;

const SAVED = { settings: 'its settings', report: 'the report', checklist: 'the checklist' } as const;

const SETTINGS_DAMAGE = {
  'not-json': 'it is not valid JSON',
  'not-object': 'it holds no settings object',
  'version-unreadable': 'its format version is unreadable',
  schema: 'it does not match the settings format',
} as const;

const SIP_TOKENS = { branch: 'branch', 'Call-ID': 'Call-ID', tag: 'tag' } as const;

// What is wrong with a catalog entry, as the end of a sentence that names it.
const PROVIDER: { readonly [P in (typeof PROVIDER_PROBLEMS)[number]]: string } = {
  'not-object': 'is not an object',
  'no-id': 'has no valid id (lower-case letters, digits and dashes)',
  'no-name': 'has no name',
  'duplicate-id': 'has the same id as an earlier entry',
  'sip-section': 'has an invalid "sip" section',
  'sip-host': 'has an invalid SIP host',
  'alternate-hosts': 'has an invalid list of alternate SIP hosts',
  'sip-port': 'has an invalid SIP port',
  'sip-transport': 'has an invalid SIP transport (udp, tcp, tls or null)',
  'outbound-proxy': 'has an invalid outbound proxy',
  'sip-source': 'names no source for its SIP server',
  'stun-section': 'has an invalid "stun" section',
  'stun-host': 'has an invalid STUN host',
  'stun-port': 'has an invalid STUN port',
  'stun-source': 'names no source for its STUN server',
  'media-section': 'has an invalid "media" section',
  'media-range': 'has an invalid media port range',
  'media-networks': 'has an invalid list of media networks (CIDR, e.g. 168.86.128.0/18)',
  'media-source': 'names no source for its media ports',
  'networks-section': 'has an invalid "networks" section',
  'networks-list': 'has an invalid list of networks (CIDR, e.g. 109.68.96.0/21)',
  'networks-source': 'names no source for its networks',
  'quality-section': 'has an invalid "quality" section',
  'loss-limit': 'has an invalid loss limit (percent, 0-100)',
  'delay-limit': 'has an invalid delay or jitter limit (ms)',
  'quality-source': 'names no source for its quality limits',
  'notes-list': 'has an invalid notes list',
  'note-text': 'has a note without text',
  'note-source': 'names no source for the note',
};
const provider = (problem: (typeof PROVIDER_PROBLEMS)[number], note: string | null): string => (note === null ? PROVIDER[problem] : `${PROVIDER[problem]} "${note}"`);

const CUSTOM_FACT = { 'sip-port': 'the SIP port (--sip-port)', rtp: 'the RTP range (--rtp)', 'inbound-media': 'inbound media (--inbound-media)' } as const;

const PROFILE: { readonly [P in (typeof PROFILE_PROBLEMS)[number]]: (key: string | null) => string } = {
  'not-object': () => 'is not an object',
  'no-id': () => 'has no valid id',
  'no-name': () => 'has no name',
  port: (key) => `has an invalid ${key ?? 'port'}`,
  'rtp-range': () => 'has an invalid RTP range',
  keepalive: () => 'has an invalid keepaliveSec',
  'supported-nat': () => 'has an invalid supportedNat list',
  'no-source': () => 'names no source',
  media: () => 'says neither "return-path" nor "any-source" for media.inbound, or names no media.source',
  codecs: () => 'names no codec it offers (codecs.offered: g711, g722, g729) or no codecs.source',
};

const timeoutSentence = (server: string, requests: number, waitedMs: number): string => `No STUN answer from ${server} after ${requests} requests in ${(waitedMs / 1000).toFixed(1)} s.`;

const VALUE_KIND_NAMES = { 'ip-address': 'IP address', 'host-name': 'host name', port: 'port', 'port-range': 'port range', list: 'list', seconds: 'number of seconds', rule: 'rule', direction: 'direction', status: 'status', verdict: 'verdict', 'nat-type': 'NAT type', language: 'language', 'ip-family': 'IP version with a PBX address' } as const;

const MESSAGE_KIND_NAMES = { finding: 'a finding', evidence: 'evidence', fix: 'a fix' } as const;

export const errorsEn: Catalog<ErrorMessage> = {
  'request/stun-server': () => 'The STUN server must be written as host or host:port (an IPv6 address as [address]:port), for example stun.sipgate.net:10000.',
  'request/sip-server': () => 'The SIP server must be written as host or host:port (an IPv6 address as [address]:port), for example sipconnect.sipgate.de:5060.',
  'request/stun-missing': (e) => (e.provider === null ? 'Name a STUN server, for example stun.sipgate.net:10000.' : `The catalog knows no STUN server for ${e.provider}: name one, for example stun.sipgate.net:10000.`),
  'cli/rerun-without-from': () => '--rerun and --from go together: --rerun sip --from REPORT.json runs the SIP check again and keeps the rest of that report.',
  'request/stun-too-many': (e) => `Name at most ${e.max} STUN servers: the first for the public address and NAT tests, the second for mapping without RFC 5780.`,
  'request/local-ip': () => 'The local address must be an IPv4 or IPv6 address of this machine.',
  'request/family': () => 'The IP version must be 4, 6 or both.',
  'request/no-ipv6-address': () => 'This machine has no global IPv6 address to test from: name one with --local-ip, or test IPv4 with --family 4.',
  'request/sip-port': () => 'The SIP port must be a whole number from 1 to 65535.',
  'request/unknown-profile': (e) => (e.profile === null ? `The PBX profile must be one of ${list(e.profiles)}.` : `There is no PBX profile ${JSON.stringify(e.profile)}: choose one of ${list(e.profiles)}.`),
  'request/unknown-provider': (e) => (e.provider === null ? 'The provider must be the id of one in the catalog.' : `There is no provider ${JSON.stringify(e.provider)} in the catalog.`),
  'request/rtp-range': () => 'The RTP range must be two port numbers, from ≤ to, for example 55000–56000.',
  'request/custom-profile': (e) =>
    `A custom PBX needs its SIP port, its RTP range and what it needs of inbound media (return-path or any-source); missing: ${list(e.missing.map((fact) => CUSTOM_FACT[fact]))}.`,
  'request/inbound-media': () =>
    'Inbound media must be return-path (the PBX sends first from every RTP port) or any-source (media from any address must arrive unasked).',
  'request/inbound-media-not-custom': (e) => `The profile ${JSON.stringify(e.profile)} says itself what its PBX needs of inbound media: choose the profile custom to name it.`,
  'request/quality-sec': (e) => `The line-quality measurement takes ${e.min} to ${e.max} whole seconds.`,
  'request/interval-sec': (e) => `The keep-alive interval must be a number of seconds from ${e.min} to ${e.max}.`,
  'request/register': () => 'The registration must name a user and a password.',
  'request/register-user': (e) => `The SIP user name must be 1 to ${e.max} characters a SIP URI's user part allows (letters, digits and - _ . ! ~ * ' ( ) & = + $ , ; ? / or %XX; RFC 3261 §25.1).`,
  'request/register-password': (e) => `The SIP password must not be empty and at most ${e.max} bytes long.`,
  'request/register-domain': () => 'The registration domain must be a host name or an IP address.',
  'request/register-wait': (e) => `The wait for the provider's request takes ${e.min} to ${e.max} whole seconds.`,
  'request/register-needs-sip': () => "Registering needs the provider's SIP server: name it (--sip) or a provider that has one.",
  'request/rerun-register-credentials': () => 'Running the registration again needs the user name and the password again.',
  'request/rerun-check': (e) => `The check to run again must be one of ${list(e.checks)}, given with the earlier report.`,
  'request/site-id': () => 'The site id must be lower-case letters, digits, dashes and underscores, at most 64, for example head-office.',
  'request/provider-id': () => 'The provider id must be lower-case letters, digits and dashes, at most 40, for example my-trunk.',
  'request/history-file': () => 'Name the two saved reports to compare as the history lists them, for example sites/head-office/20261123T210000000Z-report.json.',
  'request/firewall': (e) => `There is no firewall "${e.firewall}": choose one or more of ${list(e.firewalls)}, separated by commas.`,
  'request/firewall-not-document': (e) => `Firewall syntaxes go into the appendix of a PDF or Markdown checklist, not into "${e.format}": use --format pdf or md, or --format with the firewall's own name.`,
  'ipc/not-a-list': (e) => `"${e.field}" must be a list of one or two servers.`,
  'ipc/no-arguments': () => 'This action takes no arguments.',
  'ipc/no-request': (e) => NO_REQUEST[e.request],
  'ipc/unknown-field': (e) => `Unknown field "${e.field}" in ${REQUEST_NAMES[e.request]}.`,
  'ipc/bad-media': () => '"media" must be "sample", "full" or "off".',
  'ipc/not-a-flag': (e) => `"${e.field}" must be true or false.`,
  'ipc/bad-cancel': (e) => `Say which check to cancel: "all" or one of ${list(e.checks)}.`,
  'ipc/bad-site': (e) => `The site needs a name, customer and technician of at most ${e.max} characters each, on one line: ${fieldProblem(e.path, e.problem)}.`,
  'ipc/bad-language': () => 'The checklist language must be "en" or "de".',
  'ipc/bad-format': (e) => `The export format must be one of ${list(e.formats)}.`,
  'ipc/unknown-channel': () => 'The wizard asked for an action this version of TrunkCheck does not know.',
  'ipc/unreadable-request': (e) => `The request for "${e.channel}" could not be read: it is cyclic, too deeply nested or holds values JSON cannot carry.`,
  'ipc/forbidden': () => 'This request did not come from the TrunkCheck window.',
  'ipc/too-large': (e) => `The request is larger than ${e.maxMib} MiB.`,
  'ipc/not-json': () => 'The request body is not valid JSON.',
  'internal/error': (e) => (e.channel === null ? `TrunkCheck hit an internal error: ${ended(e.detail)}` : `TrunkCheck hit an internal error while handling "${e.channel}": ${ended(e.detail)}`),
  'internal/stun-check': (e) => `The STUN check failed unexpectedly: ${ended(e.detail)}`,
  'app/monitor-running': (e) =>
    e.asked === 'check' ? 'The keep-alive monitor is using the SIP port: stop it first, then run the check.' : 'The keep-alive monitor is already running: stop it before starting it again.',
  'app/busy': (e) =>
    e.asked === 'check' ? 'Another check is still using the SIP port: wait for it to finish, then try again.' : 'A check is still using the SIP port: wait for it to finish, then start the monitor.',

  'report/too-large': (e) => `${report(e.file)} is ${e.mb} MB, far larger than any TrunkCheck report: give the file written by "trunkcheck diagnose --json" or --out.`,
  'report/not-json': (e) => `${report(e.file)} is not JSON: give the file written by "trunkcheck diagnose --json" or --out.`,
  'report/foreign': (e) => `${report(e.file)} is not a TrunkCheck report: give the file written by "trunkcheck diagnose --json" or --out.`,
  'report/no-version': (e) => `${report(e.file)} has no schemaVersion, so it is not a TrunkCheck report.`,
  'report/unknown-version': (e) => `${report(e.file)} has an unknown report schema ${e.version}.`,
  'report/newer': (e) => `${report(e.file)} was written by a newer TrunkCheck (report schema ${e.version}, this version reads ${e.reads}): update TrunkCheck to read it.`,
  'report/damaged': (e) => `${report(e.file)} is damaged or was edited: ${fieldProblem(e.path, e.problem)}; run the diagnosis again, or use the file as TrunkCheck wrote it.`,
  'report/unreadable': (e) => `The report ${e.file} could not be read (${e.cause}).`,
  'checklist/too-large': (e) => `${checklist(e.file)} is ${e.mb} MB, far larger than any TrunkCheck checklist: open a checklist saved by TrunkCheck (.json).`,
  'checklist/not-json': (e) => `${checklist(e.file)} is not JSON: open a checklist saved by TrunkCheck (.json).`,
  'checklist/is-report': (e) => `${checklist(e.file)} is a TrunkCheck diagnosis report, not a checklist: open it as a report, or save the checklist from it first.`,
  'checklist/foreign': (e) => `${checklist(e.file)} is not a TrunkCheck checklist: open a checklist saved by TrunkCheck (.json).`,
  'checklist/newer': (e) => `${checklist(e.file)} was made by a newer TrunkCheck (checklist schema ${e.version}, this version reads ${e.reads}): update TrunkCheck to open it.`,
  'checklist/unknown-version': (e) => `${checklist(e.file)} has an unknown checklist schema version (${e.version ?? 'none'}), so TrunkCheck cannot open it.`,
  'checklist/damaged': (e) => `${checklist(e.file)} is damaged or was edited: ${fieldProblem(e.path, e.problem)}; export the checklist again.`,
  'checklist/unknown-profile': (e) => `The report was made with the PBX profile "${e.profile}", which this TrunkCheck does not know.`,

  'store/open-failed': (e) => `TrunkCheck could not open its settings in ${e.folder}: ${fs(e.cause)}.`,
  'store/settings-reset': (e) =>
    `The settings file ${e.file} was damaged (${SETTINGS_DAMAGE[e.reason]}${e.detail === null ? '' : `: ${e.detail}`}); it was moved to ${e.aside} and TrunkCheck started with fresh settings.`,
  'store/settings-newer': (e) => `The settings file ${e.file} was written by a newer TrunkCheck (format ${e.version}, this version reads ${e.reads}): update TrunkCheck; the file was left unchanged.`,
  'store/settings-invalid': (e) => `The settings were not saved: ${e.detail}.`,
  'store/write-failed': (e) => `TrunkCheck could not save ${SAVED[e.what]} in ${e.folder}: ${fs(e.cause)}.`,
  'store/names-taken': (e) => `TrunkCheck could not save ${SAVED[e.what]} in ${e.folder}: ${e.tries} file names in a row were taken.`,
  'store/provider-exists': (e) => `The built-in catalog already has a provider "${e.provider}": give yours another id.`,
  'store/bad-site-id': (e) => `"${e.id}" is not a site id (lower-case letters, digits, "-" and "_").`,
  'store/not-saved': (e) => `TrunkCheck did not save ${SAVED[e.what]}: it ${documentProblem(e.problem)}.`,
  'store/not-writable': (e) => `TrunkCheck cannot save the history of site ${e.site} in ${e.folder}: ${fs(e.cause)}.`,
  'store/quarantined': (e) => `The file ${e.file} ${documentProblem(e.problem)}; it was moved to ${e.destination} and the rest of the history is unaffected.`,
  'store/corrupt': (e) => `The file ${e.file} ${documentProblem(e.problem)}, and it could not be moved to ${e.target} (${fs(e.cause)}); it was skipped.`,
  'store/newer': (e) => `The file ${e.file} ${documentProblem(e.problem)}: update TrunkCheck to open it; the file was left in place.`,
  'store/dated-ahead': (e) =>
    `The file ${e.file} is dated ${e.time}, later than this computer's clock (${e.clock}): it was left in place and is neither listed nor compared; check the clock of the computer that saved it.`,
  'store/missing': (e) => `The saved file ${e.file} no longer exists.`,
  'store/read-failed': (e) => `TrunkCheck could not read ${e.file}: ${fs(e.cause)}.`,
  'store/list-failed': (e) => `TrunkCheck could not read the history in ${e.folder}: ${fs(e.cause)}.`,
  'store/not-in-history': (e) => `${e.file} is not a file of the TrunkCheck history in ${e.folder}.`,
  'store/not-a-report': (e) => `${e.file} is a saved checklist, not a report: only two reports can be compared.`,
  'site/missing': () => 'The site profile is missing.',
  'site/bad-id': () => 'The site id may only hold lower-case letters, digits, "-" and "_" (at most 64).',
  'site/no-name': (e) => `Give the site a name (at most ${e.max} characters).`,
  'site/bad-customer': (e) => `The customer name must be text of at most ${e.max} characters.`,
  'site/bad-technician': (e) => `The technician name must be text of at most ${e.max} characters.`,
  'site/unknown-profile': (e) => `TrunkCheck has no PBX profile "${e.profile}": choose swyxware, 3cx or another listed profile.`,
  'site/unknown-provider': (e) => `TrunkCheck has no provider "${e.provider}": choose one from the list or add it first.`,
  'site/bad-stun-servers': (e) => `Each STUN server must be HOST or HOST:PORT (at most ${e.max}).`,
  'site/bad-sip-server': () => 'The SIP server must be HOST or HOST:PORT.',
  'site/bad-local-ip': () => 'The local address must be an IPv4 or IPv6 address.',
  'site/bad-sip-port': () => 'The SIP port must be a whole number from 1 to 65535.',
  'settings/missing': () => 'The settings change is missing.',
  'settings/bad-language': () => 'The language must be "en", "de" or null (follow the system).',
  'settings/bad-last-site': () => 'The last site id is not a valid site id.',
  'settings/bad-stun-server': () => 'The default STUN server must be HOST or HOST:PORT, or null.',
  'settings/bad-qos': () => 'QoS marking must be on (true) or off (false).',
  'settings/unknown': (e) => `There is no setting "${e.name}".`,

  'file/unusable': (e) => `${e.file} cannot be written: ${fs(e.cause)}; choose another file.`,
  'file/dangling-link': (e) => `${e.file} is a link to ${e.to}, which does not exist: name the file itself.`,
  'file/is-folder': (e) => `${e.file} is a folder: name a file in it.`,
  'file/disk-device': (e) => `${e.file} is a disk device, which TrunkCheck never writes to: name a file.`,
  'file/socket': (e) => `${e.file} is a socket, which cannot be opened as a file: name a file.`,
  'file/folder-is-file': (e) => `${e.folder} is not a folder, so ${e.file} cannot be written there: choose another place.`,
  'file/no-folder': (e) => `The folder ${e.folder} does not exist: create it, or choose another place for ${e.file}.`,
  'file/not-writable': (e) => `No file can be written in ${e.folder}: ${fs(e.cause)}; choose another place for ${e.file}.`,
  'file/write-failed': (e) => `${e.file} could not be written: ${fs(e.cause)}; nothing else was changed.`,

  'net/port-in-use': (e) =>
    `UDP port ${e.port} is already in use on this machine (probably by the PBX's own link manager, e.g. SwyxLinkManager): ` +
    `stop that service for the test, or run TrunkCheck with --sip-port set to a free port to test the path without it.`,
  'net/address-not-available': (e) => `The address ${e.ip} does not belong to this machine: pick one of its interface addresses (trunkcheck diagnose without --local-ip uses all of them).`,
  'net/permission-denied': (e) => `TrunkCheck may not open UDP ${e.ip}:${e.port}: run it with the rights to bind that port, or choose a port above 1023.`,
  'net/socket': (e) => `UDP ${e.ip}:${e.port} could not be opened: ${e.detail}.`,
  'target/invalid': (e) =>
    e.role === 'sip'
      ? `"${e.text}" is not a SIP server: write host or host:port, for example sipconnect.sipgate.de.`
      : `"${e.text}" is not a server address: write host or host:port, for example stun.sipgate.net:10000.`,
  'target/missing': () => 'Name at least one STUN server.',
  'dns/not-found': (e) => `The name ${e.host} does not resolve to an IPv${e.family} address: check the spelling, or this machine's DNS server.`,
  'dns/failed': (e) => `The name ${e.host} could not be looked up (${e.errno}): check that this machine has a working DNS server.`,
  'stun/timeout': (e) =>
    e.port === null
      ? timeoutSentence(e.server, e.requests, e.waitedMs)
      : `${timeoutSentence(e.server, e.requests, e.waitedMs)} Outbound UDP from port ${e.port} seems blocked, or the server is down: allow UDP from this machine's port ${e.port} ` +
        `to the STUN server's port (and its answers back), or try another STUN server.`,
  'stun/wrong-source': (e) =>
    `${timeoutSentence(e.server, e.requests, e.waitedMs)} Answers did arrive, but from ${list(e.from)} instead of the server's own address: ` +
    'the server is behind a NAT or answers from another interface, so it cannot be used; choose another STUN server.',
  'stun/error-response': (e) => `The STUN server ${e.server} refused the Binding request (${e.status === null ? 'no ERROR-CODE' : `${e.status} ${e.reason ?? ''}`}).`,
  'stun/no-mapped-address': (e) => `The STUN server ${e.server} answered without a mapped address, so it cannot tell the public address.`,
  'stun/malformed-response': (e) => `The STUN server ${e.server} sent a malformed answer (${e.detail}).`,
  'stun/no-answer': () => 'The STUN server gave no usable answer.',
  'checks/cancelled': () => 'The checks were cancelled before they finished; the earlier results are unchanged.',
  'checks/rerun-mismatch': (e) => {
    const differs = [
      ...(e.profile === null ? [] : [`the PBX profile "${e.profile}"`]),
      ...(e.sipPort === null ? [] : [`SIP port ${e.sipPort}`]),
      ...(e.localIp === null ? [] : [`the local address ${e.localIp}`]),
      ...(e.stun === null ? [] : [`the STUN server ${e.stun}`]),
    ];
    return `The earlier results were measured with ${differs.join(' and ')}, not with what is entered now: run all checks again instead of one.`;
  },

  'dns/nxdomain': (e) => `The name ${e.name} does not exist in DNS (NXDOMAIN): check the spelling against the provider's documentation.`,
  'dns/no-address': (e) =>
    `The name ${e.name} exists but has no ${or(e.families.map((family) => (family === 4 ? 'IPv4 (A)' : 'IPv6 (AAAA)')))} address: ask the provider for the right server name, or use the address it documents.`,
  'dns/servfail': (e) =>
    `The DNS server answered SERVFAIL to the ${e.type} query for ${e.name}: the provider's name servers or this machine's DNS server are failing, so retry later or use another DNS server.`,
  'dns/timeout': (e) => `No answer came to the ${e.type} query for ${e.name} in time: check that this machine's DNS server is reachable and that UDP and TCP port 53 are open towards it.`,
  'dns/refused': (e) => `The DNS server refused the ${e.type} query for ${e.name}: point this machine at a DNS server that resolves public names, such as the router's.`,
  'dns/unreachable': (e) =>
    `No DNS server listens at the address this machine uses (the ${e.type} query for ${e.name} was refused): check the DNS server address in the network settings.`,
  'dns/query-failed': (e) => `The ${e.type} query for ${e.name} failed (${e.errno}): check that this machine has a working DNS server.`,
  'dns/no-target': () => 'No SIP server address was found: check the server name the provider documents.',
  'sip/no-udp': (e) => `${e.target} offers no SIP over UDP.`,
  'sip/bad-uri-host': (e) => `"${e.host}" is not a host name or IP address a SIP URI can carry.`,
  'sip/bad-port': (e) => `${e.port} is not a UDP port.`,
  'sip/bad-sent-by': (e) => `"${e.ip}" is not the IP address of this machine.`,
  'sip/bad-cseq': (e) => `${e.cseq} is not a CSeq number.`,
  'sip/bad-token': (e) => `"${e.value}" cannot be a ${SIP_TOKENS[e.token]}.`,
  'sip/bad-branch': (e) => `A branch must start with ${e.cookie} (RFC 3261 §8.1.1.7).`,
  'sip/bad-version': (e) => `"${e.version}" cannot be a version in User-Agent.`,
  'sip/bad-user': (e) => `"${e.user}" cannot be the user name of a SIP account: give 1 to 128 characters without control characters.`,
  'tcp/refused': (e) => `${e.target} refused the TCP connection: nothing listens there or a firewall rejects it, so check the provider's port and your outbound TCP rules.`,
  'tcp/timeout': (e) => `No TCP connection to ${e.target} within ${e.ms} ms: a firewall drops the packets or the address is wrong, so allow outbound TCP to it.`,
  'tcp/unreachable': (e) => `${e.target} is unreachable (${e.errno}): this machine has no route to it, so check its default gateway.`,
  'tcp/failed': (e) => `The TCP connection to ${e.target} failed (${e.errno}): check this machine's network connection.`,
  'tls/timeout': (e) => `${e.target} accepted TCP but finished no TLS handshake within ${e.ms} ms: the port may speak plain SIP, not TLS, so check the provider's TLS port.`,
  'tls/handshake-failed': (e) => `The TLS handshake with ${e.target} failed (${e.detail}): the port may not speak TLS, or the server needs TLS settings this check does not offer.`,
  'tls/no-certificate': (e) => `${e.target} completed the TLS handshake without a certificate: a PBX cannot verify it, so ask the provider for its TLS settings.`,
  'tls/expired': (e) => `The TLS certificate of ${e.server} (${e.target}) expired on ${e.date}: the provider must renew it, and until then a PBX that checks certificates will not connect.`,
  'tls/not-yet-valid': (e) => `The TLS certificate of ${e.server} (${e.target}) is valid only from ${e.date}: check this machine's clock, or tell the provider.`,
  'tls/name-mismatch': (e) => `The TLS certificate at ${e.target} is issued for ${e.names.length === 0 ? 'no name' : list(e.names)}, not ${e.server}: use the server name the provider documents for TLS.`,
  'tls/self-signed': (e) => `The TLS certificate of ${e.server} (${e.target}) is self-signed: a PBX accepts it only if you import it as trusted, so ask the provider for a CA-signed one.`,
  'tls/untrusted': (e) =>
    `The TLS certificate of ${e.server} (${e.target}) is not signed by a trusted authority (${e.reason ?? 'unknown'}): import the provider's CA certificate into the PBX, or ask the provider to send the full chain.`,

  'export/unknown-format': (e) => `There is no export format "${e.format}": choose one of ${list(e.formats)}.`,
  'export/failed': (e) => (e.format === null ? `The export failed: ${ended(e.detail)}` : `The ${e.format} export failed: ${ended(e.detail)}`),
  'export/invalid-value': (e) => `The checklist's ${e.field} is not a valid ${VALUE_KIND_NAMES[e.kind]}, so TrunkCheck writes no firewall rules from it: build the checklist again from a report TrunkCheck measured.`,
  'export/no-result': (e) => `The export stopped without a result (exit code ${e.exitCode}).`,
  'export/cancelled': () => 'The export was cancelled because the window that asked for it went away.',
  'export/too-slow': (e) => `The export was stopped after ${e.seconds} s: the checklist holds far more text than a real measurement produces.`,
  'export/too-large': (e) => `The export was stopped: it needed more than ${e.mib} MiB, as the checklist holds far more text than a real measurement produces.`,

  'catalog/invalid-provider': (e) => `Provider "${e.provider}" ${provider(e.problem, e.note)}.`,
  'catalog/provider-skipped': (e) => `Provider "${e.provider}" ${provider(e.problem, e.note)}; it was skipped.`,
  'catalog/no-providers': () => 'The provider catalog has no "providers" list.',
  'catalog/profile-skipped': (e) => `PBX profile "${e.profile}" ${PROFILE[e.problem](e.key)}; it was skipped.`,
  'catalog/no-profiles': () => 'The PBX profile catalog has no "profiles" list.',

  'cli/unknown-command': (e) => `Unknown command "${e.command}": see trunkcheck --help.`,
  'cli/unknown-option': (e) => `Unknown option ${e.option} for ${e.command}: see trunkcheck --help.`,
  'cli/option-takes-no-value': (e) => `The option --${e.option} takes no value.`,
  'cli/option-needs-value': (e) => `The option --${e.option} needs a value.`,
  'cli/option-twice': (e) => `The option --${e.option} was given twice.`,
  'cli/not-a-port': (e) => `--${e.option} must be a port number from 1 to 65535, not "${e.value}".`,
  'cli/bad-language': (e) => `--lang takes en or de, not "${e.value}".`,
  'cli/diagnose-argument': (e) => `diagnose takes no bare arguments ("${e.argument}"): name the server with --stun HOST[:PORT].`,
  'cli/options-contradict': (e) => `--${e.first} and --${e.second} contradict each other: choose one.`,
  'cli/no-report': () => 'Name the report to build the checklist from: --from REPORT.json (written by "trunkcheck diagnose --out REPORT.json").',
  'cli/pdf-needs-file': () => 'A PDF goes to a file: add -o checklist.pdf.',
  'cli/provider-unreadable': (e) => `The provider file ${e.file} could not be read: ${fs(e.cause)}.`,
  'cli/provider-not-json': (e) => `The provider file ${e.file} is not valid JSON: give one provider entry as the catalog writes it.`,
  'cli/password-empty': () => 'The SIP password is empty: give it on standard input or type it at the prompt.',
  'cli/password-aborted': () => 'Cancelled at the password prompt; nothing was measured.',
  'cli/password-unreadable': (e) => `The SIP password could not be read from standard input: ${ended(e.cause)}`,
  'cli/register-option-alone': (e) => `--${e.option} belongs to a registration: give --register USER too.`,
  'cli/monitor-stopped': () => 'The keep-alive monitor had already stopped.',
  'cli/ui-not-built': (e) => `The wizard is not built (${e.folder} has no index.html): run "npm run build" first.`,
  'cli/ui-port-in-use': (e) => `TCP port ${e.port} on 127.0.0.1 is in use: choose another with --port, or leave it out for a free one.`,
  'cli/ui-failed': (e) => `The browser UI could not start: ${ended(e.detail)}`,
  'decode/no-packet': () => 'Give the packet as hexadecimal: trunkcheck decode 0001002c2112a442….',
  'decode/not-hex': () => 'The packet must be given as hexadecimal digits (spaces and colons are allowed), for example 000100002112a442….',
  'decode/not-stun': (e) => `These ${e.bytes} bytes start like STUN (first two bits 0) but are not a valid STUN message: ${e.place}: ${ended(e.detail)}`,
  'decode/not-sip': (e) => `Not a valid SIP message: ${e.place}: ${ended(e.detail)}`,
  'decode/neither': (e) => `These ${e.bytes} bytes are neither a STUN message (its first two bits are 0; these start with ${e.first}) nor a SIP message (a request or status line).`,

  'http/wrong-host': (e) => `Refused: this server answers only for ${e.hosts.join(' and ')}.`,
  'http/other-site': () => 'Refused: requests from other web sites are not allowed.',
  'http/no-token': () => 'Refused: open the full address TrunkCheck printed, with its token.',
  'http/too-many-streams': () => 'Too many open event streams: close other TrunkCheck tabs.',
  'http/use-post': () => 'Actions are called with POST.',
  'http/method-not-allowed': () => 'Method not allowed: the wizard’s files are read with GET.',
  'http/not-found': () => 'Not found: this server has no such file.',
  'http/too-slow': () => 'The request came in too slowly and was dropped.',
  'http/headers-too-large': () => 'The request headers are too large.',
  'http/malformed': () => 'The request is not valid HTTP/1.1.',

  'ui/connection': () => 'The TrunkCheck program is not answering: is it still running?',
  'ui/http': (e) => (e.detail === null ? `TrunkCheck answered with HTTP status ${e.status}.` : `TrunkCheck answered with HTTP status ${e.status} (${e.detail}).`),
};
