// What the desktop main process and the renderer say to each other outside the
// contract (menu commands, links and files from the OS, closing). Types only:
// the preload, main and the renderer all read them.
import type { CommandId } from './commands.js';
import type { ImportResult } from '../core/api.js';

export type DesktopMessage =
  | { type: 'command'; id: CommandId }
  | { type: 'open-link'; kind: 'passage' | 'article'; id: string }
  | { type: 'imported'; results: ImportResult[] }
  | { type: 'notice'; kind: 'info' | 'error'; text: string };

export interface FlushReply {
  nonce: number;
  /** true: saved; false: failed with error; 'unknown': the page has no flush handler. */
  ok: boolean | 'unknown';
  error?: string;
}

export interface UiState {
  article: boolean;
  selection: boolean;
  panes?: Record<string, boolean>;
}
