// The main-process side of the IPC contract (shared/ipc.ts). Electron registers these, the
// browser-mode server carries them over HTTP, and the tests call them directly: one
// implementation, so the wizard, the browser UI and the CLI cannot disagree.
import { defaultProfile } from '../shared/catalog/profiles';
import { findProvider, PROVIDER_CATALOG_PROBLEMS, PROVIDERS, providerQualityThresholds } from '../shared/catalog/providers';
import { isChannel, validateRequest, type Channel, type ProgressEvent, type RequestOf, type ResponseOf } from '../shared/ipc';
import { fail, ok, type Result } from '../shared/result';
import { diagnose } from './diagnose/diagnose';
import { checkPublicAddress } from './diagnose/public-address';
import { listInterfaces } from './net/interfaces';
import { APP_VERSION } from './version';
import { formatAddress } from '../shared/address';
import type { MonitorEvent } from '../shared/monitor';
import { openMonitor, type KeepaliveMonitor } from './monitor/keepalive';
import { resolveTarget } from './net/resolve';

export interface HandlerContext {
  readonly progress: (event: ProgressEvent) => void;
  readonly monitorEvent?: (event: MonitorEvent) => void;
  readonly signal?: AbortSignal;
}

export type Handlers = { readonly [C in Channel]: (request: RequestOf<C>, context: HandlerContext) => Promise<Result<ResponseOf<C>>> };

export interface HandlerOptions {
  readonly mode: 'electron' | 'browser';
  readonly defaultStunServer?: string;
}

export function createHandlers(options: HandlerOptions): Handlers {
  const profile = defaultProfile();
  // The SIP port is one socket: a second check while one runs would only collide with it.
  let networkBusy = false;
  let monitor: KeepaliveMonitor | null = null;
  const exclusive = async <T>(run: () => Promise<Result<T>>): Promise<Result<T>> => {
    if (monitor !== null) return fail('app/monitor-running', 'The keep-alive monitor is using the SIP port: stop it first, then run the check.');
    if (networkBusy) return fail('app/busy', 'Another check is still using the SIP port: wait for it to finish, then try again.');
    networkBusy = true;
    try {
      return await run();
    } finally {
      networkBusy = false;
    }
  };

  return {
    'app:info': async () =>
      ok({
        name: 'TrunkCheck',
        version: APP_VERSION,
        mode: options.mode,
        defaults: { sipPort: profile.sipPort, stunServer: options.defaultStunServer ?? '', keepaliveSec: profile.keepaliveSec, rtp: profile.rtp },
      }),
    'network:interfaces': async () => ok(listInterfaces()),
    'stun:public-address': (request, context) =>
      exclusive(() =>
        checkPublicAddress({
          stun: request.stun,
          defaultStunPort: profile.defaultStunPort,
          sipPort: request.sipPort ?? profile.sipPort,
          ...(request.localIp ? { localIp: request.localIp } : {}),
          ...(context.signal ? { signal: context.signal } : {}),
          progress: (stage, message, fraction) =>
            context.progress({ channel: 'stun:public-address', stage, message, fraction, at: new Date().toISOString() }),
        }),
      ),
    'nat:diagnose': (request, context) =>
      exclusive(() =>
        diagnose({
          profile,
          stun: request.stun,
          ...(request.localIp ? { localIp: request.localIp } : {}),
          ...(request.sipPort ? { sipPort: request.sipPort } : {}),
          lifetime: request.lifetime === true,
          ...(request.sip ? { sip: request.sip } : {}),
          ...(request.media ? { media: request.media } : {}),
          ...(request.qualitySec ? { qualitySec: request.qualitySec } : {}),
          ...(request.providerId && findProvider(request.providerId) ? { qualityThresholds: thresholdsOf(request.providerId) } : {}),
          ...(context.signal ? { signal: context.signal } : {}),
          progress: (stage, message, fraction) => context.progress({ channel: 'nat:diagnose', stage, message, fraction, at: new Date().toISOString() }),
        }),
      ),
    'monitor:start': async (request, context) => {
      if (monitor !== null) return fail('app/monitor-running', 'The keep-alive monitor is already running: stop it before starting it again.');
      if (networkBusy) return fail('app/busy', 'A check is still using the SIP port: wait for it to finish, then start the monitor.');
      networkBusy = true;
      try {
        const server = await resolveTarget(request.stun, profile.defaultStunPort, request.localIp?.includes(':') ? 6 : 4);
        if (!server.ok) return server;
        const started = await openMonitor({
          port: request.sipPort ?? profile.sipPort,
          ...(request.localIp ? { localIp: request.localIp } : {}),
          server: server.value,
          intervalSec: request.intervalSec ?? profile.keepaliveSec,
          onEvent: (event) => context.monitorEvent?.(event),
        });
        if (!started.ok) return started;
        monitor = started.value;
        return ok({ local: started.value.local, intervalSec: started.value.intervalSec, server: formatAddress(server.value) });
      } finally {
        networkBusy = false;
      }
    },
    'providers:list': async () => ok({ providers: [...PROVIDERS], problems: [...PROVIDER_CATALOG_PROBLEMS] }),
    'monitor:stop': async () => {
      const running = monitor;
      monitor = null;
      return ok(running === null ? null : await running.stop());
    },
  };
}

// The one entry point for requests from outside the process: the channel and the argument are
// untrusted and validated here; an exception never escapes, it becomes an error result.
export async function dispatch(handlers: Handlers, channel: unknown, input: unknown, context: HandlerContext): Promise<Result<unknown>> {
  if (!isChannel(channel)) return fail('ipc/unknown-channel', 'The wizard asked for an action this version of TrunkCheck does not know.');
  const request = validateRequest(channel, input);
  if (!request.ok) return request;
  try {
    const handler = handlers[channel] as (request: unknown, context: HandlerContext) => Promise<Result<unknown>>;
    return await handler(request.value, context);
  } catch (error) {
    return fail('internal/error', `TrunkCheck hit an internal error while handling "${channel}": ${(error as Error).message ?? String(error)}`);
  }
}

function thresholdsOf(providerId: string): { maxLossPercent?: number; maxJitterMs?: number; maxRttMs?: number } {
  const provider = findProvider(providerId);
  return provider ? providerQualityThresholds(provider) : {};
}
