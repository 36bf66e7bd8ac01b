// What the popup asks the background for, and what it answers. All sending to
// the app goes through the background, one request at a time, so a queued clip
// is never delivered twice by the popup and the alarm at once.
import type { ClipExtras, ClipReply } from '../../electron/shared/clip-protocol.js';

export type PopupRequest =
  | { type: 'probe'; tabId: number }
  | { type: 'clip'; tabId: number; mode: 'page' | 'selection'; extras: ClipExtras; password?: string }
  | { type: 'deliver' }
  | { type: 'clear-queue' }
  | { type: 'status' };

export interface Probe {
  url: string;
  title: string;
  /** The selected words, when there are any. */
  selection: string | null;
  /** False for pages no extension may read (the browser's own pages, the web store). */
  clippable: boolean;
  /** The tab shows a PDF: it is saved as the PDF (its bytes), not as the viewer's page. */
  pdf?: boolean;
  /** A host permission the popup asks for when the user saves (a PDF the extension must fetch itself). */
  askFor?: string;
}

export type ClipOutcome =
  | { outcome: 'saved'; reply: ClipReply }
  | { outcome: 'queued'; reason: string; queued: number }
  | { outcome: 'error'; message: string; code?: string };

export interface Delivery {
  delivered: number;
  remaining: number;
  /** Why clips still wait, when they do. */
  reason?: string;
}

export type AppStatus =
  | { state: 'ready'; tags: string[]; mode: string }
  | { state: 'not-paired'; message: string }
  | { state: 'not-running' }
  | { state: 'error'; message: string };
