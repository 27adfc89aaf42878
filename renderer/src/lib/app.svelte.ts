// The wizard's state objects, created once for the page's life: Back and Next switch views,
// never state, so nothing entered is lost on the way.
import { defaultProfile, findProfile } from '../../../shared/catalog/profiles';
import type { TrunkcheckApi } from '../../../shared/ipc-contract';
import { detectLang, Locale } from '../i18n/locale.svelte';
import { ChecklistState } from '../steps/checklist/checklist.svelte';
import { MeasureState } from '../steps/measure/measure.svelte';
import { MonitorState } from '../steps/monitor/monitor.svelte';
import { NetworkState } from '../steps/network/network.svelte';
import { ProviderState } from '../steps/provider/provider.svelte';
import { SitesState } from '../steps/welcome/sites.svelte';
import { getApi } from './api';
import { SessionState } from './session.svelte';
import { Wizard } from './wizard.svelte';

export interface WizardApp {
  readonly locale: Locale;
  readonly wizard: Wizard;
  readonly network: NetworkState;
  readonly provider: ProviderState;
  readonly measure: MeasureState;
  readonly monitor: MonitorState;
  readonly checklist: ChecklistState;
  readonly sites: SitesState;
  readonly session: SessionState;
}

export function createWizardApp(
  api: TrunkcheckApi = getApi(),
  languages: readonly string[] = requestedLanguages(),
  storage: Storage | null = localStorageOrNull(),
): WizardApp {
  const locale = new Locale(detectLang(languages.length > 0 ? languages : [navigator.language]));
  const network = new NetworkState(api);
  // The ports a bare host gets are the chosen PBX profile's, as the main process reads the request.
  const profile = () => {
    const { profileId } = network.profileRequest;
    return (profileId === undefined ? undefined : findProfile(profileId)) ?? defaultProfile();
  };
  const provider = new ProviderState(api, {
    get info() {
      return network.info;
    },
    get defaultStunPort() {
      return profile().defaultStunPort;
    },
    get defaultSipPort() {
      return profile().defaultProviderSipPort;
    },
  });
  const measure = new MeasureState(api, {
    get localIp() {
      return network.localIp;
    },
    get sipPort() {
      return network.sipPort;
    },
    get profileRequest() {
      return network.profileRequest;
    },
    get keepaliveSec() {
      return network.keepaliveSec;
    },
    get stun() {
      return provider.stun;
    },
    get second() {
      return provider.secondStun;
    },
    get sip() {
      return provider.sip;
    },
    get serversValid() {
      return provider.complete;
    },
    get providerId() {
      return provider.providerId;
    },
    get register() {
      return provider.register;
    },
  });
  const monitor = new MonitorState(api, {
    get localIp() {
      return network.localIp;
    },
    get sipPort() {
      return network.sipPort;
    },
    get stun() {
      return provider.stun;
    },
    get stunValid() {
      return provider.stunValid;
    },
    get keepaliveSec() {
      return measure.keepaliveSec;
    },
  });
  const checklist = new ChecklistState(api, {
    get report() {
      return measure.report;
    },
    get lang() {
      return locale.lang;
    },
  });
  // Measuring needs the address and the servers; the checklist is built from the run's report.
  const wizard = new Wizard({
    network: () => network.complete,
    provider: () => provider.complete,
    measure: () => measure.report !== null && !measure.running,
  });
  const sites = new SitesState(api);
  const session = new SessionState({ locale, wizard, network, provider, measure, checklist }, storage);
  return { locale, wizard, network, provider, measure, monitor, checklist, sites, session };
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
