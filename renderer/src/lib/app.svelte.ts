// The wizard's state objects, created once for the page's life: Back and Next switch views,
// never state, so nothing entered is lost on the way.
import type { TrunkcheckApi } from '../../../shared/ipc-contract';
import { detectLang, Locale } from '../i18n/locale.svelte';
import { ChecklistState } from '../steps/checklist/checklist.svelte';
import { ChecksState } from '../steps/checks/checks.svelte';
import { MonitorState } from '../steps/monitor/monitor.svelte';
import { NatState } from '../steps/nat/nat.svelte';
import { NetworkState } from '../steps/network/network.svelte';
import { PublicAddressState } from '../steps/public-address/public-address.svelte';
import { getApi } from './api';
import { SessionState } from './session.svelte';
import { Wizard } from './wizard.svelte';

export interface WizardApp {
  readonly locale: Locale;
  readonly wizard: Wizard;
  readonly network: NetworkState;
  readonly publicAddress: PublicAddressState;
  readonly nat: NatState;
  readonly checks: ChecksState;
  readonly monitor: MonitorState;
  readonly checklist: ChecklistState;
  readonly session: SessionState;
}

export function createWizardApp(
  api: TrunkcheckApi = getApi(),
  languages: readonly string[] = requestedLanguages(),
  storage: Storage | null = localStorageOrNull(),
): WizardApp {
  const locale = new Locale(detectLang(languages.length > 0 ? languages : [navigator.language]));
  const network = new NetworkState(api);
  const publicAddress = new PublicAddressState(api, network);
  const nat = new NatState(api, {
    get localIp() {
      return publicAddress.localIp;
    },
    get sipPort() {
      return publicAddress.sipPort;
    },
    get stun() {
      return publicAddress.stun;
    },
    get stunValid() {
      return publicAddress.stunValid;
    },
    get profileRequest() {
      return network.profileRequest;
    },
    get keepaliveSec() {
      return network.keepaliveSec;
    },
  });
  const checks = new ChecksState(api, nat);
  const monitor = new MonitorState(api, {
    get localIp() {
      return network.localIp;
    },
    get sipPort() {
      return network.sipPort;
    },
    get stun() {
      return publicAddress.stun;
    },
    get stunValid() {
      return publicAddress.stunValid;
    },
    get keepaliveSec() {
      return nat.keepaliveSec;
    },
  });
  const checklist = new ChecklistState(api, {
    get report() {
      return checks.report;
    },
    get lang() {
      return locale.lang;
    },
  });
  // The NAT test uses the same SIP port: leave only once the public-address check has finished.
  // The checklist is built from the checks' report, so that step needs one.
  const wizard = new Wizard({
    network: () => network.complete,
    'public-address': () => publicAddress.stunValid && publicAddress.status !== 'running',
    checks: () => checks.report !== null && checks.status !== 'running',
  });
  const session = new SessionState({ locale, wizard, network, publicAddress, nat, checks, checklist }, storage);
  return { locale, wizard, network, publicAddress, nat, checks, monitor, checklist, session };
}

// The languages to choose from, best first: the one in the address (`trunkcheck ui --lang de`
// opens /?lang=de), then the browser's.
function requestedLanguages(): string[] {
  const asked = new URLSearchParams(window.location.search).get('lang');
  return [...(asked === null ? [] : [asked]), ...navigator.languages];
}

// Reading `localStorage` itself throws where storage is forbidden.
function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
