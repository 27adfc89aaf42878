// The one IPC contract between the wizard and the process that owns the network.
// The preload, the Electron registration, the browser-mode HTTP bridge and the tests all
// derive from this file. Every request is validated at run time on the receiving side.
import { isIPv4, isIPv6, isValidPort, parseHostPort } from './address';
import { CHECK_IDS, isCheckId, type CheckId } from './checks';
import type { MonitorEvent, MonitorSummary } from './monitor';
import type { NetworkInterfaceInfo } from './network';
import type { Provider } from './catalog/providers';
import type { Checklist, Site } from './checklist/model';
import { EXPORT_FORMATS } from './checklist/formats';
import { CHECKLIST_FORMAT, parseChecklistJson } from './export/json';
import { parseReportJson } from './report-file';
import type { DiagnoseReport, PublicAddressCheck } from './report';
import { fail, ok, type Result } from './result';
import type { ProgressMessage } from './text/messages/progress';
import type { ReportChange } from './history/compare';

export interface PublicAddressRequest {
  readonly stun: string;        // "host[:port]"; port defaults to 3478
  readonly localIp?: string;    // bind address; default all interfaces
  readonly sipPort?: number;    // local port; default the profile's SIP port (65002 for SwyxWare)
}

export interface DiagnoseRequest {
  readonly stun: readonly string[]; // one or two "host[:port]"; a second server measures mapping without RFC 5780
  readonly localIp?: string;
  readonly sipPort?: number;
  readonly lifetime?: boolean;      // also measure the binding lifetime (takes 1.5 × the keep-alive interval)
  readonly sip?: string;            // the provider's SIP server "host[:port]": OPTIONS from the SIP port
  readonly media?: 'sample' | 'full' | 'off'; // RTP ports: a spread of the range (default), all, or none
  readonly qualitySec?: number;     // line quality: a paced STUN stream for this many seconds (1–60)
  readonly providerId?: string;     // its quality thresholds apply
  readonly profileId?: string;      // PBX profile (swyxware, 3cx, asterisk): default ports and the NAT verdict
  readonly rtp?: { readonly from: number; readonly to: number }; // overrides the profile's RTP range
  // Run one check again and keep the others from an earlier report of the same setup.
  readonly rerun?: { readonly check: CheckId; readonly previous: DiagnoseReport };
}

// Cancel one check of the running diagnosis (the others go on), or all of it.
export interface CancelChecksRequest {
  readonly check: CheckId | 'all';
}

export interface MonitorStartRequest {
  readonly stun: string;
  readonly localIp?: string;
  readonly sipPort?: number;
  readonly intervalSec?: number;    // default: the PBX profile's keep-alive (10 s for SwyxWare)
}

export interface MonitorStarted {
  readonly local: { readonly ip: string; readonly port: number };
  readonly intervalSec: number;
  readonly server: string;
}

export interface ChecklistBuildRequest {
  readonly report: DiagnoseReport;
  readonly site: Site;
  readonly language: 'en' | 'de';
  readonly qos?: boolean;
}

export interface ChecklistBuilt {
  readonly checklist: Checklist;
  readonly firewall: readonly { readonly id: string; readonly name: string; readonly fileExtension: string; readonly text: string }[];
}

export interface ChecklistExportRequest {
  readonly checklist: Checklist;
  readonly format: string;          // pdf | md | json | a firewall id
}

export interface ExportedFileData {
  readonly fileName: string;
  readonly mime: string;
  readonly base64: string;
}

export interface HistorySaveRequest {
  readonly siteId: string;
  readonly report: DiagnoseReport;
  readonly checklist?: Checklist;
}

export interface HistoryEntryData {
  readonly siteId: string;
  readonly kind: 'report' | 'checklist';
  readonly time: string;
  readonly verdict: string;
  readonly file: string;
}

export interface AppInfo {
  readonly name: 'TrunkCheck';
  readonly version: string;
  readonly mode: 'electron' | 'browser';
  readonly defaults: {
    readonly sipPort: number;
    readonly stunServer: string;
    readonly keepaliveSec: number;
    readonly rtp: { readonly from: number; readonly to: number };
  };
  readonly profiles: readonly { readonly id: string; readonly name: string; readonly sipPort: number; readonly rtp: { readonly from: number; readonly to: number }; readonly keepaliveSec: number }[];
}

export interface IpcContract {
  'app:info': { request: null; response: AppInfo };
  'network:interfaces': { request: null; response: NetworkInterfaceInfo[] };
  'stun:public-address': { request: PublicAddressRequest; response: PublicAddressCheck };
  'nat:diagnose': { request: DiagnoseRequest; response: DiagnoseReport };
  'checks:cancel': { request: CancelChecksRequest; response: { cancelled: boolean } };
  'monitor:start': { request: MonitorStartRequest; response: MonitorStarted };
  'monitor:stop': { request: null; response: MonitorSummary | null };
  'providers:list': { request: null; response: { providers: Provider[]; problems: { entry: string; message: string }[] } };
  'checklist:build': { request: ChecklistBuildRequest; response: ChecklistBuilt };
  'checklist:export': { request: ChecklistExportRequest; response: ExportedFileData };
  'history:save': { request: HistorySaveRequest; response: HistoryEntryData[] };
  'history:list': { request: { readonly siteId: string }; response: { entries: HistoryEntryData[]; problems: string[]; changes: ReportChange[] } };
}

export type Channel = keyof IpcContract;
export type RequestOf<C extends Channel> = IpcContract[C]['request'];
export type ResponseOf<C extends Channel> = IpcContract[C]['response'];

// One function per action on the renderer's side; the channel behind each is fixed here.
export const API_METHODS = {
  appInfo: 'app:info',
  listInterfaces: 'network:interfaces',
  checkPublicAddress: 'stun:public-address',
  diagnoseNat: 'nat:diagnose',
  cancelChecks: 'checks:cancel',
  startMonitor: 'monitor:start',
  stopMonitor: 'monitor:stop',
  listProviders: 'providers:list',
  buildChecklist: 'checklist:build',
  exportChecklist: 'checklist:export',
  saveToHistory: 'history:save',
  listHistory: 'history:list',
} as const satisfies Record<string, Channel>;

export type ApiMethod = keyof typeof API_METHODS;
type ChannelOfMethod<M extends ApiMethod> = (typeof API_METHODS)[M];

export interface ProgressEvent {
  readonly channel: Channel;
  // The stage as a code with its values ({ code: 'stun/request', server, port }): the code is the
  // stable stage id; shared/text words it for the status line or the progress bar.
  readonly message: ProgressMessage;
  readonly fraction: number | null;
  readonly at: string;
}

export type ProgressListener = (event: ProgressEvent) => void;
export type MonitorListener = (event: MonitorEvent) => void;

export type TrunkcheckApi = {
  [M in ApiMethod]: RequestOf<ChannelOfMethod<M>> extends null
    ? () => Promise<Result<ResponseOf<ChannelOfMethod<M>>>>
    : (request: RequestOf<ChannelOfMethod<M>>) => Promise<Result<ResponseOf<ChannelOfMethod<M>>>>;
} & {
  onProgress(listener: ProgressListener): () => void;
  onMonitorEvent(listener: MonitorListener): () => void;
};

export const PROGRESS_EVENT = 'trunkcheck:progress';
export const MONITOR_EVENT = 'trunkcheck:monitor';

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(VALIDATORS, value);
}

type Validator<C extends Channel> = (input: unknown) => Result<RequestOf<C>>;

const bad = (message: string): Result<never> => fail('ipc/bad-request', message);

function noArguments(input: unknown): Result<null> {
  return input === null || input === undefined ? ok(null) : bad('This action takes no arguments.');
}

// A server is an IP address or a DNS name of letters, digits and dashes (RFC 1123 §2.1), at most
// 253 characters with labels of at most 63: anything else would be handed to the resolver as is.
const DNS_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
function isServerHost(host: string): boolean {
  if (isIPv4(host) || isIPv6(host)) return true;
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  return name.length >= 1 && name.length <= 253 && name.split('.').every((label) => DNS_LABEL.test(label));
}

function validServer(text: unknown, defaultPort: number): text is string {
  if (typeof text !== 'string' || text.length > 255) return false;
  const parsed = parseHostPort(text, defaultPort);
  return parsed !== undefined && isServerHost(parsed.host);
}

function validatePublicAddressRequest(input: unknown): Result<PublicAddressRequest> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return bad('The public-address check needs an object with a "stun" server.');
  }
  const known = new Set(['stun', 'localIp', 'sipPort']);
  const extra = Object.keys(input).find((key) => !known.has(key));
  if (extra !== undefined) return bad(`Unknown field "${extra.slice(0, 40)}" in the public-address request.`);
  const { stun, localIp, sipPort } = input as Record<string, unknown>;
  if (!validServer(stun, 3478)) {
    return bad('The STUN server must be written as host or host:port, for example stun.sipgate.net:10000.');
  }
  if (localIp !== undefined && (typeof localIp !== 'string' || !(isIPv4(localIp) || isIPv6(localIp)))) {
    return bad('The local address must be an IPv4 or IPv6 address of this machine.');
  }
  if (sipPort !== undefined && (typeof sipPort !== 'number' || !isValidPort(sipPort))) {
    return bad('The SIP port must be a whole number from 1 to 65535.');
  }
  return ok({
    stun,
    ...(localIp === undefined ? {} : { localIp }),
    ...(sipPort === undefined ? {} : { sipPort }),
  });
}

function validateDiagnoseRequest(input: unknown): Result<DiagnoseRequest> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return bad('The NAT test needs an object with a "stun" list.');
  const known = new Set(['stun', 'localIp', 'sipPort', 'lifetime', 'sip', 'media', 'qualitySec', 'providerId', 'profileId', 'rtp', 'rerun']);
  const extra = Object.keys(input).find((key) => !known.has(key));
  if (extra !== undefined) return bad(`Unknown field "${extra.slice(0, 40)}" in the NAT test request.`);
  const { stun, localIp, sipPort, lifetime, sip, media, qualitySec, providerId, profileId, rtp, rerun } = input as Record<string, unknown>;
  if (profileId !== undefined && (typeof profileId !== 'string' || !/^[a-z0-9-]{1,40}$/.test(profileId))) return bad('That PBX profile id is not valid.');
  const range = rtp as { from?: unknown; to?: unknown } | undefined;
  if (
    range !== undefined &&
    (typeof range !== 'object' || range === null || typeof range.from !== 'number' || typeof range.to !== 'number' || !isValidPort(range.from) || !isValidPort(range.to) || range.from > range.to)
  ) {
    return bad('The RTP range must be two port numbers, from ≤ to, for example 55000–56000.');
  }
  if (media !== undefined && media !== 'sample' && media !== 'full' && media !== 'off') return bad('"media" must be "sample", "full" or "off".');
  if (qualitySec !== undefined && (typeof qualitySec !== 'number' || !Number.isInteger(qualitySec) || qualitySec < 1 || qualitySec > 60)) {
    return bad('The line-quality measurement takes 1 to 60 seconds.');
  }
  if (providerId !== undefined && (typeof providerId !== 'string' || !/^[a-z0-9][a-z0-9-]{0,39}$/.test(providerId))) return bad('That provider id is not valid.');
  if (!Array.isArray(stun) || stun.length < 1 || stun.length > 2) return bad('Name one or two STUN servers for the NAT test.');
  for (const server of stun) {
    const single = validatePublicAddressRequest({ stun: server });
    if (!single.ok) return single;
  }
  const common = validatePublicAddressRequest({ stun: stun[0], ...(localIp === undefined ? {} : { localIp }), ...(sipPort === undefined ? {} : { sipPort }) });
  if (!common.ok) return common;
  if (lifetime !== undefined && typeof lifetime !== 'boolean') return bad('"lifetime" must be true or false.');
  if (sip !== undefined && !validServer(sip, 5060)) {
    return bad('The SIP server must be written as host or host:port, for example sipconnect.sipgate.de:5060.');
  }
  let again: DiagnoseRequest['rerun'];
  if (rerun !== undefined) {
    const { check, previous } = (typeof rerun === 'object' && rerun !== null ? rerun : {}) as Record<string, unknown>;
    if (!isCheckId(check)) return bad(`"rerun" names the check to run again: one of ${CHECK_IDS.join(', ')}, with the earlier report.`);
    const report = reportOf(previous);
    if (!report.ok) return report;
    again = { check, previous: report.value };
  }
  return ok({
    stun: stun as string[],
    ...(common.value.localIp === undefined ? {} : { localIp: common.value.localIp }),
    ...(common.value.sipPort === undefined ? {} : { sipPort: common.value.sipPort }),
    ...(lifetime === undefined ? {} : { lifetime }),
    ...(sip === undefined ? {} : { sip: sip as string }),
    ...(media === undefined ? {} : { media }),
    ...(qualitySec === undefined ? {} : { qualitySec }),
    ...(providerId === undefined ? {} : { providerId }),
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
  const { intervalSec, ...rest } = input as Record<string, unknown>;
  const common = validatePublicAddressRequest(rest);
  if (!common.ok) return common;
  if (intervalSec !== undefined && (typeof intervalSec !== 'number' || !Number.isFinite(intervalSec) || intervalSec < 0.2 || intervalSec > 3600)) {
    return bad('The keep-alive interval must be a number of seconds from 0.2 to 3600.');
  }
  return ok({ ...common.value, ...(intervalSec === undefined ? {} : { intervalSec }) });
}

const SITE_ID = /^[a-z0-9][a-z0-9-]{0,59}$/;

function validSite(site: unknown): site is Site {
  if (typeof site !== 'object' || site === null) return false;
  const { name, customer, technician } = site as Record<string, unknown>;
  return [name, customer, technician].every((value) => typeof value === 'string' && value.length <= 200);
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
  if (!validSite(site)) return bad('The site needs a name, customer and technician of at most 200 characters each.');
  if (language !== 'en' && language !== 'de') return bad('The checklist language must be "en" or "de".');
  if (qos !== undefined && typeof qos !== 'boolean') return bad('"qos" must be true or false.');
  return ok({ report: parsed.value, site, language, ...(qos === undefined ? {} : { qos }) });
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
  if (typeof siteId !== 'string' || !SITE_ID.test(siteId)) return bad('The site id must be lower-case letters, digits and dashes.');
  const parsed = reportOf(report);
  if (!parsed.ok) return parsed;
  if (checklist === undefined) return ok({ siteId, report: parsed.value });
  const list = checklistOf(checklist);
  return list.ok ? ok({ siteId, report: parsed.value, checklist: list.value }) : list;
}

function validateHistoryList(input: unknown): Result<{ readonly siteId: string }> {
  const siteId = (input as { siteId?: unknown } | null)?.siteId;
  return typeof siteId === 'string' && SITE_ID.test(siteId) ? ok({ siteId }) : bad('The site id must be lower-case letters, digits and dashes.');
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
