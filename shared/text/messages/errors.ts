// Errors as codes with values (DESIGN.md, "The domain speaks in codes"): what went wrong, with
// the names, addresses and figures the sentence needs, and no sentence. An error crosses IPC,
// HTTP and report files as this plain object; shared/text/en and shared/text/de word it for the
// terminal and the wizard. One row per code: its values and their kinds. The error type is
// derived from the table, and isErrorData checks an error read from a file or the network.
import { count, matchesRow, ms, nullable, oneOf, port, type Field, type FieldTable, type ValueOf } from './fields';
import { codesOf, guardOf, type MessageIn, type MessagesOf } from './area';
import { isLegacyText, type LegacyText } from './legacy';

// Kinds of value only errors carry. Words from outside (an OS or library message, what a person
// typed, cut short at the call) are shown as they are, like an errno code.
const kind = <T>(check: (value: unknown) => boolean): Field<T> => ({ check: check as (value: unknown) => value is T });
const isString = (max: number) => (value: unknown): boolean => typeof value === 'string' && value.length <= max;
const listOf = <T>(item: Field<T>, max: number): Field<readonly T[]> =>
  kind((value) => Array.isArray(value) && value.length <= max && value.every((entry) => item.check(entry)));
const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const path: Field<string> = kind(isString(4096));            // a file or folder, as given or resolved
export const detail: Field<string> = kind(isString(2048));          // an OS, library or server message; typed text
export const name: Field<string> = kind(isString(300));             // an id, a field, a format, a channel, a host
// "203.0.113.10:3478", "[2001:db8::1]:5061": kept loose, as a report with an odd but real address
// must still open; report-schema.ts refuses control characters in every value.
export const address: Field<string> = name;
export const addresses = listOf(address, 64);
export const names = listOf(name, 256);
export const number: Field<number> = kind((value) => typeof value === 'number' && Number.isFinite(value));
export const family: Field<4 | 6> = kind((value) => value === 4 || value === 6);

// The cause of a failed file operation: the errno code when the catalogs word it (FS_CAUSES),
// otherwise the system's own message (electron/store/paths.ts fsCause).
export const FS_CAUSES = ['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'ENOTDIR', 'ENOENT', 'EISDIR', 'EEXIST', 'EMFILE', 'EIO', 'EBUSY'] as const;
export const cause: Field<string> = detail;

// --- What a schema check found wrong with one field (shared/schema.ts) ---------------------------

// The offending value, short, as the sentence shows it: an excerpt of text or a scalar (JSON, with
// control characters escaped) and the full length when it was cut; or only its shape.
export type Seen = { readonly excerpt: string; readonly length: number | null } | { readonly shape: 'list' | 'object' } | null;
export const seen: Field<Seen> = kind(
  (value) =>
    value === null ||
    (isRecord(value) && Object.keys(value).length === 2 && isString(400)(value.excerpt) && (value.length === null || count.check(value.length))) ||
    (isRecord(value) && Object.keys(value).length === 1 && (value.shape === 'list' || value.shape === 'object')),
);

// Text of a fixed form: what it should have been.
export const TOKEN_KINDS = ['profile-id', 'outcome', 'version', 'sip-method'] as const;

// What a message field of a report or checklist holds (shared/report-schema.ts, checklist/schema.ts).
export const MESSAGE_KINDS = ['finding', 'evidence', 'fix'] as const;

export const SCHEMA_PROBLEMS = {
  'schema/not-text': { seen },
  'schema/too-long': { max: count, seen },
  'schema/control-character': { seen },
  'schema/not-token': { token: oneOf(TOKEN_KINDS), seen },
  'schema/not-ip': { seen },
  'schema/not-ipv6': { seen },
  'schema/not-host': { seen },
  'schema/not-server': { seen },
  'schema/not-port': { seen },
  'schema/not-integer': { min: number, max: number, seen },
  'schema/not-number': { min: number, max: number, seen },
  'schema/not-flag': { seen },
  'schema/not-one-of': { values: names, seen },
  'schema/not-literal': { expected: name, seen },
  'schema/not-timestamp': { seen },
  'schema/not-list': { seen },
  'schema/too-many': { count, max: count },
  'schema/not-object': { seen },
  'schema/missing': {},
  'schema/not-error': { seen },
  'schema/not-message': { kind: oneOf(MESSAGE_KINDS), seen },
  // Conditions on a whole value (refine).
  'schema/backwards': { from: port, to: port },
  'schema/no-stun-server': {},
  'schema/rule-twice': {},
  'schema/no-pbx-address-for-family': {},
} as const satisfies { readonly [code: string]: FieldTable };

type SchemaTable = typeof SCHEMA_PROBLEMS;
export type SchemaProblemCode = keyof SchemaTable;
export type SchemaProblemOf<C extends SchemaProblemCode> = MessageIn<SchemaTable, C>;
export type SchemaProblem = MessagesOf<SchemaTable>;
export const SCHEMA_PROBLEM_CODES = codesOf(SCHEMA_PROBLEMS);
export const isSchemaProblem = guardOf(SCHEMA_PROBLEMS);
export const problem: Field<SchemaProblem> = kind(isSchemaProblem);

// --- Why a history file cannot be used (electron/store/history-files.ts) --------------------------

export const DOCUMENT_PROBLEMS = {
  'document/not-json': {},
  'document/not-report': {},
  'document/not-checklist': {},
  'document/newer-report': { version: count, reads: count },
  'document/newer-checklist': { version: number, reads: count },
  'document/damaged-report': { path: nullable(detail), problem: nullable(problem) },
  'document/damaged-checklist': {},
  'document/not-saved-file': {},
} as const satisfies { readonly [code: string]: FieldTable };

type DocumentTable = typeof DOCUMENT_PROBLEMS;
export type DocumentProblemCode = keyof DocumentTable;
export type DocumentProblemOf<C extends DocumentProblemCode> = MessageIn<DocumentTable, C>;
export type DocumentProblem = MessagesOf<DocumentTable>;
export const DOCUMENT_PROBLEM_CODES = codesOf(DOCUMENT_PROBLEMS);
export const isDocumentProblemMessage = guardOf(DOCUMENT_PROBLEMS);
const documentProblem: Field<DocumentProblem> = kind(isDocumentProblemMessage);

// --- The errors ------------------------------------------------------------------------------------

// Which request an IPC refusal is about (the wording names it).
export const REQUEST_KINDS = ['public-address', 'diagnose', 'monitor', 'checklist-build', 'checklist-export', 'history-save', 'checklist', 'provider-save', 'provider-remove', 'history-compare'] as const;
// What was asked while the SIP port was taken: a check, or the monitor.
export const ASKED = ['check', 'monitor'] as const;
// What a history or settings write was about.
export const SAVED = ['settings', 'report', 'checklist'] as const;
// Why a settings file was moved aside.
export const SETTINGS_DAMAGE = ['not-json', 'not-object', 'version-unreadable', 'schema'] as const;
// Which value a built SIP request refused.
export const SIP_TOKENS = ['branch', 'Call-ID', 'tag'] as const;
// What makes a provider entry unusable (shared/catalog/providers.ts), and a PBX profile entry.
export const PROVIDER_PROBLEMS = [
  'not-object', 'no-id', 'no-name', 'duplicate-id',
  'sip-section', 'sip-host', 'alternate-hosts', 'sip-port', 'sip-transport', 'outbound-proxy', 'sip-source',
  'stun-section', 'stun-host', 'stun-port', 'stun-source',
  'media-section', 'media-range', 'media-networks', 'media-source',
  'networks-section', 'networks-list', 'networks-source',
  'quality-section', 'loss-limit', 'delay-limit', 'quality-source',
  'notes-list', 'note-text', 'note-source',
] as const;
// What a custom PBX profile must be told (shared/catalog/profiles.ts customProfile).
export const CUSTOM_FACTS = ['sip-port', 'rtp', 'inbound-media'] as const;
export const PROFILE_PROBLEMS = ['not-object', 'no-id', 'no-name', 'port', 'rtp-range', 'keepalive', 'supported-nat', 'no-source', 'media', 'codecs'] as const;
// DNS record types asked for a SIP server (RFC 3263).
export const RECORD_TYPES = ['NAPTR', 'SRV', 'A', 'AAAA'] as const;

// What a firewall export found a checklist value not to be (shared/firewall/common.ts).
export const VALUE_KINDS = ['ip-address', 'host-name', 'port', 'port-range', 'list', 'seconds', 'rule', 'direction', 'status', 'verdict', 'nat-type', 'language', 'ip-family'] as const;

export const ERROR_MESSAGES = {
  // The IPC contract's validators (shared/ipc.ts) and dispatcher (electron/handlers.ts).
  'cli/rerun-without-from': {},
  'ipc/no-arguments': {},
  'ipc/no-request': { request: oneOf(REQUEST_KINDS) },
  'ipc/unknown-field': { field: name, request: oneOf(REQUEST_KINDS) },
  // A value a person typed: the CLI and the wizard refuse it with the same code (electron/cli/refusal.ts).
  'request/stun-server': {},
  'request/sip-server': {},
  'request/stun-missing': { provider: nullable(name) },   // provider: the catalog's, which names none
  'request/stun-too-many': { max: count },
  'request/local-ip': {},
  'request/family': {},
  'request/no-ipv6-address': {},
  'request/sip-port': {},
  'request/unknown-profile': { profile: nullable(name), profiles: names },
  'request/unknown-provider': { provider: nullable(name) },
  'request/rtp-range': {},
  // `--profile custom`: the person names the SIP port, the RTP range and what it needs of inbound media.
  'request/custom-profile': { missing: listOf(oneOf(CUSTOM_FACTS), CUSTOM_FACTS.length) },
  'request/inbound-media': {},
  'request/inbound-media-not-custom': { profile: name },
  'request/quality-sec': { min: number, max: number },
  'request/interval-sec': { min: number, max: number },
  'request/rerun-check': { checks: names },
  // Registering with the provider (shared/register.ts): never the password itself in a value.
  'request/register': {},
  'request/register-user': { max: count },
  'request/register-password': { max: count },
  'request/register-domain': {},
  'request/register-wait': { min: number, max: number },
  'request/register-needs-sip': {},
  'request/rerun-register-credentials': {},
  'request/site-id': {},
  'request/provider-id': {},
  'request/history-file': {},
  // The firewall syntaxes for a checklist's appendix (--firewall NAME[,NAME]): a name of none, or
  // a format that has no appendix.
  'request/firewall': { firewall: name, firewalls: names },
  'request/firewall-not-document': { format: name },
  'ipc/bad-media': {},
  'ipc/not-a-list': { field: name },
  'ipc/not-a-flag': { field: name },
  'ipc/bad-cancel': { checks: names },
  'ipc/bad-site': { max: count, path: detail, problem },
  'ipc/bad-language': {},
  'ipc/bad-format': { formats: names },
  'ipc/unknown-channel': {},
  'ipc/unreadable-request': { channel: name },
  'ipc/forbidden': {},
  'ipc/too-large': { maxMib: number },
  'ipc/not-json': {},
  'internal/error': { channel: nullable(name), detail },
  'internal/stun-check': { detail },
  'app/monitor-running': { asked: oneOf(ASKED) },
  'app/busy': { asked: oneOf(ASKED) },

  // Reading a report or a checklist (shared/report-file.ts, shared/export/json.ts); file is null
  // for a document that came over IPC or from the wizard's saved session.
  'report/too-large': { file: nullable(path), mb: count },
  'report/not-json': { file: nullable(path) },
  'report/foreign': { file: nullable(path) },
  'report/no-version': { file: nullable(path) },
  'report/unknown-version': { file: nullable(path), version: detail },
  'report/newer': { file: nullable(path), version: count, reads: count },
  'report/damaged': { file: nullable(path), path: detail, problem },
  'report/unreadable': { file: path, cause: detail },
  'checklist/too-large': { file: nullable(path), mb: count },
  'checklist/not-json': { file: nullable(path) },
  'checklist/is-report': { file: nullable(path) },
  'checklist/foreign': { file: nullable(path) },
  'checklist/newer': { file: nullable(path), version: number, reads: count },
  'checklist/unknown-version': { file: nullable(path), version: nullable(detail) },
  'checklist/damaged': { file: nullable(path), path: detail, problem },
  'checklist/unknown-profile': { profile: name },

  // Settings, sites and the history (electron/store).
  'store/open-failed': { folder: path, cause },
  'store/settings-reset': { file: path, reason: oneOf(SETTINGS_DAMAGE), detail: nullable(detail), aside: path },
  'store/settings-newer': { file: path, version: name, reads: name },
  'store/settings-invalid': { detail },
  'store/write-failed': { what: oneOf(SAVED), folder: path, cause },
  'store/names-taken': { what: oneOf(SAVED), folder: path, tries: count },
  'store/provider-exists': { provider: name },
  'store/bad-site-id': { id: detail },
  'store/not-saved': { what: oneOf(SAVED), problem: documentProblem },
  'store/not-writable': { site: name, folder: path, cause },
  'store/quarantined': { file: path, problem: documentProblem, destination: path },
  'store/corrupt': { file: path, problem: documentProblem, target: path, cause },
  'store/newer': { file: path, problem: documentProblem },
  'store/dated-ahead': { file: path, time: detail, clock: detail },
  'store/missing': { file: path },
  'store/read-failed': { file: path, cause },
  'store/list-failed': { folder: path, cause },
  'store/not-in-history': { file: detail, folder: path },
  'store/not-a-report': { file: path },
  'site/missing': {},
  'site/bad-id': {},
  'site/no-name': { max: count },
  'site/bad-customer': { max: count },
  'site/bad-technician': { max: count },
  'site/unknown-profile': { profile: detail },
  'site/unknown-provider': { provider: detail },
  'site/bad-stun-servers': { max: count },
  'site/bad-sip-server': {},
  'site/bad-local-ip': {},
  'site/bad-sip-port': {},
  'settings/missing': {},
  'settings/bad-language': {},
  'settings/bad-last-site': {},
  'settings/bad-stun-server': {},
  'settings/bad-qos': {},
  'settings/unknown': { name: detail },

  // Where `-o FILE` / `--out FILE` writes (electron/files/output-file.ts).
  'file/unusable': { file: path, cause },
  'file/dangling-link': { file: path, to: path },
  'file/is-folder': { file: path },
  'file/disk-device': { file: path },
  'file/socket': { file: path },
  'file/folder-is-file': { folder: path, file: path },
  'file/no-folder': { folder: path, file: path },
  'file/not-writable': { folder: path, file: path, cause },
  'file/write-failed': { file: path, cause },

  // The network: sockets, names, STUN.
  'net/port-in-use': { port },
  'net/address-not-available': { ip: detail },
  'net/permission-denied': { ip: detail, port: count },
  'net/socket': { ip: detail, port: count, detail },
  'target/invalid': { text: detail, role: oneOf(['server', 'sip']) },
  'target/missing': {},
  'dns/not-found': { host: name, family },
  'dns/failed': { host: name, errno: name },
  'stun/timeout': { server: address, requests: count, waitedMs: ms, port: nullable(port) },
  'stun/wrong-source': { server: address, requests: count, waitedMs: ms, from: addresses },
  'stun/error-response': { server: address, status: nullable(count), reason: nullable(detail) },
  'stun/no-mapped-address': { server: address },
  'stun/malformed-response': { server: address, detail },
  'stun/no-answer': {},
  'checks/cancelled': {},
  'checks/rerun-mismatch': { profile: nullable(name), sipPort: nullable(port), localIp: nullable(name), stun: nullable(detail) },

  // SIP: the server's name (RFC 3263), the OPTIONS request, TCP and TLS.
  'dns/nxdomain': { name },
  'dns/no-address': { name, families: listOf(family, 2) },
  'dns/servfail': { type: oneOf(RECORD_TYPES), name },
  'dns/timeout': { type: oneOf(RECORD_TYPES), name },
  'dns/refused': { type: oneOf(RECORD_TYPES), name },
  'dns/unreachable': { type: oneOf(RECORD_TYPES), name },
  'dns/query-failed': { type: oneOf(RECORD_TYPES), name, errno: name },
  'dns/no-target': {},
  'sip/no-udp': { target: detail },
  'sip/bad-uri-host': { host: detail },
  'sip/bad-port': { port: number },
  'sip/bad-sent-by': { ip: detail },
  'sip/bad-cseq': { cseq: number },
  'sip/bad-token': { value: detail, token: oneOf(SIP_TOKENS) },
  'sip/bad-branch': { cookie: name },
  'sip/bad-version': { version: detail },
  'sip/bad-user': { user: detail },
  'tcp/refused': { target: address },
  'tcp/timeout': { target: address, ms },
  'tcp/unreachable': { target: address, errno: name },
  'tcp/failed': { target: address, errno: name },
  'tls/timeout': { target: address, ms },
  'tls/handshake-failed': { target: address, detail },
  'tls/no-certificate': { target: address },
  'tls/expired': { server: name, target: address, date: name },
  'tls/not-yet-valid': { server: name, target: address, date: name },
  'tls/name-mismatch': { server: name, target: address, names },
  'tls/self-signed': { server: name, target: address },
  'tls/untrusted': { server: name, target: address, reason: nullable(detail) },

  // The checklist's exports (electron/checklist).
  'export/unknown-format': { format: name, formats: names },
  'export/failed': { format: nullable(name), detail },
  'export/no-result': { exitCode: number },
  'export/invalid-value': { field: name, kind: oneOf(VALUE_KINDS) },
  'export/cancelled': {},
  'export/too-slow': { seconds: number },
  'export/too-large': { mib: number },

  // The provider and PBX profile catalogs (shared/catalog): a broken entry is named and skipped.
  // note: the start of the note that names no source; key: the profile field that is invalid.
  'catalog/invalid-provider': { provider: name, problem: oneOf(PROVIDER_PROBLEMS), note: nullable(detail) },
  'catalog/provider-skipped': { provider: name, problem: oneOf(PROVIDER_PROBLEMS), note: nullable(detail) },
  'catalog/no-providers': {},
  'catalog/profile-skipped': { profile: name, problem: oneOf(PROFILE_PROBLEMS), key: nullable(name) },
  'catalog/no-profiles': {},

  // The command line itself (electron/cli): what it cannot parse, and what only it refuses. option
  // and the other typed values are cut short where they are read.
  'cli/unknown-command': { command: detail },
  'cli/unknown-option': { option: detail, command: name },
  'cli/option-takes-no-value': { option: name },
  'cli/option-needs-value': { option: name },
  'cli/option-twice': { option: name },
  'cli/not-a-port': { option: name, value: detail },
  'cli/bad-language': { value: detail },
  'cli/diagnose-argument': { argument: detail },
  'cli/options-contradict': { first: name, second: name },
  'cli/no-report': {},
  'cli/pdf-needs-file': {},
  'cli/provider-unreadable': { file: path, cause },
  'cli/provider-not-json': { file: path },
  'cli/monitor-stopped': {},
  // --register USER: the password from standard input or a prompt without echo.
  'cli/password-empty': {},
  'cli/password-aborted': {},
  'cli/password-unreadable': { cause: detail },
  'cli/register-option-alone': { option: name },
  'cli/ui-not-built': { folder: path },
  'cli/ui-port-in-use': { port },
  'cli/ui-failed': { detail },
  // `trunkcheck decode HEX`. place is where the codec stopped ("message/length"), a stable name;
  // detail is the codec's own English words, shown in English only (German names the place).
  'decode/no-packet': {},
  'decode/not-hex': {},
  'decode/not-stun': { bytes: count, place: name, detail },
  'decode/not-sip': { place: name, detail },
  'decode/neither': { bytes: count, first: name },

  // The browser-mode server's plain answers (electron/ui-server), in the request's Accept-Language.
  'http/wrong-host': { hosts: names },
  'http/other-site': {},
  'http/no-token': {},
  'http/too-many-streams': {},
  'http/use-post': {},
  'http/method-not-allowed': {},
  'http/not-found': {},
  'http/too-slow': {},
  'http/headers-too-large': {},
  'http/malformed': {},

  // The wizard's own transport (renderer/src/lib/api.ts).
  'ui/connection': {},
  'ui/http': { status: count, detail: nullable(detail) },
} as const satisfies { readonly [code: string]: FieldTable };

type Table = typeof ERROR_MESSAGES;
export type ErrorCode = keyof Table;
export type ErrorValues<C extends ErrorCode> = { readonly [K in keyof Table[C]]: ValueOf<Table[C][K]> };
export type ErrorOf<C extends ErrorCode> = { readonly code: C } & ErrorValues<C>;

// Every code of the area, in the table's order (for tests and tools that go through them all).
export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

export type ErrorMessage = { [C in ErrorCode]: ErrorOf<C> }[ErrorCode];

// An error as it crosses every boundary. A report written before errors were codes carried an
// English sentence; it is read as legacy text (see legacy.ts).
export type ErrorData = ErrorMessage | LegacyText;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_MESSAGES, code);
}

// The guard for an error read from a file or the network: a known code with exactly its values.
export function isErrorData(value: unknown): value is ErrorData {
  if (!isRecord(value)) return false;
  if (isErrorCode(value.code)) return matchesRow(value, ERROR_MESSAGES[value.code]);
  return isLegacyText(value);
}
