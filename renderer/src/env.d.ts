import type { ScholiaApi } from '../../electron/core/api.js';

declare global {
  interface Window {
    /** Provided by the preload (desktop) or by http-client.ts (browser mode). */
    scholia: ScholiaApi;
  }
}
export {};
