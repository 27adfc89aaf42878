// Progress of a running check, for the CLI's status line and the wizard's progress bar.
export type ProgressSink = (stage: string, message: string, fraction: number | null) => void;
