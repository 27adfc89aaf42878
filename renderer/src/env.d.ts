/// <reference types="vite/client" />
import type { TrunkcheckApi } from '../../shared/ipc-contract';

declare global {
  interface Window {
    // Set by the Electron preload (electron/preload/index.ts); absent in browser mode.
    readonly trunkcheck?: TrunkcheckApi;
  }
}

export {};
