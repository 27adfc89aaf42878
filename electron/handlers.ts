// The main-process side of the IPC contract (shared/ipc.ts). Electron registers these, the
// browser-mode server carries them over HTTP, the CLI turns its flags into the same requests and
// calls them, and the tests call them directly: one implementation, so the wizard, the browser UI
// and the CLI cannot disagree.
// The PDF library and the history store load on first use: `trunkcheck diagnose` needs neither.
import { defaultProfile, findProfile, PBX_PROFILES } from '../shared/catalog/profiles';
import { findProvider, PROVIDER_CATALOG_PROBLEMS, PROVIDERS, type CatalogProblem, type Provider } from '../shared/catalog/providers';
import { isChannel, validateRequest, type Channel, type ProgressEvent, type RequestOf, type ResponseOf } from '../shared/ipc';
import { fail, ok, type Result } from '../shared/result';
import { CheckCancellation } from './diagnose/cancel';
import { diagnose } from './diagnose/diagnose';
import { checkPublicAddress } from './diagnose/public-address';
import { listInterfaces } from './net/interfaces';
import { APP_VERSION } from './version';
import { formatAddress } from '../shared/address';
import type { MonitorEvent } from '../shared/monitor';
import { openMonitor, type KeepaliveMonitor } from './monitor/keepalive';
import { resolveTarget } from './net/resolve';
import { runChecklistJobOffThread } from './checklist/off-thread';
import type { HistoryEntry, HistoryStore } from './store/history';
import type { OpenedSettings } from './store/settings';
import { defaultStoreDir } from './store/paths';
import { compareReports, type ReportChange } from '../shared/history/compare';

export interface HandlerContext {
  readonly progress: (event: ProgressEvent) => void;
  readonly monitorEvent?: (event: MonitorEvent) => void;
  readonly signal?: AbortSignal;
}

export type Handlers = { readonly [C in Channel]: (request: RequestOf<C>, context: HandlerContext) => Promise<Result<ResponseOf<C>>> };

export interface HandlerOptions {
  readonly mode: 'electron' | 'browser' | 'cli';
  readonly defaultStunServer?: string;
  readonly storeDir?: string;        // sites and history; default: the per-user folder (TRUNKCHECK_HOME)
}

export function createHandlers(options: HandlerOptions): Handlers {
  const profile = defaultProfile();
  // The SIP port is one socket: a second check while one runs would only collide with it.
  let networkBusy = false;
  let monitor: KeepaliveMonitor | null = null;
  let running: CheckCancellation | null = null; // the diagnosis now running, to cancel a check of it
  const exclusive = async <T>(run: () => Promise<Result<T>>): Promise<Result<T>> => {
    if (monitor !== null) return fail('app/monitor-running', { asked: 'check' });
    if (networkBusy) return fail('app/busy', { asked: 'check' });
    networkBusy = true;
    try {
      return await run();
    } finally {
      networkBusy = false;
    }
  };

  let history: Promise<HistoryStore> | null = null;
  const store = (): Promise<HistoryStore> => (history ??= import('./store/history').then(({ openHistory }) => openHistory({ dir: options.storeDir ?? defaultStoreDir() })));
  const entryData = (entry: HistoryEntry) => ({ siteId: entry.siteId, kind: entry.kind, time: entry.time, verdict: entry.verdict, file: entry.file });
  // The providers a user added live in the settings file beside the history, as for the CLI.
  let opened: Promise<Result<OpenedSettings>> | null = null;
  const settings = (): Promise<Result<OpenedSettings>> => (opened ??= import('./store/settings').then(({ openSettings }) => openSettings({ dir: options.storeDir ?? defaultStoreDir() })));
  const customProviders = async (): Promise<{ providers: Provider[]; problems: CatalogProblem[] }> => {
    const store = await settings();
    if (!store.ok) return { providers: [], problems: [{ entry: '(settings)', error: store.error }] };
    const listed = store.value.store.listCustomProviders();
    return { providers: listed.providers, problems: [...(store.value.warning ? [{ entry: '(settings)', error: store.value.warning }] : []), ...listed.problems] };
  };

  return {
    'app:info': async () =>
      ok({
        name: 'TrunkCheck',
        version: APP_VERSION,
        mode: options.mode,
        defaults: { sipPort: profile.sipPort, stunServer: options.defaultStunServer ?? '', keepaliveSec: profile.keepaliveSec, rtp: profile.rtp },
        profiles: PBX_PROFILES.map((p) => ({ id: p.id, name: p.name, sipPort: p.sipPort, rtp: p.rtp, keepaliveSec: p.keepaliveSec })),
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
          progress: (message, fraction) => context.progress({ channel: 'stun:public-address', message, fraction, at: new Date().toISOString() }),
        }),
      ),
    'nat:diagnose': (request, context) =>
      exclusive(async () => {
        const cancellation = new CheckCancellation(context.signal);
        // A provider the user added brings its quality limits like a built-in one.
        const custom = request.providerId === undefined || findProvider(request.providerId) !== undefined ? [] : (await customProviders()).providers;
        running = cancellation;
        try {
          return await diagnose(request, {
            cancellation,
            providers: [...PROVIDERS, ...custom],
            progress: (message, fraction) => context.progress({ channel: 'nat:diagnose', message, fraction, at: new Date().toISOString() }),
          });
        } finally {
          running = null;
        }
      }),
    // Not exclusive: it must reach the diagnosis that holds the SIP port.
    'checks:cancel': async (request) => {
      if (running === null) return ok({ cancelled: false });
      running.cancel(request.check);
      return ok({ cancelled: true });
    },
    'monitor:start': async (request, context) => {
      if (monitor !== null) return fail('app/monitor-running', { asked: 'monitor' });
      if (networkBusy) return fail('app/busy', { asked: 'monitor' });
      const chosen = request.profileId === undefined ? profile : findProfile(request.profileId);
      if (chosen === undefined) return fail('request/unknown-profile', { profile: String(request.profileId).slice(0, 40), profiles: PBX_PROFILES.map((entry) => entry.id) });
      networkBusy = true;
      try {
        const server = await resolveTarget(request.stun, chosen.defaultStunPort, request.localIp?.includes(':') ? 6 : 4);
        if (!server.ok) return server;
        const started = await openMonitor({
          port: request.sipPort ?? chosen.sipPort,
          ...(request.localIp ? { localIp: request.localIp } : {}),
          server: server.value,
          intervalSec: request.intervalSec ?? chosen.keepaliveSec,
          onEvent: (event) => context.monitorEvent?.(event),
        });
        if (!started.ok) return started;
        monitor = started.value;
        return ok({ local: started.value.local, intervalSec: started.value.intervalSec, server: formatAddress(server.value) });
      } finally {
        networkBusy = false;
      }
    },
    // Off the event loop: a large checklist's PDF takes seconds, and the browser-mode server
    // and the Electron window must keep answering meanwhile (issue 11, item 4).
    'checklist:build': (request, context) => runChecklistJobOffThread({ kind: 'build', request }, context.signal ? { signal: context.signal } : {}),
    'checklist:export': async (request, context) => {
      const job = { kind: 'export', checklist: request.checklist, format: request.format, ...(request.firewalls === undefined ? {} : { firewalls: request.firewalls }) } as const;
      const file = await runChecklistJobOffThread(job, context.signal ? { signal: context.signal } : {});
      if (!file.ok) return file;
      return ok({ fileName: file.value.fileName, mime: file.value.mime, base64: Buffer.from(file.value.bytes).toString('base64') });
    },
    'history:save': async (request) => {
      const saved = [];
      const history = await store();
      const report = await history.saveReport(request.siteId, request.report);
      if (!report.ok) return report;
      saved.push(entryData(report.value));
      if (request.checklist) {
        const checklist = await history.saveChecklist(request.siteId, request.checklist);
        if (!checklist.ok) return checklist;
        saved.push(entryData(checklist.value));
      }
      return ok(saved);
    },
    'history:list': async (request) => {
      const history = await store();
      const listing = await history.listHistory(request.siteId);
      if (!listing.ok) return listing;
      // The two newest reports compared: what changed since the last visit.
      const reports = listing.value.entries.filter((entry) => entry.kind === 'report').slice(0, 2);
      let changes: ReportChange[] = [];
      if (reports.length === 2) {
        const [newer, older] = await Promise.all(reports.map((entry) => history.loadEntry(entry.file)));
        if (newer?.ok && older?.ok && newer.value.document.kind === 'report' && older.value.document.kind === 'report') {
          changes = compareReports(older.value.document.report, newer.value.document.report);
        }
      }
      return ok({ entries: listing.value.entries.map(entryData), problems: [...listing.value.problems], changes });
    },
    'providers:list': async () => {
      const custom = await customProviders();
      return ok({ providers: [...PROVIDERS], custom: custom.providers, problems: [...PROVIDER_CATALOG_PROBLEMS, ...custom.problems] });
    },
    // The same validator and store as `trunkcheck providers --add`.
    'providers:save': async (request) => {
      const store = await settings();
      return store.ok ? store.value.store.saveCustomProvider(request.provider) : store;
    },
    'providers:remove': async (request) => {
      const store = await settings();
      if (!store.ok) return store;
      const removed = store.value.store.deleteCustomProvider(request.id);
      return removed.ok ? ok({ removed: removed.value }) : removed;
    },
    'history:sites': async () => {
      const history = await store();
      const listed = await history.listSites();
      if (!listed.ok) return listed;
      const sites = listed.value.sites.map((site) => ({ siteId: site.siteId, name: site.name, customer: site.customer, latest: site.latest ? entryData(site.latest) : null, reports: site.reports }));
      return ok({ sites, problems: [...listed.value.problems] });
    },
    // Any two saved reports, older first (the CLI compares the same way).
    'history:compare': async (request) => {
      const history = await store();
      const [older, newer] = await Promise.all([history.loadEntry(request.older), history.loadEntry(request.newer)]);
      if (!older.ok) return older;
      if (!newer.ok) return newer;
      if (older.value.document.kind !== 'report') return fail('store/not-a-report', { file: older.value.entry.file });
      if (newer.value.document.kind !== 'report') return fail('store/not-a-report', { file: newer.value.entry.file });
      return ok({ changes: compareReports(older.value.document.report, newer.value.document.report) });
    },
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
  if (!isChannel(channel)) return fail('ipc/unknown-channel');
  // Validation itself may throw on what structured clone can carry (a cycle or a BigInt that
  // JSON.stringify refuses, a nesting deeper than the stack): that is a bad request, not a crash.
  let request: Result<unknown>;
  try {
    request = validateRequest(channel, input);
  } catch {
    return fail('ipc/unreadable-request', { channel });
  }
  if (!request.ok) return request;
  try {
    const handler = handlers[channel] as (request: unknown, context: HandlerContext) => Promise<Result<unknown>>;
    return await handler(request.value, context);
  } catch (error) {
    return fail('internal/error', { channel, detail: (error as Error).message ?? String(error) });
  }
}
