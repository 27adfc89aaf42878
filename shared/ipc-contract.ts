// The one IPC contract between the wizard and the process that owns the network: the invoke
// channels with their request and response types, and the events with their payloads. The preload,
// the Electron registration, the browser-mode HTTP bridge and the tests all derive from this file.
// It holds names and types only, so the sandboxed preload carries nothing else; the run-time
// validators of every request live in shared/ipc.ts.
import type { CheckId } from './checks';
import type { MonitorEvent, MonitorSummary } from './monitor';
import type { NetworkInterfaceInfo } from './network';
import type { CatalogProblem, Provider } from './catalog/providers';
import type { Checklist, Site } from './checklist/model';
import type { DiagnoseReport, InboundMediaNeed, PublicAddressCheck } from './report';
import type { ErrorData, Result } from './result';
import type { ProgressMessage } from './text/messages/progress';
import type { ReportChange } from './history/compare';
import type { PortRange } from './port-range';
import type { RegisterRequest } from './register';

export interface PublicAddressRequest {
  readonly stun: string;        // "host[:port]"; the port defaults to the PBX profile's defaultStunPort
  readonly localIp?: string;    // bind address; default all interfaces
  readonly sipPort?: number;    // local port; default the profile's SIP port (65002 for SwyxWare)
}

export type IpVersionChoice = '4' | '6' | 'both';

export interface DiagnoseRequest {
  readonly stun: readonly string[]; // one or two "host[:port]"; a second server measures mapping without RFC 5780
  readonly localIp?: string;
  // The IP versions to test: '4', '6', or 'both' (IPv4 as the primary path and the same checks over
  // IPv6 in the report's ipv6 section). Default: both where this machine has a global IPv6 address
  // and no --local-ip names one family.
  readonly family?: IpVersionChoice;
  readonly sipPort?: number;
  readonly lifetime?: boolean;      // also measure the binding lifetime (takes 1.5 × the keep-alive interval)
  readonly sip?: string;            // the provider's SIP server "host[:port]": OPTIONS from the SIP port
  readonly media?: 'sample' | 'full' | 'off'; // RTP ports: a spread of the range (default), all, or none
  readonly qualitySec?: number;     // line quality: a paced STUN stream for this many seconds (shared/limits.ts QUALITY_SEC)
  readonly providerId?: string;     // its quality thresholds apply
  readonly profileId?: string;      // PBX profile (swyxware, 3cx, asterisk): default ports and the NAT verdict
  readonly rtp?: PortRange; // overrides the profile's RTP range
  // What the PBX needs of inbound media (rule 4): only with profileId 'custom', and required there
  // with sipPort and rtp (a catalog profile says it itself, with its source).
  readonly inboundMedia?: InboundMediaNeed;
  // Register with the provider's credentials after the SIP check (issue 16). Needs a SIP server.
  // It holds the password: the request lives in memory for one run and is never stored or logged.
  readonly register?: RegisterRequest;
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
  readonly profileId?: string;      // its SIP port, keep-alive and STUN port are the defaults
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
  // pdf and md: the firewall syntaxes for the appendix (firewall ids), none when missing.
  readonly firewalls?: readonly string[];
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

// The wizard's provider editor: saved and checked exactly like `trunkcheck providers --add`.
export interface ProviderSaveRequest {
  readonly provider: Provider;
}

export interface ProviderRemoveRequest {
  readonly id: string;
}

export interface ProvidersListed {
  readonly providers: Provider[];      // the built-in catalog
  readonly custom: Provider[];         // the providers this user added (wizard or `providers --add`)
  readonly problems: CatalogProblem[]; // entries skipped, by name
}

// A site of the history with its newest report: what the Welcome step lists.
export interface SiteSummaryData {
  readonly siteId: string;
  readonly name: string | null;        // from the newest saved checklist; null: only reports were saved
  readonly customer: string | null;
  readonly latest: HistoryEntryData | null; // the newest report
  readonly reports: number;
}

// Two saved reports of the history ("sites/<site>/<file>", as history:list names them).
export interface HistoryCompareRequest {
  readonly older: string;
  readonly newer: string;
}

export interface AppInfo {
  readonly name: 'TrunkCheck';
  readonly version: string;
  readonly mode: 'electron' | 'browser' | 'cli';
  readonly defaults: {
    readonly sipPort: number;
    readonly stunServer: string;
    readonly keepaliveSec: number;
    readonly rtp: PortRange;
  };
  readonly profiles: readonly { readonly id: string; readonly name: string; readonly sipPort: number; readonly rtp: PortRange; readonly keepaliveSec: number }[];
}

export interface IpcContract {
  'app:info': { request: null; response: AppInfo };
  'network:interfaces': { request: null; response: NetworkInterfaceInfo[] };
  'stun:public-address': { request: PublicAddressRequest; response: PublicAddressCheck };
  'nat:diagnose': { request: DiagnoseRequest; response: DiagnoseReport };
  'checks:cancel': { request: CancelChecksRequest; response: { cancelled: boolean } };
  'monitor:start': { request: MonitorStartRequest; response: MonitorStarted };
  'monitor:stop': { request: null; response: MonitorSummary | null };
  'providers:list': { request: null; response: ProvidersListed };
  'providers:save': { request: ProviderSaveRequest; response: Provider };
  'providers:remove': { request: ProviderRemoveRequest; response: { removed: boolean } };
  'checklist:build': { request: ChecklistBuildRequest; response: ChecklistBuilt };
  'checklist:export': { request: ChecklistExportRequest; response: ExportedFileData };
  'history:save': { request: HistorySaveRequest; response: HistoryEntryData[] };
  'history:list': { request: { readonly siteId: string }; response: { entries: HistoryEntryData[]; problems: ErrorData[]; changes: ReportChange[] } };
  'history:sites': { request: null; response: { sites: SiteSummaryData[]; problems: ErrorData[] } };
  'history:compare': { request: HistoryCompareRequest; response: { changes: ReportChange[] } };
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
  saveProvider: 'providers:save',
  removeProvider: 'providers:remove',
  buildChecklist: 'checklist:build',
  exportChecklist: 'checklist:export',
  saveToHistory: 'history:save',
  listHistory: 'history:list',
  listSites: 'history:sites',
  compareHistory: 'history:compare',
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

// The events the main process sends to the wizard, with their payloads. One name each, the same
// in Electron (webContents.send) and in browser mode (the server-sent event's name).
export interface EventContract {
  progress: ProgressEvent;
  monitor: MonitorEvent;
}
export type EventName = keyof EventContract;
export const EVENTS = { progress: 'progress', monitor: 'monitor' } as const satisfies { readonly [E in EventName]: E };
export type ListenerOf<E extends EventName> = (event: EventContract[E]) => void;

export type ProgressListener = ListenerOf<'progress'>;
export type MonitorListener = ListenerOf<'monitor'>;

export type TrunkcheckApi = {
  [M in ApiMethod]: RequestOf<ChannelOfMethod<M>> extends null
    ? () => Promise<Result<ResponseOf<ChannelOfMethod<M>>>>
    : (request: RequestOf<ChannelOfMethod<M>>) => Promise<Result<ResponseOf<ChannelOfMethod<M>>>>;
} & {
  onProgress(listener: ProgressListener): () => void;
  onMonitorEvent(listener: MonitorListener): () => void;
};
