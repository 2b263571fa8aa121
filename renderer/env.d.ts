/** The one bridge to the core: provided by the Electron preload, or the e2e harness. */
import type { SanadApi } from '../src/api/contract.ts';

declare global {
  interface Window {
    sanad: SanadApi;
  }
}
export {};
