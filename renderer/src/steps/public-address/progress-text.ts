// The check's progress line in the reader's language: known stages are worded here with the
// values the user entered; an unknown stage shows the main process's own (English) words.
import type { PublicAddressRequest } from '../../../../shared/ipc';
import type { Messages } from '../../i18n/en';
import type { RunProgress } from '../../lib/run.svelte';

export function progressText(t: Messages, progress: RunProgress, request: PublicAddressRequest | null): string {
  const stage = t.publicAddress.stage;
  const stun = request?.stun ?? '';
  switch (progress.stage) {
    case 'ui/start':
    case 'stun/resolve':
      return stage.resolve(stun);
    case 'stun/bind':
      return request?.sipPort === undefined ? progress.message : stage.bind(request.sipPort);
    case 'stun/request':
      return stage.request(stun);
    case 'stun/done':
      return stage.done;
    default:
      return progress.message;
  }
}
