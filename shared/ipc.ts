// The one IPC contract between the wizard and the process that owns the network.
// The preload, the Electron registration, the browser-mode HTTP bridge and the tests all
// derive from this file. Every request is validated at run time on the receiving side.
import { isIPv4, isIPv6, isValidPort, parseHostPort } from './address';
import type { MonitorEvent, MonitorSummary } from './monitor';
import type { NetworkInterfaceInfo } from './network';
import type { Provider } from './catalog/providers';
import type { DiagnoseReport, PublicAddressCheck } from './report';
import { fail, ok, type Result } from './result';

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
}

export interface IpcContract {
  'app:info': { request: null; response: AppInfo };
  'network:interfaces': { request: null; response: NetworkInterfaceInfo[] };
  'stun:public-address': { request: PublicAddressRequest; response: PublicAddressCheck };
  'nat:diagnose': { request: DiagnoseRequest; response: DiagnoseReport };
  'monitor:start': { request: MonitorStartRequest; response: MonitorStarted };
  'monitor:stop': { request: null; response: MonitorSummary | null };
  'providers:list': { request: null; response: { providers: Provider[]; problems: { entry: string; message: string }[] } };
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
  startMonitor: 'monitor:start',
  stopMonitor: 'monitor:stop',
  listProviders: 'providers:list',
} as const satisfies Record<string, Channel>;

export type ApiMethod = keyof typeof API_METHODS;
type ChannelOfMethod<M extends ApiMethod> = (typeof API_METHODS)[M];

export interface ProgressEvent {
  readonly channel: Channel;
  readonly stage: string;       // stable id, e.g. "stun/request"
  readonly message: string;     // one line for a person
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

function validatePublicAddressRequest(input: unknown): Result<PublicAddressRequest> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return bad('The public-address check needs an object with a "stun" server.');
  }
  const known = new Set(['stun', 'localIp', 'sipPort']);
  const extra = Object.keys(input).find((key) => !known.has(key));
  if (extra !== undefined) return bad(`Unknown field "${extra.slice(0, 40)}" in the public-address request.`);
  const { stun, localIp, sipPort } = input as Record<string, unknown>;
  if (typeof stun !== 'string' || stun.length > 255 || parseHostPort(stun, 3478) === undefined) {
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
  const known = new Set(['stun', 'localIp', 'sipPort', 'lifetime', 'sip']);
  const extra = Object.keys(input).find((key) => !known.has(key));
  if (extra !== undefined) return bad(`Unknown field "${extra.slice(0, 40)}" in the NAT test request.`);
  const { stun, localIp, sipPort, lifetime, sip, media, qualitySec, providerId } = input as Record<string, unknown>;
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
  if (sip !== undefined && (typeof sip !== 'string' || sip.length > 255 || parseHostPort(sip, 5060) === undefined)) {
    return bad('The SIP server must be written as host or host:port, for example sipconnect.sipgate.de:5060.');
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
  });
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

export const VALIDATORS: { readonly [C in Channel]: Validator<C> } = {
  'app:info': noArguments,
  'network:interfaces': noArguments,
  'stun:public-address': validatePublicAddressRequest,
  'nat:diagnose': validateDiagnoseRequest,
  'monitor:start': validateMonitorStart,
  'monitor:stop': noArguments,
  'providers:list': noArguments,
};

export function validateRequest<C extends Channel>(channel: C, input: unknown): Result<RequestOf<C>> {
  return VALIDATORS[channel](input);
}
