// The command line's own words in English (shared/text/cli.ts).
import type { CliText } from '../cli';

export const cliEn: CliText = {
  help: (version) => `TrunkCheck ${version}: gets a SIP trunk through the firewall and NAT router.

Usage:
  trunkcheck diagnose --stun HOST[:PORT] [--stun HOST[:PORT]] [--sip HOST[:PORT]] [--provider ID] [--profile swyxware|3cx|asterisk] [--local-ip IP] [--family 4|6|both] [--sip-port N]
                      [--rtp FROM-TO] [--rtp-full | --no-media] [--quality SEC] [--lifetime] [--site ID] [--json] [--out FILE]
                      [--profile custom --sip-port N --rtp FROM-TO --inbound-media return-path|any-source]   a PBX not in the catalog
                      [--register USER [--register-domain HOST] [--inbound-wait SEC]]   register with the provider as USER
                                       (password: the first line of standard input, or typed at a prompt without echo),
                                       wait up to SEC seconds (0-300, default 30) for the provider's own request, then un-register
                      [--rerun nat|sip|register|media|quality --from REPORT.json]   one check again, the rest kept from the report
                      [--lang en|de]
  trunkcheck monitor --stun HOST[:PORT] [--interval SEC] [--profile ID] [--sip-port N] [--local-ip IP] [--json] [--lang en|de]
                                       keep the SIP port's binding alive and log every change of the public address
  trunkcheck checklist --from REPORT.json --format pdf|md|json|windows|nftables|iptables|ip6tables|mikrotik|pfsense|lancom|fritzbox|fortigate
                      [-o FILE] [--lang en|de] [--site NAME] [--customer NAME] [--technician NAME] [--no-qos]
                      [--firewall NAME[,NAME]]   the firewall syntaxes for the appendix of a PDF or Markdown (default none)
  trunkcheck providers [--json] [--add PROVIDER.json]
                                       the SIP provider catalog (a source for every fact) and your own providers
  trunkcheck decode HEX [--json]       decode a STUN or SIP packet
  trunkcheck ui [--port N] [--stun HOST[:PORT]] [--lang en|de]
                                       serve the wizard on 127.0.0.1 for a browser (e.g. through an SSH tunnel);
                                       --lang sets the wizard's first language (else the browser's)
  trunkcheck --version

Exit status: 0 ready, 1 action needed, blocked or incomplete, 2 bad usage or input, 3 the network could not be used.
--lang en|de: the language of the output, for every command and anywhere on the line (default from LC_ALL,
LC_MESSAGES or LANG: de… is German, else English).
With --json, a refusal is {"error":{"code",…,"message"}} on stdout: the codes the wizard's requests get.
`,
  nothingMeasured: '; nothing was measured.',
  nothingMeasuredSite: '; nothing was measured (set TRUNKCHECK_HOME to a folder that can be written, or leave out --site).',
  reportFollows: (writtenTo) =>
    `${writtenTo === null ? 'The' : `It was written to ${writtenTo}, and the`} report follows on standard output as JSON: redirect it to a file to keep it.`,
  providerSaved: (id, name) => `Saved provider "${id}" (${name}).`,
  addedHere: '(added here)',
  uiServing: (url, port) =>
    `TrunkCheck wizard: ${url}\nOpen it in a browser on this machine (or through an SSH tunnel: ssh -L ${port}:127.0.0.1:${port} …). Press Ctrl+C to stop.`,
  passwordPrompt: (user) => `SIP password for ${user} (not shown): `,
  registerWarning: (aor) =>
    `Warning: TrunkCheck registers as ${aor} for this test. A PBX already registered on this account may lose its calls or share them with the test meanwhile; the test removes its registration at the end.`,
  registerNotAttempted: '; the registration was not attempted.',
  interrupted: (withdrawn) =>
    `The checks were cancelled before they finished, so nothing was saved${withdrawn ? '; the test registration was withdrawn (un-REGISTER with Expires: 0 sent)' : ''}.`,
};
