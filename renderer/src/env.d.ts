import type { ScholiaApi } from '../../electron/core/api.js';

declare global {
  interface Window {
    /** Provided by the preload (desktop) or by http-client.ts (browser mode). */
    scholia: ScholiaApi;
    /** Present only in the desktop app (the preload): what browser mode cannot do. */
    scholiaDesktop?: { printToPdf(html: string, suggestedName: string): Promise<string | null> };
  }
}
export {};
