// The checks' progress line in the reader's language: the SIP, media and quality stages are
// worded here; the NAT stages as on the NAT step; an unknown stage keeps the main process's words.
import type { DiagnoseRequest } from '../../../../shared/ipc';
import type { Messages } from '../../i18n/en';
import { progressText as natProgressText } from '../nat/progress-text';
import type { RunProgress } from '../../lib/run.svelte';

export function progressText(t: Messages, progress: RunProgress, request: DiagnoseRequest | null, lifetimeSec: number): string {
  const stage = t.checks.stage;
  const sip = request?.sip ?? '';
  switch (progress.stage) {
    case 'sip/resolve':
      return stage.sipResolve(sip);
    case 'sip/options':
      return stage.sipOptions(sip);
    case 'media/scan':
      return stage.mediaScan;
    case 'media/ports':
      return stage.mediaPorts;
    case 'quality':
      return stage.quality(request?.qualitySec ?? 0);
    case 'nat/lifetime':
      return stage.lifetime;
    default:
      return natProgressText(t, progress, request, lifetimeSec);
  }
}
