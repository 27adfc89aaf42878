// Sites over time, on the Welcome step: the sites of the history with their last verdict, one
// site's runs, and what changed between two of them (shared/history/compare.ts in the main
// process, as `trunkcheck` compares).
import type { ReportChange } from '../../../../shared/history/compare';
import type { HistoryEntryData, SiteSummaryData, TrunkcheckApi } from '../../../../shared/ipc-contract';
import type { ErrorData } from '../../../../shared/result';

export type SitesStatus = 'idle' | 'loading' | 'ready' | 'error';

export class SitesState {
  #api: TrunkcheckApi;
  #status = $state<SitesStatus>('idle');
  #error = $state<ErrorData | null>(null);
  #sites = $state.raw<readonly SiteSummaryData[]>([]);
  #problems = $state.raw<readonly ErrorData[]>([]);
  #open = $state<string | null>(null);            // the site whose history is shown
  #runs = $state.raw<readonly HistoryEntryData[]>([]);
  #older = $state<string | null>(null);
  #newer = $state<string | null>(null);
  #changes = $state.raw<readonly ReportChange[] | null>(null);
  #compareError = $state<ErrorData | null>(null);
  #comparing = $state(false);
  // Only the newest request's answer counts (the person may pick again meanwhile).
  #asked = 0;

  constructor(api: TrunkcheckApi) {
    this.#api = api;
  }

  get status(): SitesStatus {
    return this.#status;
  }

  get error(): ErrorData | null {
    return this.#error;
  }

  get sites(): readonly SiteSummaryData[] {
    return this.#sites;
  }

  // Files of the history that were damaged or from a newer TrunkCheck: said, never hidden.
  get problems(): readonly ErrorData[] {
    return this.#problems;
  }

  get open(): string | null {
    return this.#open;
  }

  get openSite(): SiteSummaryData | null {
    return this.#sites.find((site) => site.siteId === this.#open) ?? null;
  }

  // The open site's reports, newest first.
  get runs(): readonly HistoryEntryData[] {
    return this.#runs;
  }

  get older(): string | null {
    return this.#older;
  }

  get newer(): string | null {
    return this.#newer;
  }

  get changes(): readonly ReportChange[] | null {
    return this.#changes;
  }

  get compareError(): ErrorData | null {
    return this.#compareError;
  }

  get comparing(): boolean {
    return this.#comparing;
  }

  async load(): Promise<void> {
    if (this.#status === 'loading') return;
    this.#status = 'loading';
    const result = await this.#api.listSites();
    if (!result.ok) {
      this.#error = result.error;
      this.#status = 'error';
      return;
    }
    this.#sites = result.value.sites;
    this.#problems = result.value.problems;
    this.#error = null;
    this.#status = 'ready';
  }

  // A site's runs, with the two newest compared; the same site again closes it.
  async toggle(siteId: string): Promise<void> {
    if (this.#open === siteId) {
      this.#open = null;
      return;
    }
    this.#open = siteId;
    this.#runs = [];
    this.#changes = null;
    this.#compareError = null;
    const listed = await this.#api.listHistory({ siteId });
    if (this.#open !== siteId) return;
    if (!listed.ok) {
      this.#compareError = listed.error;
      return;
    }
    this.#runs = listed.value.entries.filter((entry) => entry.kind === 'report');
    this.#newer = this.#runs[0]?.file ?? null;
    this.#older = this.#runs[1]?.file ?? null;
    await this.compare();
  }

  // Which two runs to compare: any two, the older one first whichever way they were picked.
  pick(which: 'older' | 'newer', file: string): void {
    if (which === 'older') this.#older = file;
    else this.#newer = file;
    void this.compare();
  }

  async compare(): Promise<void> {
    const [older, newer] = this.#ordered();
    this.#compareError = null;
    if (older === null || newer === null || older === newer) {
      this.#changes = null;
      return;
    }
    const asked = ++this.#asked;
    this.#comparing = true;
    const result = await this.#api.compareHistory({ older, newer });
    if (asked !== this.#asked) return;
    this.#comparing = false;
    if (result.ok) this.#changes = result.value.changes;
    else {
      this.#changes = null;
      this.#compareError = result.error;
    }
  }

  #ordered(): [string | null, string | null] {
    const time = (file: string | null): string => this.#runs.find((entry) => entry.file === file)?.time ?? '';
    return time(this.#older) <= time(this.#newer) ? [this.#older, this.#newer] : [this.#newer, this.#older];
  }
}
