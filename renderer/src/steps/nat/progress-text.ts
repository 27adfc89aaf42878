// The NAT test's progress line in the reader's language: known stages are worded here with the
// values the user entered; an unknown stage shows the main process's own (English) words.
import type { DiagnoseRequest } from '../../../../shared/ipc';
import type { Messages } from '../../i18n/en';
import type { RunProgress } from '../../lib/run.svelte';

export function progressText(t: Messages, progress: RunProgress, request: DiagnoseRequest | null, lifetimeSec: number): string {
  const stage = t.nat.stage;
  const servers = request?.stun.join(', ') ?? '';
  const port = request?.sipPort;
  switch (progress.stage) {
    case 'ui/start':
    case 'stun/resolve':
      return stage.resolve(servers);
    case 'stun/bind':
      return port === undefined ? progress.message : stage.bind(port);
    case 'stun/request': {
      const first = request?.stun[0];
      return first === undefined || port === undefined ? progress.message : stage.request(first, port);
    }
    case 'nat/probes':
      return stage.probes;
    case 'nat/classify':
      return request?.lifetime ? stage.lifetime(lifetimeSec) : stage.classify;
    case 'done':
      return stage.done;
    default:
      return progress.message;
  }
}
