// The run-time side of the IPC contract (shared/ipc-contract.ts): every request is validated on
// the receiving side before use. The contract is re-exported, so the main process, the CLI and the
// tests keep one import; the sandboxed preload imports the contract alone.
import { isIPv4, isIPv6, isServerText, isValidPort } from './address';
import { CHECK_IDS, isCheckId } from './checks';
import { defaultProfile, findProfile, PBX_PROFILES, type PbxProfile } from './catalog/profiles';
import { findProvider } from './catalog/providers';
import type { Checklist, Site } from './checklist/model';
import { EXPORT_FORMATS } from './checklist/formats';
import { CHECKLIST_FORMAT, parseChecklistJson } from './export/json';
import { parseReportJson } from './report-file';
import { MAX_NAME } from './report-schema';
import { siteSchema } from './checklist/schema';
import { checkSchema } from './schema';
import type { DiagnoseReport } from './report';
import { KEEPALIVE_SEC, MAX_SERVER_TEXT, MAX_STUN_SERVERS, QUALITY_SEC, SITE_ID } from './limits';
import { fail, ok, type Result } from './result';
import type {
  CancelChecksRequest,
  Channel,
  ChecklistBuildRequest,
  ChecklistExportRequest,
  DiagnoseRequest,
  HistorySaveRequest,
  MonitorStartRequest,
  PublicAddressRequest,
  RequestOf,
} from './ipc-contract';

export * from './ipc-contract';

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(VALIDATORS, value);
}

type Validator<C extends Channel> = (input: unknown) => Result<RequestOf<C>>;

// A request of the wrong shape (only a program sends one) is "ipc/bad-request"; a value a person
// typed gets a code of its own, so the CLI and the wizard refuse it with the same code.
const bad = (message: string): Result<never> => fail('ipc/bad-request', message);

function noArguments(input: unknown): Result<null> {
  return input === null || input === undefined ? ok(null) : bad('This action takes no arguments.');
}

export const SERVER_ROLES = {
  stun: { code: 'request/stun-server', problem: 'The STUN server must be written as host or host:port (an IPv6 address as [address]:port), for example stun.sipgate.net:10000.' },
  sip: { code: 'request/sip-server', problem: 'The SIP server must be written as host or host:port (an IPv6 address as [address]:port), for example sipconnect.sipgate.de:5060.' },
} as const;

// One check for a STUN or SIP server, wherever it comes from: IPC, or the command line before it
// looks up any name. The port a bare host gets is the PBX profile's default.
export function checkServer(text: unknown, role: keyof typeof SERVER_ROLES, profile: PbxProfile = defaultProfile()): Result<string> {
  const defaultPort = role === 'stun' ? profile.defaultStunPort : profile.defaultProviderSipPort;
  if (typeof text === 'string' && text.length <= MAX_SERVER_TEXT && isServerText(text, defaultPort)) return ok(text);
  return fail(SERVER_ROLES[role].code, SERVER_ROLES[role].problem);
}

// An id is echoed only as a quoted string: control characters come back escaped.
const quoted = (value: string): string => JSON.stringify(value.slice(0, 40));

function profileOf(profileId: unknown): Result<PbxProfile> {
  if (profileId === undefined) return ok(defaultProfile());
  const profile = typeof profileId === 'string' ? findProfile(profileId) : undefined;
  if (profile !== undefined) return ok(profile);
  const choices = PBX_PROFILES.map((entry) => entry.id).join(', ');
  return fail('request/unknown-profile', typeof profileId === 'string' ? `There is no PBX profile ${quoted(profileId)}: choose one of ${choices}.` : `The PBX profile must be one of ${choices}.`);
}

function checkProvider(providerId: unknown): Result<null> {
  if (providerId === undefined || (typeof providerId === 'string' && findProvider(providerId) !== undefined)) return ok(null);
  return fail('request/unknown-provider', typeof providerId === 'string' ? `There is no provider ${quoted(providerId)} in the catalog.` : 'The provider must be the id of one in the catalog.');
}

// The fields the public-address check, the NAT test and the monitor share: where the SIP port is.
function checkLocal(localIp: unknown, sipPort: unknown): Result<null> {
  if (localIp !== undefined && (typeof localIp !== 'string' || !(isIPv4(localIp) || isIPv6(localIp)))) {
    return fail('request/local-ip', 'The local address must be an IPv4 or IPv6 address of this machine.');
  }
  if (sipPort !== undefined && (typeof sipPort !== 'number' || !isValidPort(sipPort))) {
    return fail('request/sip-port', 'The SIP port must be a whole number from 1 to 65535.');
  }
  return ok(null);
}

function checkStunServer(stun: unknown, profile: PbxProfile): Result<null> {
  if (stun === undefined || stun === '') return fail('request/stun-missing', 'Name a STUN server, for example stun.sipgate.net:10000.');
  const server = checkServer(stun, 'stun', profile);
  return server.ok ? ok(null) : server;
}

function validatePublicAddressRequest(input: unknown): Result<PublicAddressRequest> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return bad('The public-address check needs an object with a "stun" server.');
  }
  const known = new Set(['stun', 'localIp', 'sipPort']);
  const extra = Object.keys(input).find((key) => !known.has(key));
  if (extra !== undefined) return bad(`Unknown field "${extra.slice(0, 40)}" in the public-address request.`);
  const { stun, localIp, sipPort } = input as Record<string, unknown>;
  const server = checkServer(stun, 'stun');
  if (!server.ok) return server;
  const local = checkLocal(localIp, sipPort);
  if (!local.ok) return local;
  return ok({
    stun: server.value,
    ...(localIp === undefined ? {} : { localIp: localIp as string }),
    ...(sipPort === undefined ? {} : { sipPort: sipPort as number }),
  });
}

function validateDiagnoseRequest(input: unknown): Result<DiagnoseRequest> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return bad('The NAT test needs an object with a "stun" list.');
  const known = new Set(['stun', 'localIp', 'sipPort', 'lifetime', 'sip', 'media', 'qualitySec', 'providerId', 'profileId', 'rtp', 'rerun']);
  const extra = Object.keys(input).find((key) => !known.has(key));
  if (extra !== undefined) return bad(`Unknown field "${extra.slice(0, 40)}" in the NAT test request.`);
  const { stun, localIp, sipPort, lifetime, sip, media, qualitySec, providerId, profileId, rtp, rerun } = input as Record<string, unknown>;
  // The profile and the provider first: they decide the defaults the other fields are read with.
  const profile = profileOf(profileId);
  if (!profile.ok) return profile;
  const provider = checkProvider(providerId);
  if (!provider.ok) return provider;
  if (stun !== undefined && !Array.isArray(stun)) return bad('"stun" must be a list of one or two servers.');
  const servers: unknown[] = stun ?? [];
  if (servers.length === 0) return fail('request/stun-missing', 'Name a STUN server, for example stun.sipgate.net:10000.');
  if (servers.length > MAX_STUN_SERVERS) {
    return fail('request/stun-too-many', `Name at most ${MAX_STUN_SERVERS} STUN servers: the first for the public address and NAT tests, the second for mapping without RFC 5780.`);
  }
  for (const server of servers) {
    const checked = checkStunServer(server, profile.value);
    if (!checked.ok) return checked;
  }
  const local = checkLocal(localIp, sipPort);
  if (!local.ok) return local;
  if (sip !== undefined) {
    const server = checkServer(sip, 'sip', profile.value);
    if (!server.ok) return server;
  }
  const range = rtp as { from?: unknown; to?: unknown } | undefined;
  if (
    range !== undefined &&
    (typeof range !== 'object' || range === null || typeof range.from !== 'number' || typeof range.to !== 'number' || !isValidPort(range.from) || !isValidPort(range.to) || range.from > range.to)
  ) {
    return fail('request/rtp-range', 'The RTP range must be two port numbers, from ≤ to, for example 55000–56000.');
  }
  if (media !== undefined && media !== 'sample' && media !== 'full' && media !== 'off') return bad('"media" must be "sample", "full" or "off".');
  if (qualitySec !== undefined && (typeof qualitySec !== 'number' || !Number.isInteger(qualitySec) || qualitySec < QUALITY_SEC.min || qualitySec > QUALITY_SEC.max)) {
    return fail('request/quality-sec', `The line-quality measurement takes ${QUALITY_SEC.min} to ${QUALITY_SEC.max} whole seconds.`);
  }
  if (lifetime !== undefined && typeof lifetime !== 'boolean') return bad('"lifetime" must be true or false.');
  let again: DiagnoseRequest['rerun'];
  if (rerun !== undefined) {
    const { check, previous } = (typeof rerun === 'object' && rerun !== null ? rerun : {}) as Record<string, unknown>;
    if (!isCheckId(check)) return fail('request/rerun-check', `The check to run again must be one of ${CHECK_IDS.join(', ')}, given with the earlier report.`);
    const report = reportOf(previous);
    if (!report.ok) return report;
    again = { check, previous: report.value };
  }
  return ok({
    stun: servers as string[],
    ...(localIp === undefined ? {} : { localIp: localIp as string }),
    ...(sipPort === undefined ? {} : { sipPort: sipPort as number }),
    ...(lifetime === undefined ? {} : { lifetime }),
    ...(sip === undefined ? {} : { sip: sip as string }),
    ...(media === undefined ? {} : { media }),
    ...(qualitySec === undefined ? {} : { qualitySec }),
    ...(providerId === undefined ? {} : { providerId: providerId as string }),
    ...(profileId === undefined ? {} : { profileId: profileId as string }),
    ...(range === undefined ? {} : { rtp: { from: range.from as number, to: range.to as number } }),
    ...(again === undefined ? {} : { rerun: again }),
  });
}

function validateCancelChecks(input: unknown): Result<CancelChecksRequest> {
  const check = (input as { check?: unknown } | null)?.check;
  return check === 'all' || isCheckId(check) ? ok({ check }) : bad(`Say which check to cancel: "all" or one of ${CHECK_IDS.join(', ')}.`);
}

function validateMonitorStart(input: unknown): Result<MonitorStartRequest> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return bad('The keep-alive monitor needs an object with a "stun" server.');
  const known = new Set(['stun', 'localIp', 'sipPort', 'intervalSec', 'profileId']);
  const extra = Object.keys(input).find((key) => !known.has(key));
  if (extra !== undefined) return bad(`Unknown field "${extra.slice(0, 40)}" in the monitor request.`);
  const { stun, localIp, sipPort, intervalSec, profileId } = input as Record<string, unknown>;
  const profile = profileOf(profileId);
  if (!profile.ok) return profile;
  const server = checkStunServer(stun, profile.value);
  if (!server.ok) return server;
  const local = checkLocal(localIp, sipPort);
  if (!local.ok) return local;
  if (intervalSec !== undefined && (typeof intervalSec !== 'number' || !Number.isFinite(intervalSec) || intervalSec < KEEPALIVE_SEC.min || intervalSec > KEEPALIVE_SEC.max)) {
    return fail('request/interval-sec', `The keep-alive interval must be a number of seconds from ${KEEPALIVE_SEC.min} to ${KEEPALIVE_SEC.max}.`);
  }
  return ok({
    stun: stun as string,
    ...(localIp === undefined ? {} : { localIp: localIp as string }),
    ...(sipPort === undefined ? {} : { sipPort: sipPort as number }),
    ...(intervalSec === undefined ? {} : { intervalSec }),
    ...(profileId === undefined ? {} : { profileId: profileId as string }),
  });
}

const badSiteId = (): Result<never> => fail('request/site-id', 'The site id must be lower-case letters, digits, dashes and underscores, at most 64, for example head-office.');

// Site names are printed into every export, firewall comments included: one line each, bounded.
export function siteOf(input: unknown): Result<Site> {
  const checked = checkSchema(siteSchema, input);
  if (checked.ok) return checked;
  return bad(`The site needs a name, customer and technician of at most ${MAX_NAME} characters each, on one line: its ${checked.path === '' ? 'value' : checked.path} ${checked.problem}.`);
}

// Large documents are checked by the same parsers that read them from files.
function reportOf(input: unknown): Result<DiagnoseReport> {
  const parsed = parseReportJson(JSON.stringify(input ?? null), 'The report');
  return parsed.ok ? parsed : bad(parsed.error.message);
}

function validateChecklistBuild(input: unknown): Result<ChecklistBuildRequest> {
  if (typeof input !== 'object' || input === null) return bad('Building a checklist needs a report, the site and the language.');
  const { report, site, language, qos } = input as Record<string, unknown>;
  const parsed = reportOf(report);
  if (!parsed.ok) return parsed;
  const place = siteOf(site);
  if (!place.ok) return place;
  if (language !== 'en' && language !== 'de') return bad('The checklist language must be "en" or "de".');
  if (qos !== undefined && typeof qos !== 'boolean') return bad('"qos" must be true or false.');
  return ok({ report: parsed.value, site: place.value, language, ...(qos === undefined ? {} : { qos }) });
}

// A checklist in memory is the saved file without its format marker.
function checklistOf(input: unknown): Result<Checklist> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return bad('The checklist is missing.');
  const parsed = parseChecklistJson(JSON.stringify({ ...input, format: CHECKLIST_FORMAT }), 'The checklist');
  return parsed.ok ? parsed : bad(parsed.error.message);
}

function validateChecklistExport(input: unknown): Result<ChecklistExportRequest> {
  if (typeof input !== 'object' || input === null) return bad('Exporting needs a checklist and a format.');
  const { checklist, format } = input as Record<string, unknown>;
  if (typeof format !== 'string' || !EXPORT_FORMATS.includes(format)) return bad(`The export format must be one of ${EXPORT_FORMATS.join(', ')}.`);
  const parsed = checklistOf(checklist);
  if (!parsed.ok) return parsed;
  return ok({ checklist: parsed.value, format });
}

function validateHistorySave(input: unknown): Result<HistorySaveRequest> {
  if (typeof input !== 'object' || input === null) return bad('Saving needs a site and a report.');
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

export const VALIDATORS: { readonly [C in Channel]: Validator<C> } = {
  'app:info': noArguments,
  'network:interfaces': noArguments,
  'stun:public-address': validatePublicAddressRequest,
  'nat:diagnose': validateDiagnoseRequest,
  'checks:cancel': validateCancelChecks,
  'monitor:start': validateMonitorStart,
  'monitor:stop': noArguments,
  'providers:list': noArguments,
  'checklist:build': validateChecklistBuild,
  'checklist:export': validateChecklistExport,
  'history:save': validateHistorySave,
  'history:list': validateHistoryList,
};

export function validateRequest<C extends Channel>(channel: C, input: unknown): Result<RequestOf<C>> {
  return VALIDATORS[channel](input);
}
