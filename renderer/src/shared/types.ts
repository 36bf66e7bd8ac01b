// Types the renderer's features share, in one module so no feature imports
// another's component file for a type (that was the app <-> reader import cycle).
import type { ImportResult } from '../../../electron/core/api.js';

/** What the reader should bring into view and flash; a new nonce re-triggers the same target. */
export interface ReaderFocus {
  passageId?: string;
  /** A text offset to bring into view (a search match). */
  offset?: number;
  /** The words a search matched, marked in the reader while `articleId` is the article shown. */
  terms?: string[];
  articleId?: string;
  /** PDF articles: the page of `offset` (1-based), where the page view goes. */
  page?: number;
  nonce: number;
}

export interface Toast {
  id: number;
  /** info and success are polite status messages; error is an alert. */
  kind: 'info' | 'success' | 'error';
  text: string;
  /** A button in the toast (Undo), which also keeps it up longer. */
  action?: { label: string; run(): void };
}

/** Progress of one batch of files being imported. */
export interface ImportJob {
  total: number;
  done: number;
  imported: number;
  duplicate: number;
  failed: number;
  results: ImportResult[];
  finished: boolean;
  cancelled?: boolean;
}

/** The app-level modal dialogs (one open at a time). */
export type DialogName = 'paste' | 'export' | 'library' | 'to-fetch';

/** Two articles shown side by side. */
export interface ComparePair {
  aId: string;
  bId: string;
}

/**
 * What the notes pane does for the rest of the app, called synchronously (a cited passage must be in the
 * editor, with the focus, before the user's next key press).
 */
export interface NotesPort {
  open(noteId: string): void;
  /** Insert Markdown at the cursor of the open note (creating a note on `articleId` when none is open). */
  insert(markdown: string, articleId: string | null): void;
}
