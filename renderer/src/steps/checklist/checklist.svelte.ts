// The checklist step's state: the site's details, the checklist built from the last report in
// the UI's language (with the firewall texts), the customer's firewall (chosen once, kept with
// the session), the history of the site, and the exports.
import type { ReportChange } from '../../../../shared/history/compare';
import type { Checklist } from '../../../../shared/checklist/model';
import type { ChecklistBuilt, ExportedFileData, HistoryEntryData, TrunkcheckApi } from '../../../../shared/ipc-contract';
import type { DiagnoseReport } from '../../../../shared/report';
import type { Ipv6Section } from '../../../../shared/report-ipv6';
import type { ErrorData } from '../../../../shared/result';

export type BuildStatus = 'idle' | 'building' | 'done' | 'error';
export type ExportFormat = 'pdf' | 'md' | 'json';

const FALLBACK_SITE_ID = 'site';
const MAX_SITE_ID = 60; // shared/ipc.ts: /^[a-z0-9][a-z0-9-]{0,59}$/

// "Büro Köln / 2. OG" → "buro-koln-2-og": what the history store accepts as a site id.
export function siteIdOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SITE_ID)
    .replace(/^-+|-+$/g, '');
  return slug === '' ? FALLBACK_SITE_ID : slug;
}

export interface ChecklistSource {
  readonly report: DiagnoseReport | null;
  readonly lang: 'en' | 'de';
}

interface Built {
  readonly key: string;
  readonly value: ChecklistBuilt;
}

export interface SiteInputs {
  readonly name: string;
  readonly customer: string;
  readonly technician: string;
  readonly firewall: string | null;   // the customer's firewall (an export format id); null: not chosen
}

type FirewallText = ChecklistBuilt['firewall'][number];

export class ChecklistState {
  #api: TrunkcheckApi;
  #source: ChecklistSource;
  #name = $state('');
  #customer = $state('');
  #technician = $state('');
  #status = $state<BuildStatus>('idle');
  #built = $state.raw<Built | null>(null);
  #error = $state<ErrorData | null>(null);
  #firewall = $state<string | null>(null);
  #busy = $state<'save' | ExportFormat | null>(null);
  #entries = $state.raw<readonly HistoryEntryData[] | null>(null);
  #changes = $state.raw<readonly ReportChange[]>([]);
  #exported = $state<string | null>(null);
  #notice = $state<'saved' | 'exported' | null>(null);
  #actionError = $state<ErrorData | null>(null);

  #siteId = $derived(siteIdOf(this.#name));
  // What a checklist is built from: a new report, other site details or language mean a new one.
  #key = $derived.by(() => {
    const report = this.#source.report;
    if (report === null) return null;
    return JSON.stringify([report.startedAt, this.#source.lang, this.#name.trim(), this.#customer.trim(), this.#technician.trim()]);
  });

  constructor(api: TrunkcheckApi, source: ChecklistSource) {
    this.#api = api;
    this.#source = source;
  }

  get name(): string {
    return this.#name;
  }

  set name(text: string) {
    this.#name = text;
  }

  get customer(): string {
    return this.#customer;
  }

  set customer(text: string) {
    this.#customer = text;
  }

  get technician(): string {
    return this.#technician;
  }

  set technician(text: string) {
    this.#technician = text;
  }

  inputs(): SiteInputs {
    return { name: this.#name, customer: this.#customer, technician: this.#technician, firewall: this.#firewall };
  }

  restore(inputs: SiteInputs): void {
    this.#name = inputs.name;
    this.#customer = inputs.customer;
    this.#technician = inputs.technician;
    this.#firewall = inputs.firewall;
  }

  get siteId(): string {
    return this.#siteId;
  }

  // The IPv6 path of a dual-stack PBX, as the report measured it (its verdict and findings; its
  // rules are the checklist's IPv6 rules); null when the PBX has no global IPv6 address.
  get ipv6(): Ipv6Section | null {
    const section = this.#source.report?.ipv6 ?? null;
    return section?.address ? section : null;
  }

  get hasReport(): boolean {
    return this.#source.report !== null;
  }

  get key(): string | null {
    return this.#key;
  }

  get status(): BuildStatus {
    return this.#status;
  }

  get checklist(): Checklist | null {
    return this.#built?.value.checklist ?? null;
  }

  get firewall(): ChecklistBuilt['firewall'] {
    return this.#built?.value.firewall ?? [];
  }

  get error(): ErrorData | null {
    return this.#error;
  }

  get firewallId(): string | null {
    return this.#firewall;
  }

  set firewallId(id: string | null) {
    this.#firewall = id === '' ? null : id;
  }

  // The firewall texts are worded where they are built (the main process): after the language
  // changed they are the other language's until the checklist is built again.
  get firewallInLanguage(): boolean {
    return this.#built?.value.checklist.language === this.#source.lang;
  }

  // The chosen firewall's rules, ready to paste; null until one is chosen, and while its text is
  // still in the language before the switch (never an English pane on a German page).
  get chosenFirewall(): FirewallText | null {
    if (!this.firewallInLanguage) return null;
    return this.firewall.find((entry) => entry.id === this.#firewall) ?? null;
  }

  get busy(): 'save' | ExportFormat | null {
    return this.#busy;
  }

  get entries(): readonly HistoryEntryData[] | null {
    return this.#entries;
  }

  get reportCount(): number {
    return this.#entries?.filter((entry) => entry.kind === 'report').length ?? 0;
  }

  get changes(): readonly ReportChange[] {
    return this.#changes;
  }

  get exported(): string | null {
    return this.#exported;
  }

  // What the last action did, said next to the buttons.
  get notice(): 'saved' | 'exported' | null {
    return this.#notice;
  }

  get actionError(): ErrorData | null {
    return this.#actionError;
  }

  get canSave(): boolean {
    return this.#name.trim() !== '' && this.#busy === null && this.#status !== 'error';
  }

  // Builds the checklist for the inputs as they are now, unless it already exists.
  async build(): Promise<ChecklistBuilt | null> {
    const key = this.#key;
    const report = this.#source.report;
    if (key === null || report === null) return null;
    if (this.#built?.key === key) return this.#built.value;
    this.#status = 'building';
    const site = { name: this.#name.trim(), customer: this.#customer.trim(), technician: this.#technician.trim() };
    const result = await this.#api.buildChecklist({ report, site, language: this.#source.lang });
    // Inputs changed while building: the newer call wins.
    if (key !== this.#key) return this.#built?.key === this.#key ? this.#built.value : null;
    if (!result.ok) {
      this.#error = result.error;
      this.#status = 'error';
      return null;
    }
    this.#error = null;
    this.#built = { key, value: result.value };
    this.#status = 'done';
    return result.value;
  }

  async save(): Promise<void> {
    const report = this.#source.report;
    if (!this.canSave || report === null) return;
    this.#busy = 'save';
    this.#actionError = null;
    const built = await this.build();
    const saved = await this.#api.saveToHistory({ siteId: this.#siteId, report, ...(built ? { checklist: built.checklist } : {}) });
    if (saved.ok) {
      const listed = await this.#api.listHistory({ siteId: this.#siteId });
      this.#entries = listed.ok ? listed.value.entries : saved.value;
      this.#changes = listed.ok ? listed.value.changes : [];
      this.#notice = 'saved';
    } else {
      this.#actionError = saved.error;
    }
    this.#busy = null;
  }

  // Resolves to the exported file; the component hands it to the browser as a download.
  async export(format: ExportFormat): Promise<ExportedFileData | null> {
    if (this.#busy !== null) return null;
    this.#busy = format;
    this.#actionError = null;
    const built = await this.build();
    // The customer's firewall, chosen once: its syntax is the PDF's and the Markdown's only appendix.
    const firewall = this.firewallId;
    const appendix = (format === 'pdf' || format === 'md') && firewall !== null ? { firewalls: [firewall] } : {};
    const result = built ? await this.#api.exportChecklist({ checklist: built.checklist, format, ...appendix }) : null;
    this.#busy = null;
    if (result === null) return null;
    if (!result.ok) {
      this.#actionError = result.error;
      return null;
    }
    this.#exported = result.value.fileName;
    this.#notice = 'exported';
    return result.value;
  }
}
