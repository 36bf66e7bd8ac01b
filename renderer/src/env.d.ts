import type { ScholiaApi } from '../../electron/core/api.js';
import type { DesktopMessage, UiState } from '../../electron/shared/desktop-messages.js';
import type { CommandId } from '../../electron/shared/commands.js';

declare global {
  interface Window {
    /** Provided by the preload (desktop) or by http-client.ts (browser mode). */
    scholia: ScholiaApi;
    /** Present only in the desktop app (the preload): what browser mode cannot do. */
    scholiaDesktop?: {
      printToPdf(html: string, suggestedName: string): Promise<string | null>;
      pickFolder?(intent: 'open' | 'create'): Promise<string | null>;
      onCommand?(fn: (message: DesktopMessage) => void): () => void;
      onFlushRequest?(fn: () => Promise<void>): void;
      setUiState?(state: UiState): void;
      runCommand?(id: CommandId): void;
    };
  }
}
export {};
