// The wizard's state objects, created once for the page's life: Back and Next switch views,
// never state, so nothing entered is lost on the way.
import type { TrunkcheckApi } from '../../../shared/ipc';
import { detectLang, Locale } from '../i18n/locale.svelte';
import { NatState } from '../steps/nat/nat.svelte';
import { NetworkState } from '../steps/network/network.svelte';
import { PublicAddressState } from '../steps/public-address/public-address.svelte';
import { getApi } from './api';
import { Wizard } from './wizard.svelte';

export interface WizardApp {
  readonly locale: Locale;
  readonly wizard: Wizard;
  readonly network: NetworkState;
  readonly publicAddress: PublicAddressState;
  readonly nat: NatState;
}

export function createWizardApp(api: TrunkcheckApi = getApi(), languages: readonly string[] = navigator.languages): WizardApp {
  const locale = new Locale(detectLang(languages.length > 0 ? languages : [navigator.language]));
  const network = new NetworkState(api);
  const publicAddress = new PublicAddressState(api, network);
  const nat = new NatState(api, publicAddress);
  // The NAT test uses the same SIP port: leave only once the public-address check has finished.
  const wizard = new Wizard({ network: () => network.complete, 'public-address': () => publicAddress.stunValid && publicAddress.status !== 'running' });
  return { locale, wizard, network, publicAddress, nat };
}
