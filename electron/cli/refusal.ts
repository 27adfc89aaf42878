// A request the validators (shared/ipc.ts), a handler or the command line itself (cli/…) refused,
// said on the command line: the same code as over IPC, the sentence in the command's language led
// by the option that carried the value, and with --json the error as one JSON object on stdout (its
// code and values, and the sentence), so a script reads the code instead of the words.
import type { ErrorData } from '../../shared/result';
import type { Language } from '../../shared/text';
import { errorLine } from './error-line';
import { exitCodeOf, type CommandResult, type ExitCode } from './exit';

// The request field behind each code, named as the option that sets it.
const OPTION_OF: Readonly<Record<string, string>> = {
  'request/stun-missing': 'stun',
  'request/stun-too-many': 'stun',
  'request/stun-server': 'stun',
  'request/sip-server': 'sip',
  'request/local-ip': 'local-ip',
  'request/family': 'family',
  'request/no-ipv6-address': 'family',
  'request/sip-port': 'sip-port',
  'request/rtp-range': 'rtp',
  'request/quality-sec': 'quality',
  'request/interval-sec': 'interval',
  'request/unknown-profile': 'profile',
  'request/unknown-provider': 'provider',
  'request/rerun-check': 'rerun',
  'request/site-id': 'site',
  'request/register-user': 'register',
  'request/register-needs-sip': 'register',
  'request/register-domain': 'register-domain',
  'request/register-wait': 'inbound-wait',
  'request/rerun-register-credentials': 'register',
};

// `then` continues the sentence where the command adds what follows from it ("nothing was measured").
export function refusal(error: ErrorData, json: boolean, language: Language, exit: ExitCode = exitCodeOf(error.code), then = ''): CommandResult {
  const option = OPTION_OF[error.code];
  const sentence = then === '' ? errorLine(error, language) : `${errorLine(error, language).replace(/\.$/, '')}${then}`;
  const message = option === undefined ? sentence : `--${option}: ${sentence}`;
  return { code: exit, stderr: message, ...(json ? { stdout: `${JSON.stringify({ error: { ...error, message } })}\n` } : {}) };
}
