// The exported documents' own words (the PDF and the Markdown checklist): headings, labels and
// the phrases around the measured values, one table per language (en/document.ts, de/document.ts;
// STYLE.md habit 11), so a key missing in one language is a type error. Sentences the domain
// already speaks as codes (the NAT type, its verdict, what it means and how to fix it) come from
// the message catalog (word()), not from here.
import type { FragmentStatus, Tristate } from '../path';
import type { NatBehaviour, RuleId, RuleStatus, Verdict } from '../report';
import type { MappingServiceName } from './messages/verdict';
import type { MosScale } from '../quality/codecs';
import type { MosGrade } from '../quality/emodel';

export interface DocumentText {
  readonly locale: string;                         // for dates: BCP 47
  readonly title: string;
  readonly subtitle: string;
  readonly generatedBy: string;                    // the footer's left side
  readonly page: (page: number, pages: number) => string;

  readonly siteLabel: string;
  readonly customerLabel: string;
  readonly technicianLabel: string;
  readonly dateLabel: string;
  readonly profileLabel: string;
  readonly verdictLabel: string;
  readonly notGiven: string;                       // an empty site field

  readonly networkTitle: string;
  readonly pbx: string;
  readonly router: string;
  readonly lanSide: string;
  readonly wanSide: string;
  readonly internet: string;
  readonly stunServer: string;
  readonly sipProvider: string;
  readonly publicAddress: string;
  readonly gateway: string;
  readonly sipPortLabel: string;
  readonly rtpPortsLabel: string;
  readonly notMeasured: string;
  readonly noSipProvider: string;
  readonly pbxIpv6: string;                        // the PBX's IPv6 address of a dual-stack site
  readonly ipv6Rules: (ip: string, rules: string) => string;
  readonly ipv6Translated: (local: string, mapped: string) => string;
  readonly ipv6VerdictLabel: string;               // the IPv6 path's own verdict, beside the PBX's IPv6 address

  readonly natTitle: string;
  readonly behaviours: Readonly<Record<NatBehaviour, string>>;
  readonly mapping: string;
  readonly filtering: string;
  readonly portPreserved: string;
  readonly hairpinning: string;
  readonly bindingLifetime: string;
  readonly seconds: (value: number) => string;
  readonly yes: string;
  readonly no: string;
  readonly unknown: string;
  readonly verdicts: Readonly<Record<Verdict, string>>;
  // A dual-stack checklist whose IPv6 path came out otherwise: the headline's sentence is the IPv4
  // path's (the headline verdict), the IPv6 path's verdict stands beside it, each with its rules.
  readonly verdictByPath: (explained: string, primaryRules: string, ipv6Verdict: string, ipv6Rules: string) => string;
  readonly verdictExplained: Readonly<Record<Verdict, string>>;
  // Page 1 after the verdict: what to do (or a ready line's caveats), then the facts.
  readonly whatToDoTitle: string;
  readonly caveatsTitle: string;
  readonly notesTitle: string;
  readonly factsTitle: string;
  readonly registrationTitle: string;       // the registration with the provider (issue 16)
  readonly rule: (number: number, name: string) => string;        // "Rule 4 · Inbound voice"
  readonly publicAddressFact: (address: string, portKept: boolean | null) => string;
  readonly secondNatLabel: string;
  readonly secondNat: (doubleNat: Tristate, carrierGrade: Tristate) => string;
  readonly routerLabel: string;
  readonly routerFact: (ip: string | null, externalIp: string | null, offered: readonly MappingServiceName[]) => string;
  readonly routerNotAsked: string;
  readonly fragmentsLabel: string;
  readonly fragmentsFact: (outbound: FragmentStatus, inbound: FragmentStatus) => string;


  readonly rulesTitle: string;
  readonly rulesIntro: string;
  readonly columns: {
    readonly number: string;
    readonly rule: string;
    readonly direction: string;
    readonly source: string;
    readonly destination: string;
    readonly protocol: string;
    readonly status: string;
    readonly evidence: string;
  };
  readonly ruleNames: Readonly<Record<RuleId, string>>;
  readonly rulePurposes: Readonly<Record<RuleId, string>>;
  readonly directions: Readonly<Record<'outbound' | 'inbound', string>>;
  readonly statuses: Readonly<Record<RuleStatus, string>>;
  readonly endpointLabels: Readonly<Record<string, string>>;  // the model's labels: "PBX", "STUN server", …
  readonly any: string;
  readonly portsLabel: string;
  readonly qosNote: (rules: readonly string[]) => string; // the voice rules' numbers: 3 and 4, with IPv6 also 7 and 8

  // The expected call quality (ITU-T G.107 E-model) per codec, beside the gauge.
  readonly callQualityTitle: string;
  readonly callQualityIntro: string;
  readonly callQualityBasis: (loss: string, jitter: string | null, rtt: string | null) => string;
  readonly mosGrades: Readonly<Record<MosGrade | 'unknown', string>>;
  readonly mosScales: Readonly<Record<MosScale, string>>;
  readonly mosValue: (mos: string) => string;
  readonly mosDetails: (r: string, delay: string, buffer: string) => string;
  readonly mosUnknown: string;
  readonly mosWideband: string;
  // The Markdown's table of the estimates: one row per codec.
  readonly mosColumns: {
    readonly codec: string;
    readonly mos: string;
    readonly grade: string;
    readonly r: string;
    readonly jitterBuffer: string;
    readonly mouthToEar: string;
  };


  readonly signOffTitle: string;
  readonly signOffStatement: string;
  readonly nameLabel: string;
  readonly signatureLabel: string;

  readonly appendixTitle: string;
  readonly appendixIntro: string;
}
