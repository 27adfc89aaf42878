// A second, independent SIP implementation for the tests: SIPp (Debian package sip-tester) as a
// UAS that answers OPTIONS with 200 OK and echoes the request's Via exactly as it came, adding
// neither `received` (RFC 3261 §18.2.1) nor `rport` (RFC 3581 §4), as some SBCs and test servers
// do. Its answer goes to the packet's source, so it reaches a PBX behind NAT all the same.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForSipOptions } from './kamailio.js';
import { runProcess, startProcess } from './processes.js';

export const SIPP = '/usr/bin/sipp';

// [last_Via:] and the others repeat the request's header lines unchanged (SIPp's keyword).
export const ECHO_VIA_SCENARIO = `<?xml version="1.0" encoding="ISO-8859-1" ?>
<!DOCTYPE scenario SYSTEM "sipp.dtd">
<scenario name="OPTIONS answered with the Via echoed">
  <recv request="OPTIONS" crlf="true"/>
  <send>
    <![CDATA[

      SIP/2.0 200 OK
      [last_Via:]
      [last_From:]
      [last_To:];tag=[pid]echo[call_number]
      [last_Call-ID:]
      [last_CSeq:]
      Contact: <sip:[local_ip]:[local_port]>
      Server: SIPp echo (TrunkCheck test)
      Content-Length: 0

    ]]>
  </send>
</scenario>
`;

export interface Sipp {
  readonly address: string;
  readonly port: number;
  output(): string;
  stop(): Promise<void>;
}

export async function canRunSipp(): Promise<{ ok: true } | { ok: false; reason: string }> {
  const help = await runProcess(SIPP, ['-v'], { timeoutMs: 5000 });
  // `sipp -v` prints its version and exits with 99.
  if (!/SIPp v\d/.test(`${help.stdout}${help.stderr}`)) return { ok: false, reason: `SIPp is not installed at ${SIPP} (Debian package sip-tester)` };
  return { ok: true };
}

export async function startSippEcho(options: { address: string; port: number; netns?: string; readyTimeoutMs?: number }): Promise<Sipp> {
  const dir = mkdtempSync(join(tmpdir(), 'trunkcheck-sipp-'));
  const scenario = join(dir, 'echo-via.xml');
  writeFileSync(scenario, ECHO_VIA_SCENARIO);
  // -nostdin: no keyboard; without -m it answers any number of OPTIONS (each is one call).
  const started = startProcess(SIPP, ['-sf', scenario, '-i', options.address, '-p', String(options.port), '-nostdin', '-trace_err', '-error_file', join(dir, 'errors.log')], options.netns);
  const stop = async (): Promise<void> => {
    await started.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  const exited = new Promise<false>((resolve) => started.process.once('exit', () => resolve(false)));
  const ready = await Promise.race([waitForSipOptions(options.address, options.port, options.readyTimeoutMs ?? 5000, options.netns), exited]);
  if (!ready) {
    const output = started.output();
    await stop();
    throw new Error(`SIPp did not answer OPTIONS on ${options.address}:${options.port}:\n${output.slice(-2000)}`);
  }
  return { address: options.address, port: options.port, output: started.output, stop };
}
