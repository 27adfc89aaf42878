// Progress of a running check, for the CLI's status line and the wizard's progress bar: the
// stage as a code with its values (shared/text/messages/progress.ts), worded where it is shown.
import type { ProgressMessage } from '../../shared/text/messages/progress';

export type ProgressSink = (message: ProgressMessage, fraction: number | null) => void;
