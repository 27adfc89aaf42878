// The `trunkcheck` command. Every command returns its exit code and text; only this file
// touches process.stdout/stderr and process.exit.
// Each command is loaded when it is used: `diagnose` should not pay for the PDF library.
import { EXIT, type CommandResult } from './exit';
import { APP_VERSION } from '../version';

const HELP = `TrunkCheck ${APP_VERSION}: gets a SIP trunk through the firewall and NAT router.

Usage:
  trunkcheck diagnose --stun HOST[:PORT] [--stun HOST[:PORT]] [--sip HOST[:PORT]] [--provider ID] [--profile swyxware|3cx|asterisk] [--local-ip IP] [--sip-port N]
                      [--rtp FROM-TO] [--rtp-full | --no-media] [--quality SEC] [--lifetime] [--site ID] [--json] [--out FILE]
                      [--rerun nat|sip|media|quality --from REPORT.json]   one check again, the rest kept from the report
                      [--lang en|de]
  trunkcheck monitor --stun HOST[:PORT] [--interval SEC] [--profile ID] [--sip-port N] [--local-ip IP] [--json] [--lang en|de]
                                       keep the SIP port's binding alive and log every change of the public address
  trunkcheck checklist --from REPORT.json --format pdf|md|json|windows|nftables|iptables|mikrotik|pfsense|lancom|fritzbox|fortigate
                      [-o FILE] [--lang en|de] [--site NAME] [--customer NAME] [--technician NAME] [--no-qos]
                      [--firewall NAME[,NAME]]   the firewall syntaxes for the appendix of a PDF or Markdown (default none)
  trunkcheck providers [--json] [--add PROVIDER.json]
                                       the SIP provider catalog (a source for every fact) and your own providers
  trunkcheck decode HEX [--json]       decode a STUN or SIP packet
  trunkcheck ui [--port N] [--stun HOST[:PORT]]
                                       serve the wizard on 127.0.0.1 for a browser (e.g. through an SSH tunnel)
  trunkcheck --version

Exit status: 0 ready, 1 a rule failed or a blocker, 2 bad usage or input, 3 the network could not be used.
--lang: the language of the output (default from LC_ALL, LC_MESSAGES or LANG: de… is German, else English).
With --json, a refusal is {"error":{"code","message"}} on stdout: the codes the wizard's requests get.
`;

async function run(argv: readonly string[]): Promise<CommandResult> {
  const [command, ...rest] = argv;
  const status = process.stderr.isTTY ? (line: string) => process.stderr.write(`\r\x1b[2K… ${line}`) : () => undefined;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return { code: command === undefined ? EXIT.usage : EXIT.ok, stdout: HELP };
    case '--version':
    case 'version':
      return { code: EXIT.ok, stdout: `${APP_VERSION}\n` };
    case 'decode': {
      const json = rest.includes('--json');
      const others = rest.filter((arg) => arg !== '--json');
      const unknown = others.find((arg) => arg.startsWith('--'));
      if (unknown) return { code: EXIT.usage, stderr: `Unknown option ${unknown.slice(0, 40)} for decode: see trunkcheck --help.` };
      if (others.length === 0) return { code: EXIT.usage, stderr: 'Give the packet as hexadecimal: trunkcheck decode 0001002c2112a442….' };
      return (await import('./decode')).decodeCommand(others.join(''), json);
    }
    case 'diagnose': {
      const result = await (await import('./diagnose-command')).diagnoseCommand(rest, status);
      if (process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
      return result;
    }
    case 'ui':
      return (await import('./ui-command')).uiCommand(rest);
    case 'checklist':
      return (await import('./checklist-command')).checklistCommand(rest, (bytes) => process.stdout.write(bytes));
    case 'providers':
      return (await import('./providers-command')).providersCommand(rest);
    case 'monitor': {
      const interrupted = new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      return (await import('./monitor-command')).monitorCommand(rest, (line) => process.stdout.write(`${line}\n`), interrupted);
    }
    default:
      return { code: EXIT.usage, stderr: `Unknown command "${command.slice(0, 40)}": see trunkcheck --help.` };
  }
}

function finish(result: CommandResult): void {
  if (result.stdout) process.stdout.write(result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`);
  if (result.stderr) process.stderr.write(`trunkcheck: ${result.stderr}\n`);
  process.exitCode = result.code;
}

run(process.argv.slice(2)).then(finish, (error: unknown) => {
  process.stderr.write(`trunkcheck: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exitCode = 70;
});
