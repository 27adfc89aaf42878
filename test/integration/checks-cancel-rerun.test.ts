// The checks step's controls, through the same handlers the wizard calls: cancel one check while
// the others go on, cancel all, and run one check again keeping the others from the earlier
// report. Against a real coturn (STUN, RFC 5780) and a real kamailio (SIP OPTIONS) on loopback;
// a silent UDP socket stands in for a SIP server that never answers.
import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch, type HandlerContext } from '../../electron/handlers';
import { checkOfStage } from '../../shared/checks';
import type { DiagnoseRequest, ProgressEvent } from '../../shared/ipc';
import type { DiagnoseReport } from '../../shared/report';
import type { Result } from '../../shared/result';
import { startCoturn, type Coturn } from '../support/coturn';
import { startKamailio, type Kamailio } from '../support/kamailio';
import { word } from '../../shared/text';

const storeDir = mkdtempSync(join(tmpdir(), 'trunkcheck-cancel-store-'));
const freePort = () => 41000 + Math.floor(Math.random() * 4000);
const rtpRange = () => {
  const from = 46000 + 20 * Math.floor(Math.random() * 40);
  return { from, to: from + 9 };
};
let coturn: Coturn;
let kamailio: Kamailio;
let silent: Socket;
let silentPort: number;

beforeAll(async () => {
  [coturn, kamailio] = await Promise.all([startCoturn(), startKamailio()]);
  silent = createSocket('udp4');
  silent.on('message', () => undefined);
  await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
  silentPort = silent.address().port;
});

afterAll(async () => {
  silent?.close();
  await Promise.all([coturn?.stop(), kamailio?.stop()]);
  rmSync(storeDir, { recursive: true, force: true });
});

// One wizard's worth of handlers, recording the progress stages it reports.
function wizard() {
  const handlers = createHandlers({ mode: 'browser', storeDir });
  const stages: string[] = [];
  const events: ProgressEvent[] = [];
  const waiters: { stage: string; resolve: () => void }[] = [];
  const context: HandlerContext = {
    progress: (event: ProgressEvent) => {
      stages.push(event.message.code);
      events.push(event);
      for (const waiter of waiters.filter((entry) => event.message.code.startsWith(entry.stage))) waiter.resolve();
    },
  };
  return {
    stages,
    events,
    reached: (stage: string) => new Promise<void>((resolve) => (stages.some((seen) => seen.startsWith(stage)) ? resolve() : waiters.push({ stage, resolve }))),
    diagnose: (request: DiagnoseRequest) => dispatch(handlers, 'nat:diagnose', request, context) as Promise<Result<DiagnoseReport>>,
    cancel: (check: unknown) => dispatch(handlers, 'checks:cancel', { check }, context) as Promise<Result<{ cancelled: boolean }>>,
  };
}

function request(overrides: Partial<DiagnoseRequest> = {}): DiagnoseRequest {
  return { stun: [`127.0.0.1:${coturn.port}`], localIp: '127.0.0.1', sipPort: freePort(), rtp: rtpRange(), ...overrides };
}

const rule = (report: DiagnoseReport, id: string) => report.rules.find((entry) => entry.id === id);

describe('cancelling checks', () => {
  it('says nothing was cancelled when no diagnosis runs, and refuses a check it does not know', async () => {
    const app = wizard();
    expect(await app.cancel('sip')).toEqual({ ok: true, value: { cancelled: false } });
    expect(await app.cancel('everything')).toMatchObject({ ok: false, error: { code: 'ipc/bad-cancel' } });
  });

  it('cancels the SIP check of a server that never answers, while the media ports are still measured', async () => {
    const app = wizard();
    const running = app.diagnose(request({ sip: `127.0.0.1:${silentPort}` }));
    await app.reached('sip/options');
    expect(await app.cancel('sip')).toEqual({ ok: true, value: { cancelled: true } });
    const result = await running;
    if (!result.ok) throw new Error(word('en', result.error));
    const report = result.value;
    expect(report.cancelled).toEqual(['sip']);
    expect(report.sip).toBeNull();
    expect(rule(report, 'outbound-signalling')).toMatchObject({ status: 'untested', evidence: expect.arrayContaining([{ code: 'check/cancelled', check: 'sip' }]) });
    // The others went on: NAT measured (no NAT on loopback), media ports verified after the cancel.
    expect(report.nat.classic).toBe('open-internet');
    expect(app.stages.indexOf('media/scan')).toBeGreaterThan(app.stages.indexOf('sip/options'));
    expect(rule(report, 'outbound-media')?.status).toBe('verified');
    expect(report.verdict).toBe('incomplete');
    // Without the cancel, timer F would have waited 8 s for the silent server.
    expect(report.durationMs).toBeLessThan(8000);
  }, 30_000);

  it('skips a check cancelled before it began: the media ports are never probed', async () => {
    const app = wizard();
    const running = app.diagnose(request({ sip: `127.0.0.1:${kamailio.port}` }));
    await app.reached('stun/request');
    await app.cancel('media');
    const result = await running;
    if (!result.ok) throw new Error(word('en', result.error));
    expect(result.value.cancelled).toEqual(['media']);
    expect(result.value.rtp).toBeNull();
    expect(app.stages.some((stage) => stage.startsWith('media/'))).toBe(false);
    expect(rule(result.value, 'inbound-media')).toMatchObject({ status: 'untested', evidence: [{ code: 'check/cancelled', check: 'media' }] });
    expect(rule(result.value, 'outbound-signalling')?.status).toBe('verified');
  }, 30_000);

  it('cancels the whole run with one clear sentence, and frees the SIP port for the next run', async () => {
    const app = wizard();
    const sipPort = freePort();
    const running = app.diagnose(request({ sipPort, sip: `127.0.0.1:${silentPort}` }));
    await app.reached('sip/options');
    await app.cancel('all');
    const result = await running;
    expect(result).toMatchObject({ ok: false, error: { code: 'checks/cancelled' } });
    if (!result.ok) expect(word('en', result.error)).toBe('The checks were cancelled before they finished; the earlier results are unchanged.');
    const again = await app.diagnose(request({ sipPort, media: 'off' }));
    expect(again.ok).toBe(true);
  }, 30_000);
});

describe('the progress bar', () => {
  it('only moves forward: NAT, SIP, voice ports and line quality each in their own share, full at the end', async () => {
    const app = wizard();
    const result = await app.diagnose(request({ sip: `127.0.0.1:${kamailio.port}`, qualitySec: 1 }));
    if (!result.ok) throw new Error(word('en', result.error));
    const fractions = app.events.map((event) => event.fraction).filter((fraction): fraction is number => fraction !== null);
    fractions.forEach((fraction, index) => expect(fraction, `${app.stages[index]} after ${app.stages[index - 1]}`).toBeGreaterThanOrEqual(fractions[index - 1] ?? 0));
    expect(fractions.at(-1)).toBe(1);
    const checks = app.stages.map(checkOfStage).filter((check, index, all) => check !== null && check !== all[index - 1]);
    expect(checks).toEqual(['nat', 'sip', 'media', 'quality']);
  }, 30_000);
});

describe('running one check again', () => {
  it('re-runs only SIP once the server answers, and keeps the NAT and media results of the earlier report', async () => {
    const app = wizard();
    const base = request({ sip: `127.0.0.1:${silentPort}` });
    const first = await app.diagnose(base);
    if (!first.ok) throw new Error(word('en', first.error));
    expect(rule(first.value, 'outbound-signalling')?.status).toBe('failed');
    // The provider did not answer: the fix (allow UDP to it) is the user's to make.
    expect(first.value.verdict).toBe('action-needed');

    app.stages.length = 0;
    const second = await app.diagnose({ ...base, sip: `127.0.0.1:${kamailio.port}`, rerun: { check: 'sip', previous: first.value } });
    if (!second.ok) throw new Error(word('en', second.error));
    const report = second.value;
    expect(report.sip).toMatchObject({ reachable: true, status: 200 });
    expect(rule(report, 'outbound-signalling')?.status).toBe('verified');
    expect(report.nat).toEqual(first.value.nat);
    expect(report.checks.nat).toEqual(first.value.checks.nat);
    expect(report.rtp).toEqual(first.value.rtp);
    expect(report.rules.filter((entry) => entry.id.endsWith('-media'))).toEqual(first.value.rules.filter((entry) => entry.id.endsWith('-media')));
    expect(report.verdict).toBe('ready');
    // Only the public address (the binding every check goes through) and SIP were measured.
    expect(app.stages.some((stage) => stage.startsWith('nat/') || stage.startsWith('media/'))).toBe(false);
    expect(app.stages).toContain('stun/request');
    expect(app.stages).toContain('sip/options');
  }, 40_000);

  it('re-runs a cancelled check and drops it from the cancelled list', async () => {
    const app = wizard();
    const base = request({ sip: `127.0.0.1:${kamailio.port}` });
    const running = app.diagnose(base);
    await app.reached('stun/request');
    await app.cancel('media');
    const first = await running;
    if (!first.ok) throw new Error(word('en', first.error));
    expect(first.value.cancelled).toEqual(['media']);

    const second = await app.diagnose({ ...base, rerun: { check: 'media', previous: first.value } });
    if (!second.ok) throw new Error(word('en', second.error));
    expect(second.value.cancelled).toBeUndefined();
    expect(rule(second.value, 'outbound-media')?.status).toBe('verified');
    expect(second.value.sip).toEqual(first.value.sip);
    expect(second.value.verdict).toBe('ready');
  }, 40_000);

  it('refuses to mix results of another setup, and says to run all checks again', async () => {
    const app = wizard();
    const base = request({ media: 'off' });
    const first = await app.diagnose(base);
    if (!first.ok) throw new Error(word('en', first.error));
    const moved = await app.diagnose({ ...base, sipPort: base.sipPort! + 1, rerun: { check: 'nat', previous: first.value } });
    expect(moved).toEqual({ ok: false, error: { code: 'checks/rerun-mismatch', profile: null, sipPort: base.sipPort, localIp: null, stun: null } });
    if (!moved.ok) expect(word('en', moved.error)).toBe(`The earlier results were measured with SIP port ${base.sipPort}, not with what is entered now: run all checks again instead of one.`);
    const otherServer = await app.diagnose({ ...base, stun: ['127.0.0.1:9'], rerun: { check: 'nat', previous: first.value } });
    expect(otherServer).toMatchObject({ ok: false, error: { code: 'checks/rerun-mismatch', stun: `127.0.0.1:${coturn.port}` } });
    if (!otherServer.ok) expect(word('en', otherServer.error)).toContain(`the STUN server 127.0.0.1:${coturn.port}`);
  }, 30_000);

  it('refuses a damaged earlier report at the IPC boundary', async () => {
    const app = wizard();
    const result = await app.diagnose({ ...request(), rerun: { check: 'sip', previous: { tool: { name: 'trunkcheck' } } as unknown as DiagnoseReport } });
    expect(result).toMatchObject({ ok: false, error: { code: 'report/no-version' } });
    const noCheck = await dispatch(createHandlers({ mode: 'browser', storeDir }), 'nat:diagnose', { ...request(), rerun: { check: 'dns' } }, { progress: () => undefined });
    expect(noCheck).toEqual({ ok: false, error: { code: 'request/rerun-check', checks: ['nat', 'sip', 'register', 'media', 'quality'] } });
  });
});
