// The wizard's one way to reach the process that owns the network. In Electron the preload
// exposes `window.trunkcheck`; in browser mode the same TrunkcheckApi is carried over HTTP
// (electron/ui-server/server.ts). Both are derived from shared/ipc-contract.ts, so they cannot drift.
import { API_METHODS, EVENTS, type Channel, type EventName, type ListenerOf, type TrunkcheckApi } from '../../../shared/ipc-contract';
import { fail, type Result } from '../../../shared/result';
import { isErrorData } from '../../../shared/text/messages/errors';

export const CONNECTION_ERROR_CODE = 'ui/connection';

export function getApi(): TrunkcheckApi {
  return window.trunkcheck ?? createHttpApi();
}

export interface HttpApiOptions {
  readonly fetch?: typeof fetch;
  readonly openEvents?: () => EventSource;
}

export function createHttpApi(options: HttpApiOptions = {}): TrunkcheckApi {
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const openEvents = options.openEvents ?? (() => new EventSource('/api/events'));

  async function invoke(channel: Channel, request: unknown): Promise<Result<unknown>> {
    let response: Response;
    try {
      // The channel goes into the path as it is: the server matches "app:info", not "app%3Ainfo".
      response = await fetchFn(`/api/invoke/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request ?? null),
        credentials: 'same-origin',
      });
    } catch {
      return fail(CONNECTION_ERROR_CODE);
    }
    return readResult(response);
  }

  const methods = Object.fromEntries(
    Object.entries(API_METHODS).map(([method, channel]) => [method, (request?: unknown) => invoke(channel, request)]),
  );

  const subscribe = sharedEventStream(openEvents);
  return {
    ...methods,
    onProgress: (listener) => subscribe(EVENTS.progress, listener),
    onMonitorEvent: (listener) => subscribe(EVENTS.monitor, listener),
  } as TrunkcheckApi;
}

// The server answers every invoke with a JSON Result (an error as its code and values); anything
// else (the guard's plain-text 403, a proxy's error page) becomes ui/http with the server's own words.
async function readResult(response: Response): Promise<Result<unknown>> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    return fail(CONNECTION_ERROR_CODE);
  }
  if ((response.headers.get('Content-Type') ?? '').startsWith('application/json')) {
    try {
      const parsed: unknown = JSON.parse(text);
      const result = resultOf(parsed);
      if (result !== null) return result;
    } catch {
      // fall through to the generic error below
    }
  }
  const detail = text.trim().slice(0, 300);
  return fail('ui/http', { status: response.status, detail: detail === '' ? null : detail });
}

// The Result itself; the English sentence the server adds for curl ("text") is left behind.
function resultOf(value: unknown): Result<unknown> | null {
  if (typeof value !== 'object' || value === null) return null;
  const candidate = value as { ok?: unknown; value?: unknown; error?: unknown };
  if (candidate.ok === true) return 'value' in candidate ? { ok: true, value: candidate.value } : null;
  return candidate.ok === false && isErrorData(candidate.error) ? { ok: false, error: candidate.error } : null;
}

// One EventSource for the whole page, opened with the first listener of any event and closed
// with the last. The server sends the contract's events under their names (EVENTS).
function sharedEventStream(openEvents: () => EventSource): <E extends EventName>(name: E, listener: ListenerOf<E>) => () => void {
  const names = Object.values(EVENTS);
  const listeners = new Map<EventName, Set<(event: unknown) => void>>(names.map((name) => [name, new Set()]));
  let source: EventSource | null = null;
  const total = (): number => [...listeners.values()].reduce((sum, set) => sum + set.size, 0);

  const deliverTo = (name: EventName) => (message: MessageEvent<string>): void => {
    let event: unknown;
    try {
      event = JSON.parse(message.data);
    } catch {
      return;
    }
    for (const listener of listeners.get(name) ?? []) listener(event);
  };

  return <E extends EventName>(name: E, listener: ListenerOf<E>) => {
    const wrapped = listener as (event: unknown) => void;
    listeners.get(name)?.add(wrapped);
    if (source === null) {
      source = openEvents();
      for (const eventName of names) source.addEventListener(eventName, deliverTo(eventName));
    }
    return () => {
      listeners.get(name)?.delete(wrapped);
      if (total() === 0 && source !== null) {
        source.close();
        source = null;
      }
    };
  };
}
