// The run-time side of the IPC contract (shared/ipc-contract.ts): every request is validated on
// the receiving side before use. The contract is re-exported, so the main process, the CLI and the
// tests keep one import; the sandboxed preload imports the contract alone.
import { isIPv4, isIPv6, isServerHost, isServerText, isValidPort } from './address';
import { CHECK_IDS, isCheckId } from './checks';
import { CUSTOM_PROFILE_ID, customProfile, defaultProfile, findProfile, PBX_PROFILES, type PbxProfile } from './catalog/profiles';
import { findProvider, isProviderId, validateProvider } from './catalog/providers';
import type { Checklist, Site } from './checklist/model';
import { DOCUMENT_FORMATS, EXPORT_FORMATS } from './checklist/formats';
import { FIREWALL_FORMATS } from './firewall';
import { CHECKLIST_FORMAT, parseChecklistJson } from './export/json';
import { parseReportJson } from './report-file';
import { MAX_NAME } from './report-schema';
import { siteSchema } from './checklist/schema';
import { checkSchema } from './schema';
import { INBOUND_MEDIA_NEEDS, type DiagnoseReport, type InboundMediaNeed } from './report';
import { REGISTER_INBOUND_WAIT_MAX_SEC, type RegisterRequest } from './register';
import { utf8Length } from './bytes';
import { KEEPALIVE_SEC, MAX_SERVER_TEXT, MAX_STUN_SERVERS, QUALITY_SEC, SITE_ID } from './limits';
import { fail, ok, type Result } from './result';
import type {
  CancelChecksRequest,
  Channel,
  ChecklistBuildRequest,
  ChecklistExportRequest,
  DiagnoseRequest,
  HistoryCompareRequest,
  HistorySaveRequest,
  IpVersionChoice,
  MonitorStartRequest,
  ProviderRemoveRequest,
  ProviderSaveRequest,
  PublicAddressRequest,
  RequestOf,
} from './ipc-contract';

export * from './ipc-contract';

export const IP_VERSION_CHOICES: readonly IpVersionChoice[] = ['4', '6', 'both'];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(VALIDATORS, value);
}

type Validator<C extends Channel> = (input: unknown) => Result<RequestOf<C>>;

function noArguments(input: unknown): Result<null> {
  return input === null || input === undefined ? ok(null) : fail('ipc/no-arguments');
}

export const SERVER_ROLES = {
  stun: { code: 'request/stun-server' },
  sip: { code: 'request/sip-server' },
} as const;

// One check for a STUN or SIP server, wherever it comes from: IPC, or the command line before it
// looks up any name. The port a bare host gets is the PBX profile's default.
export function checkServer(text: unknown, role: keyof typeof SERVER_ROLES, profile: PbxProfile = defaultProfile()): Result<string> {
  const defaultPort = role === 'stun' ? profile.defaultStunPort : profile.defaultProviderSipPort;
  if (typeof text === 'string' && text.length <= MAX_SERVER_TEXT && isServerText(text, defaultPort)) return ok(text);
  return fail(SERVER_ROLES[role].code);
}

// withCustom: the diagnosis also takes `custom` (its facts named in the request).
function profileOf(profileId: unknown, withCustom = false): Result<PbxProfile> {
  if (profileId === undefined) return ok(defaultProfile());
  const profile = typeof profileId === 'string' ? findProfile(profileId) : undefined;
  if (profile !== undefined) return ok(profile);
  // The catalogs quote the id as JSON, so control characters come back escaped.
  return fail('request/unknown-profile', { profile: typeof profileId === 'string' ? profileId.slice(0, 40) : null, profiles: [...PBX_PROFILES.map((entry) => entry.id), ...(withCustom ? [CUSTOM_PROFILE_ID] : [])] });
}

// The profile a validated diagnosis request runs with: the catalog's, or the custom one it names.
export function profileOfRequest(request: Pick<DiagnoseRequest, 'profileId' | 'sipPort' | 'rtp' | 'inboundMedia'>): PbxProfile | undefined {
  if (request.profileId !== CUSTOM_PROFILE_ID) return request.profileId === undefined ? defaultProfile() : findProfile(request.profileId);
  const { sipPort, rtp, inboundMedia } = request;
  return sipPort === undefined || rtp === undefined || inboundMedia === undefined ? undefined : customProfile({ sipPort, rtp, inboundMedia });
}

// `--profile custom` names all three facts; a catalog profile says what it needs itself.
function checkCustom(profileId: unknown, inboundMedia: unknown, sipPort: unknown, rtp: unknown): Result<null> {
  if (inboundMedia !== undefined && !(INBOUND_MEDIA_NEEDS as readonly unknown[]).includes(inboundMedia)) return fail('request/inbound-media');
  if (profileId !== CUSTOM_PROFILE_ID) {
    return inboundMedia === undefined ? ok(null) : fail('request/inbound-media-not-custom', { profile: typeof profileId === 'string' ? profileId : defaultProfile().id });
  }
  const missing = [
    ...(sipPort === undefined ? (['sip-port'] as const) : []),
    ...(rtp === undefined ? (['rtp'] as const) : []),
    ...(inboundMedia === undefined ? (['inbound-media'] as const) : []),
  ];
  return missing.length === 0 ? ok(null) : fail('request/custom-profile', { missing });
}

// A built-in provider, or the id of one the user may have added: those live in the main process's
// store, which the handler asks (electron/handlers.ts), so an unknown one is refused there.
function checkProvider(providerId: unknown): Result<null> {
  if (providerId === undefined || (typeof providerId === 'string' && (findProvider(providerId) !== undefined || isProviderId(providerId)))) return ok(null);
  return fail('request/unknown-provider', { provider: typeof providerId === 'string' ? providerId.slice(0, 40) : null });
}

// The fields the public-address check, the NAT test and the monitor share: where the SIP port is.
function checkLocal(localIp: unknown, sipPort: unknown): Result<null> {
  if (localIp !== undefined && (typeof localIp !== 'string' || !(isIPv4(localIp) || isIPv6(localIp)))) {
    return fail('request/local-ip');
  }
  if (sipPort !== undefined && (typeof sipPort !== 'number' || !isValidPort(sipPort))) {
    return fail('request/sip-port');
  }
  return ok(null);
}

function checkStunServer(stun: unknown, profile: PbxProfile): Result<null> {
  if (stun === undefined || stun === '') return fail('request/stun-missing', { provider: null });
  const server = checkServer(stun, 'stun', profile);
  return server.ok ? ok(null) : server;
}

function validatePublicAddressRequest(input: unknown): Result<PublicAddressRequest> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('ipc/no-request', { request: 'public-address' });
  }
  const known = new Set(['stun', 'localIp', 'sipPort']);
  const extra = Object.keys(input).find((key) => !known.has(key));
  if (extra !== undefined) return fail('ipc/unknown-field', { field: extra.slice(0, 40), request: 'public-address' });
  const { stun, localIp, sipPort } = input as Record<string, unknown>;
  const server = checkStunServer(stun, defaultProfile());
  if (!server.ok) return server;
  const local = checkLocal(localIp, sipPort);
  if (!local.ok) return local;
  return ok({
    stun: stun as string,
    ...(localIp === undefined ? {} : { localIp: localIp as string }),
    ...(sipPort === undefined ? {} : { sipPort: sipPort as number }),
  });
}

function validateDiagnoseRequest(input: unknown): Result<DiagnoseRequest> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail('ipc/no-request', { request: 'diagnose' });
  const known = new Set(['stun', 'localIp', 'family', 'sipPort', 'lifetime', 'sip', 'media', 'qualitySec', 'providerId', 'profileId', 'rtp', 'rerun', 'inboundMedia', 'register']);
  const extra = Object.keys(input).find((key) => !known.has(key));
  if (extra !== undefined) return fail('ipc/unknown-field', { field: extra.slice(0, 40), request: 'diagnose' });
  const { stun, localIp, family, sipPort, lifetime, sip, media, qualitySec, providerId, profileId, rtp, rerun, inboundMedia, register } = input as Record<string, unknown>;
  // The profile and the provider first: they decide the defaults the other fields are read with.
  // A custom profile's ports are checked below like any override; its defaults are the default profile's.
  const profile = profileId === CUSTOM_PROFILE_ID ? ok(defaultProfile()) : profileOf(profileId, true);
  if (!profile.ok) return profile;
  const custom = checkCustom(profileId, inboundMedia, sipPort, rtp);
  if (!custom.ok) return custom;
  const provider = checkProvider(providerId);
  if (!provider.ok) return provider;
  if (stun !== undefined && !Array.isArray(stun)) return fail('ipc/not-a-list', { field: 'stun' });
  const servers: unknown[] = stun ?? [];
  if (servers.length === 0) return fail('request/stun-missing', { provider: null });
  if (servers.length > MAX_STUN_SERVERS) {
    return fail('request/stun-too-many', { max: MAX_STUN_SERVERS });
  }
  for (const server of servers) {
    const checked = checkStunServer(server, profile.value);
    if (!checked.ok) return checked;
  }
  const local = checkLocal(localIp, sipPort);
  if (!local.ok) return local;
  if (family !== undefined && !(IP_VERSION_CHOICES as readonly unknown[]).includes(family)) return fail('request/family');
  if (sip !== undefined) {
    const server = checkServer(sip, 'sip', profile.value);
    if (!server.ok) return server;
  }
  const range = rtp as { from?: unknown; to?: unknown } | undefined;
  if (
    range !== undefined &&
    (typeof range !== 'object' || range === null || typeof range.from !== 'number' || typeof range.to !== 'number' || !isValidPort(range.from) || !isValidPort(range.to) || range.from > range.to)
  ) {
    return fail('request/rtp-range');
  }
  if (media !== undefined && media !== 'sample' && media !== 'full' && media !== 'off') return fail('ipc/bad-media');
  if (qualitySec !== undefined && (typeof qualitySec !== 'number' || !Number.isInteger(qualitySec) || qualitySec < QUALITY_SEC.min || qualitySec > QUALITY_SEC.max)) {
    return fail('request/quality-sec', { min: QUALITY_SEC.min, max: QUALITY_SEC.max });
  }
  if (lifetime !== undefined && typeof lifetime !== 'boolean') return fail('ipc/not-a-flag', { field: 'lifetime' });
  const credentials = register === undefined ? ok(undefined) : checkRegister(register, sip !== undefined);
  if (!credentials.ok) return credentials;
  let again: DiagnoseRequest['rerun'];
  if (rerun !== undefined) {
    const { check, previous } = (typeof rerun === 'object' && rerun !== null ? rerun : {}) as Record<string, unknown>;
    if (!isCheckId(check)) return fail('request/rerun-check', { checks: CHECK_IDS });
    const report = reportOf(previous);
    if (!report.ok) return report;
    if (check === 'register' && credentials.value === undefined) return fail('request/rerun-register-credentials');
    again = { check, previous: report.value };
  }
  return ok({
    stun: servers as string[],
    ...(localIp === undefined ? {} : { localIp: localIp as string }),
    ...(family === undefined ? {} : { family: family as IpVersionChoice }),
    ...(sipPort === undefined ? {} : { sipPort: sipPort as number }),
    ...(lifetime === undefined ? {} : { lifetime }),
    ...(sip === undefined ? {} : { sip: sip as string }),
    ...(media === undefined ? {} : { media }),
    ...(qualitySec === undefined ? {} : { qualitySec }),
    ...(providerId === undefined ? {} : { providerId: providerId as string }),
    ...(profileId === undefined ? {} : { profileId: profileId as string }),
    ...(range === undefined ? {} : { rtp: { from: range.from as number, to: range.to as number } }),
    ...(inboundMedia === undefined ? {} : { inboundMedia: inboundMedia as InboundMediaNeed }),
    ...(credentials.value === undefined ? {} : { register: credentials.value }),
    ...(again === undefined ? {} : { rerun: again }),
  });
}

// RFC 3261 §25.1: user = 1*( unreserved / escaped / user-unreserved ), the user part of a SIP URI.
const SIP_USER = /^(?:[A-Za-z0-9\-_.!~*'()&=+$,;?/]|%[0-9A-Fa-f]{2})+$/;
export const REGISTER_USER_MAX = 128;

export function isRegisterUser(user: string): boolean {
  return user.length <= REGISTER_USER_MAX && SIP_USER.test(user);
}
export const REGISTER_PASSWORD_MAX_BYTES = 256;   // in UTF-8 bytes (STYLE.md: sizes in bytes)

// The credentials to register with; the diagnosis registers with the request's SIP server (the
// CLI and the wizard fill it from the provider's catalog entry). A refusal never carries the
// password, nor the user name as typed (a password pasted into the wrong field must not come back
// in an error either).
export function checkRegister(input: unknown, hasSipServer: boolean): Result<RegisterRequest> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail('request/register');
  const extra = Object.keys(input).find((key) => !['user', 'password', 'domain', 'inboundWaitSec'].includes(key));
  if (extra !== undefined) return fail('ipc/unknown-field', { field: `register.${extra.slice(0, 30)}`, request: 'diagnose' });
  const { user, password, domain, inboundWaitSec } = input as Record<string, unknown>;
  if (typeof user !== 'string' || !isRegisterUser(user)) return fail('request/register-user', { max: REGISTER_USER_MAX });
  if (typeof password !== 'string' || password === '' || utf8Length(password) > REGISTER_PASSWORD_MAX_BYTES) return fail('request/register-password', { max: REGISTER_PASSWORD_MAX_BYTES });
  if (domain !== undefined && (typeof domain !== 'string' || domain.length > 253 || !isServerHost(domain))) return fail('request/register-domain');
  if (inboundWaitSec !== undefined && (typeof inboundWaitSec !== 'number' || !Number.isInteger(inboundWaitSec) || inboundWaitSec < 0 || inboundWaitSec > REGISTER_INBOUND_WAIT_MAX_SEC)) {
    return fail('request/register-wait', { min: 0, max: REGISTER_INBOUND_WAIT_MAX_SEC });
  }
  if (!hasSipServer) return fail('request/register-needs-sip');
  return ok({ user, password, ...(domain === undefined ? {} : { domain }), ...(inboundWaitSec === undefined ? {} : { inboundWaitSec }) });
}

function validateCancelChecks(input: unknown): Result<CancelChecksRequest> {
  const check = (input as { check?: unknown } | null)?.check;
  return check === 'all' || isCheckId(check) ? ok({ check }) : fail('ipc/bad-cancel', { checks: CHECK_IDS });
}

function validateMonitorStart(input: unknown): Result<MonitorStartRequest> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail('ipc/no-request', { request: 'monitor' });
  const known = new Set(['stun', 'localIp', 'sipPort', 'intervalSec', 'profileId']);
  const extra = Object.keys(input).find((key) => !known.has(key));
  if (extra !== undefined) return fail('ipc/unknown-field', { field: extra.slice(0, 40), request: 'monitor' });
  const { stun, localIp, sipPort, intervalSec, profileId } = input as Record<string, unknown>;
  const profile = profileOf(profileId);
  if (!profile.ok) return profile;
  const server = checkStunServer(stun, profile.value);
  if (!server.ok) return server;
  const local = checkLocal(localIp, sipPort);
  if (!local.ok) return local;
  if (intervalSec !== undefined && (typeof intervalSec !== 'number' || !Number.isFinite(intervalSec) || intervalSec < KEEPALIVE_SEC.min || intervalSec > KEEPALIVE_SEC.max)) {
    return fail('request/interval-sec', { min: KEEPALIVE_SEC.min, max: KEEPALIVE_SEC.max });
  }
  return ok({
    stun: stun as string,
    ...(localIp === undefined ? {} : { localIp: localIp as string }),
    ...(sipPort === undefined ? {} : { sipPort: sipPort as number }),
    ...(intervalSec === undefined ? {} : { intervalSec }),
    ...(profileId === undefined ? {} : { profileId: profileId as string }),
  });
}

const badSiteId = (): Result<never> => fail('request/site-id');

// Site names are printed into every export, firewall comments included: one line each, bounded.
export function siteOf(input: unknown): Result<Site> {
  const checked = checkSchema(siteSchema, input);
  if (checked.ok) return checked;
  return fail('ipc/bad-site', { max: MAX_NAME, path: checked.path, problem: checked.problem });
}

// Large documents are checked by the same parsers that read them from files, and refused with
// the same codes (report/*, checklist/*).
function reportOf(input: unknown): Result<DiagnoseReport> {
  return parseReportJson(JSON.stringify(input ?? null));
}

function validateChecklistBuild(input: unknown): Result<ChecklistBuildRequest> {
  if (typeof input !== 'object' || input === null) return fail('ipc/no-request', { request: 'checklist-build' });
  const { report, site, language, qos } = input as Record<string, unknown>;
  const parsed = reportOf(report);
  if (!parsed.ok) return parsed;
  const place = siteOf(site);
  if (!place.ok) return place;
  if (language !== 'en' && language !== 'de') return fail('ipc/bad-language');
  if (qos !== undefined && typeof qos !== 'boolean') return fail('ipc/not-a-flag', { field: 'qos' });
  return ok({ report: parsed.value, site: place.value, language, ...(qos === undefined ? {} : { qos }) });
}

// A checklist in memory is the saved file without its format marker.
function checklistOf(input: unknown): Result<Checklist> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail('ipc/no-request', { request: 'checklist' });
  return parseChecklistJson(JSON.stringify({ ...input, format: CHECKLIST_FORMAT }));
}

export const FIREWALL_IDS: readonly string[] = FIREWALL_FORMATS.map((format) => format.id);
// The documents with an appendix; JSON carries the checklist itself.
const WITH_APPENDIX: readonly string[] = DOCUMENT_FORMATS.filter((format) => format !== 'json');

// The firewall syntaxes for a document's appendix, as the CLI's --firewall and the wizard's choice
// give them: known ids, each once, and only for a PDF or Markdown. One check for both.
export function checkFirewalls(firewalls: unknown, format: string): Result<readonly string[]> {
  if (!Array.isArray(firewalls) || firewalls.length > FIREWALL_IDS.length * 2) return fail('request/firewall', { firewall: String(firewalls).slice(0, 30), firewalls: FIREWALL_IDS });
  const unknown = firewalls.find((id) => typeof id !== 'string' || !FIREWALL_IDS.includes(id));
  if (unknown !== undefined) return fail('request/firewall', { firewall: String(unknown).slice(0, 30), firewalls: FIREWALL_IDS });
  if (firewalls.length > 0 && !WITH_APPENDIX.includes(format)) return fail('request/firewall-not-document', { format: format.slice(0, 30) });
  return ok([...new Set(firewalls as string[])]);
}

function validateChecklistExport(input: unknown): Result<ChecklistExportRequest> {
  if (typeof input !== 'object' || input === null) return fail('ipc/no-request', { request: 'checklist-export' });
  const { checklist, format, firewalls } = input as Record<string, unknown>;
  if (typeof format !== 'string' || !EXPORT_FORMATS.includes(format)) return fail('ipc/bad-format', { formats: EXPORT_FORMATS });
  const chosen = firewalls === undefined ? ok(undefined) : checkFirewalls(firewalls, format);
  if (!chosen.ok) return chosen;
  const parsed = checklistOf(checklist);
  if (!parsed.ok) return parsed;
  return ok({ checklist: parsed.value, format, ...(chosen.value === undefined ? {} : { firewalls: chosen.value }) });
}

function validateHistorySave(input: unknown): Result<HistorySaveRequest> {
  if (typeof input !== 'object' || input === null) return fail('ipc/no-request', { request: 'history-save' });
  const { siteId, report, checklist } = input as Record<string, unknown>;
  if (typeof siteId !== 'string' || !SITE_ID.test(siteId)) return badSiteId();
  const parsed = reportOf(report);
  if (!parsed.ok) return parsed;
  if (checklist === undefined) return ok({ siteId, report: parsed.value });
  const list = checklistOf(checklist);
  return list.ok ? ok({ siteId, report: parsed.value, checklist: list.value }) : list;
}

function validateHistoryList(input: unknown): Result<{ readonly siteId: string }> {
  const siteId = (input as { siteId?: unknown } | null)?.siteId;
  return typeof siteId === 'string' && SITE_ID.test(siteId) ? ok({ siteId }) : badSiteId();
}

// A provider from the wizard's editor: the catalog's own check (shared/catalog/providers.ts), so
// a bad entry is refused by name with what is wrong, as `trunkcheck providers --add` refuses it.
function validateProviderSave(input: unknown): Result<ProviderSaveRequest> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail('ipc/no-request', { request: 'provider-save' });
  const extra = Object.keys(input).find((key) => key !== 'provider');
  if (extra !== undefined) return fail('ipc/unknown-field', { field: extra.slice(0, 40), request: 'provider-save' });
  const provider = validateProvider((input as { provider?: unknown }).provider);
  return provider.ok ? ok({ provider: provider.value }) : provider;
}

function validateProviderRemove(input: unknown): Result<ProviderRemoveRequest> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail('ipc/no-request', { request: 'provider-remove' });
  const extra = Object.keys(input).find((key) => key !== 'id');
  if (extra !== undefined) return fail('ipc/unknown-field', { field: extra.slice(0, 40), request: 'provider-remove' });
  const { id } = input as { id?: unknown };
  return isProviderId(id) ? ok({ id }) : fail('request/provider-id');
}

// Only the shape here: which files belong to the history is the store's to say (loadEntry).
const MAX_HISTORY_FILE = 300;
const isHistoryFile = (value: unknown): value is string => typeof value === 'string' && value !== '' && value.length <= MAX_HISTORY_FILE;

function validateHistoryCompare(input: unknown): Result<HistoryCompareRequest> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail('ipc/no-request', { request: 'history-compare' });
  const extra = Object.keys(input).find((key) => key !== 'older' && key !== 'newer');
  if (extra !== undefined) return fail('ipc/unknown-field', { field: extra.slice(0, 40), request: 'history-compare' });
  const { older, newer } = input as Record<string, unknown>;
  return isHistoryFile(older) && isHistoryFile(newer) ? ok({ older, newer }) : fail('request/history-file');
}

export const VALIDATORS: { readonly [C in Channel]: Validator<C> } = {
  'app:info': noArguments,
  'network:interfaces': noArguments,
  'stun:public-address': validatePublicAddressRequest,
  'nat:diagnose': validateDiagnoseRequest,
  'checks:cancel': validateCancelChecks,
  'monitor:start': validateMonitorStart,
  'monitor:stop': noArguments,
  'providers:list': noArguments,
  'providers:save': validateProviderSave,
  'providers:remove': validateProviderRemove,
  'checklist:build': validateChecklistBuild,
  'checklist:export': validateChecklistExport,
  'history:save': validateHistorySave,
  'history:list': validateHistoryList,
  'history:sites': noArguments,
  'history:compare': validateHistoryCompare,
};

export function validateRequest<C extends Channel>(channel: C, input: unknown): Result<RequestOf<C>> {
  return VALIDATORS[channel](input);
}
