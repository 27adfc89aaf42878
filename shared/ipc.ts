// The one IPC contract between the wizard and the process that owns the network.
// The preload, the Electron registration, the browser-mode HTTP bridge and the tests all
// derive from this file. Every request is validated at run time on the receiving side.
import { isIPv4, isIPv6, isValidPort, parseHostPort } from './address';
import type { NetworkInterfaceInfo } from './network';
import type { PublicAddressCheck } from './report';
import { fail, ok, type Result } from './result';

export interface PublicAddressRequest {
  readonly stun: string;        // "host[:port]"; port defaults to 3478
  readonly localIp?: string;    // bind address; default all interfaces
  readonly sipPort?: number;    // local port; default the profile's SIP port (65002 for SwyxWare)
}

export interface AppInfo {
  readonly name: 'TrunkCheck';
  readonly version: string;
  readonly mode: 'electron' | 'browser';
  readonly defaults: { readonly sipPort: number; readonly stunServer: string };
}

export interface IpcContract {
  'app:info': { request: null; response: AppInfo };
  'network:interfaces': { request: null; response: NetworkInterfaceInfo[] };
  'stun:public-address': { request: PublicAddressRequest; response: PublicAddressCheck };
}

export type Channel = keyof IpcContract;
export type RequestOf<C extends Channel> = IpcContract[C]['request'];
export type ResponseOf<C extends Channel> = IpcContract[C]['response'];

// One function per action on the renderer's side; the channel behind each is fixed here.
export const API_METHODS = {
  appInfo: 'app:info',
  listInterfaces: 'network:interfaces',
  checkPublicAddress: 'stun:public-address',
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

export type TrunkcheckApi = {
  [M in ApiMethod]: RequestOf<ChannelOfMethod<M>> extends null
    ? () => Promise<Result<ResponseOf<ChannelOfMethod<M>>>>
    : (request: RequestOf<ChannelOfMethod<M>>) => Promise<Result<ResponseOf<ChannelOfMethod<M>>>>;
} & {
  onProgress(listener: ProgressListener): () => void;
};

export const PROGRESS_EVENT = 'trunkcheck:progress';

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

export const VALIDATORS: { readonly [C in Channel]: Validator<C> } = {
  'app:info': noArguments,
  'network:interfaces': noArguments,
  'stun:public-address': validatePublicAddressRequest,
};

export function validateRequest<C extends Channel>(channel: C, input: unknown): Result<RequestOf<C>> {
  return VALIDATORS[channel](input);
}
