// A request the validators (shared/ipc.ts) or a handler refused, said on the command line: the
// same code as over IPC, the sentence led by the option that carried the value, and with --json
// the error as one JSON object on stdout, so a script reads the code instead of the words.
import type { ErrorData } from '../../shared/result';
import { exitCodeOf, type CommandResult, type ExitCode } from './exit';

// The request field behind each code, named as the option that sets it.
const OPTION_OF: Readonly<Record<string, string>> = {
  'request/stun-missing': 'stun',
  'request/stun-too-many': 'stun',
  'request/stun-server': 'stun',
  'request/sip-server': 'sip',
  'request/local-ip': 'local-ip',
  'request/sip-port': 'sip-port',
  'request/rtp-range': 'rtp',
  'request/quality-sec': 'quality',
  'request/interval-sec': 'interval',
  'request/unknown-profile': 'profile',
  'request/unknown-provider': 'provider',
  'request/rerun-check': 'rerun',
  'request/site-id': 'site',
};

export function refusal(error: ErrorData, json: boolean, exit: ExitCode = exitCodeOf(error.code)): CommandResult {
  const option = OPTION_OF[error.code];
  const message = option === undefined ? error.message : `--${option}: ${error.message}`;
  return { code: exit, stderr: message, ...(json ? { stdout: `${JSON.stringify({ error: { code: error.code, message } })}\n` } : {}) };
}

// Refusals of the command line itself (an unknown option, two options that contradict each
// other): no request was built, so they have a code of the CLI's own.
export function usage(message: string, json: boolean): CommandResult {
  return refusal({ code: 'cli/usage', message }, json);
}
