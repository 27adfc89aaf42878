// Exit status of every command (DESIGN.md, "Command line contract").
export const EXIT = {
  ok: 0,        // ready: every rule the PBX needs verified (caveats may be listed)
  failed: 1,    // action needed, blocked or incomplete: something is left to do
  usage: 2,     // bad usage or input
  network: 3,   // the network could not be used at all (no interface, port in use, DNS failure)
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface CommandResult {
  readonly code: ExitCode;
  readonly stdout?: string;
  readonly stderr?: string;
}

// The exit status of an error, from its code: what the user gave (a flag, a file, a name that is
// not a server) is bad input; anything else is the network or the machine refusing.
const USAGE_CODES = ['cli/', 'decode/', 'request/', 'ipc/', 'target/', 'report/', 'checklist/', 'checks/rerun-mismatch', 'export/unknown-format'];

export function exitCodeOf(code: string): ExitCode {
  return USAGE_CODES.some((prefix) => code.startsWith(prefix)) ? EXIT.usage : EXIT.network;
}
