// The rows of the Measure step's check list, as data: which checks one run holds, in the order the
// main process runs them (shared/checks.ts CHECK_IDS, after the public address every run asks
// first), whether a request runs a check at all, and how a finished one came out. A check added
// to CHECK_IDS (router questions, fragments, IPv6) is a type error here and in the catalogs'
// `measure.check` names until it has its row.
import { CHECK_IDS, checkOfStage, type CheckId } from '../../../../shared/checks';
import type { DiagnoseRequest } from '../../../../shared/ipc-contract';
import type { DiagnoseReport, RuleId } from '../../../../shared/report';

export const PUBLIC_ADDRESS = 'public-address';
export const ROW_IDS = [PUBLIC_ADDRESS, ...CHECK_IDS] as const;
export type RowId = (typeof ROW_IDS)[number];

export type CheckRowState = 'off' | 'waiting' | 'running' | 'cancelling' | 'done' | 'cancelled';
export type CheckOutcome = 'ok' | 'problem' | 'unverified';

export interface CheckRow {
  readonly id: RowId;
  readonly state: CheckRowState;
  readonly outcome: CheckOutcome | null; // for a finished check
  readonly stale: boolean;                // measured with other settings for this check than now entered
  readonly canCancel: boolean;
  readonly canRerun: boolean;
}

interface CheckKind {
  // Does the request run this check (the NAT test always runs)?
  readonly runs: (request: DiagnoseRequest) => boolean;
  readonly outcome: (report: DiagnoseReport) => CheckOutcome;
}

// The rules a check proves: failed if one failed, passed when all were verified.
function rulesOutcome(ids: readonly RuleId[]): (report: DiagnoseReport) => CheckOutcome {
  return (report) => {
    const rules = report.rules.filter((rule) => ids.includes(rule.id));
    if (rules.some((rule) => rule.status === 'failed')) return 'problem';
    return rules.length > 0 && rules.every((rule) => rule.status === 'verified') ? 'ok' : 'unverified';
  };
}

export const CHECK_KINDS: { readonly [C in CheckId]: CheckKind } = {
  nat: {
    runs: () => true,
    outcome: (report) => (report.nat.supported === true ? 'ok' : report.nat.supported === false ? 'problem' : 'unverified'),
  },
  sip: { runs: (request) => request.sip !== undefined, outcome: rulesOutcome(['outbound-signalling', 'inbound-signalling']) },
  // Registered is ok (with or without the provider's ping, which is a caveat); what the person can
  // act on (credentials, account, no answer) is a problem; a digest we cannot answer, unverified.
  register: {
    runs: (request) => request.register !== undefined && request.sip !== undefined,
    outcome: (report) => {
      const outcome = report.sip?.register?.outcome;
      if (outcome === 'registered') return 'ok';
      return outcome === 'wrong-credentials' || outcome === 'refused' || outcome === 'no-answer' ? 'problem' : 'unverified';
    },
  },
  media: { runs: (request) => request.media !== 'off', outcome: rulesOutcome(['outbound-media', 'inbound-media']) },
  quality: {
    runs: (request) => request.qualitySec !== undefined,
    outcome: (report) => {
      const overall = report.quality?.verdict.overall;
      return overall === 'pass' ? 'ok' : overall === 'fail' ? 'problem' : 'unverified';
    },
  },
};

// The public address: every run asks it first; without it nothing else can be measured.
export function publicAddressOutcome(report: DiagnoseReport): CheckOutcome {
  const check = report.checks.publicAddress;
  if (!check.ok || check.binding === null) return 'problem';
  // A router that rewrites addresses inside packets (MAPPED ≠ XOR-MAPPED) breaks SIP the same way.
  const plain = check.binding.plainMapped;
  return plain !== null && (plain.ip !== check.binding.mapped.ip || plain.port !== check.binding.mapped.port) ? 'problem' : 'ok';
}

// Where a run stands for one row, from the stage the main process last reported: the check the
// stage names runs, those before it are done, those after it wait. Stages before any check's
// (stun/*) are the public address's.
export function runningState(id: RowId, stage: string, only: CheckId | null): CheckRowState {
  const current = checkOfStage(stage);
  if (id === PUBLIC_ADDRESS) return current === null && stage !== 'diagnose/done' ? 'running' : 'done';
  if (only === id) return current === id ? 'running' : 'waiting';
  if (stage === 'diagnose/done') return 'done';
  if (current === null) return 'waiting';
  const order = CHECK_IDS.indexOf(id) - CHECK_IDS.indexOf(current);
  return order < 0 ? 'done' : order === 0 ? 'running' : 'waiting';
}
