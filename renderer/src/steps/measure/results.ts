// What the Measure step shows of each finished check, in the check list's order: one component
// per row, each reading the report itself. A new check adds its row here (the type says so).
import type { Component } from 'svelte';
import type { PbxProfile } from '../../../../shared/catalog/profiles';
import type { DiagnoseReport } from '../../../../shared/report';
import type { Messages } from '../../i18n/en';
import type { Locale } from '../../i18n/locale.svelte';
import type { RowId } from './check-rows';
import MediaPanel from './MediaPanel.svelte';
import NatResult from './NatResult.svelte';
import PublicAddressResult from './PublicAddressResult.svelte';
import QualityPanel from './QualityPanel.svelte';
import RegisterPanel from './RegisterPanel.svelte';
import SipPanel from './SipPanel.svelte';

export interface ResultProps {
  readonly t: Messages;
  readonly locale: Locale;
  readonly report: DiagnoseReport;
  readonly profile: PbxProfile;   // the PBX the report was made for
  readonly lifetimeSec: number;   // what the binding-lifetime test takes (for the advice to run it)
}

// `wide`: across the page (diagrams, tables), or only for some reports; the others share a row.
export const RESULTS: { readonly [R in RowId]: { readonly component: Component<ResultProps>; readonly wide: boolean | ((report: DiagnoseReport) => boolean) } } = {
  'public-address': { component: PublicAddressResult, wide: true },
  nat: { component: NatResult, wide: true },
  sip: { component: SipPanel, wide: false },
  register: { component: RegisterPanel, wide: false },
  media: { component: MediaPanel, wide: false },
  // With the expected call quality the line quality and the MOS gauge sit side by side.
  quality: { component: QualityPanel, wide: (report) => (report.quality?.mos?.length ?? 0) > 0 },
};
