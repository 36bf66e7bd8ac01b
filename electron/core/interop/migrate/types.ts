// What every migration reader makes of an export: the same few facts whichever
// app wrote it, so one step (apply.ts) carries them into the library.
import { ImportError } from '../../import/index.js';
import type { IsoDate, PendingHighlight } from '../../model.js';

/** One saved item of an export: a page, a book, a reference. */
export interface MigratedItem {
  /** Where in the file, for the report: "row 12", "entry smith2020", "My Book (Kindle)". */
  where: string;
  title: string;
  url: string;
  tags: string[];
  /** When it was saved in the app it came from. */
  savedAt: IsoDate | null;
  author: string;
  source: string;
  published: IsoDate | null;
  read: boolean;
  archived: boolean;
  /** The item's text when the export carries it (Omnivore, Wallabag, a snapshot); else it waits to be fetched. */
  content?: { kind: 'html' | 'md' | 'txt'; text: string };
  highlights: PendingHighlight[];
  /**
   * No page to fetch and no text: the highlights are all there is (Kindle, Readwise). The item becomes an
   * article made of its highlights unless the library already has it (same title or URL).
   */
  highlightsOnly?: boolean;
}

/** What one export file holds, read completely before anything is written. */
export interface MigrationRead {
  /** The app, in words: "Pocket", "Kindle". */
  app: string;
  items: MigratedItem[];
  /** What could not be carried over, per item or for the whole file, said plainly. */
  warnings: string[];
}

export interface MigrationFormat {
  id: MigrationKind;
  app: string;
  /** `files`: files the export named beside it (snapshots), read by a caller that has its path. */
  read(bytes: Uint8Array, name: string, files?: Record<string, Uint8Array>): MigrationRead;
}

export type MigrationKind =
  | 'pocket-html'
  | 'pocket-csv'
  | 'instapaper'
  | 'omnivore'
  | 'wallabag'
  | 'readwise'
  | 'kindle'
  | 'csl-json'
  | 'bibtex'
  | 'ris';

/** An export that cannot be read: the whole file is refused and nothing of it is written. */
export class MigrationError extends ImportError {
  constructor(message: string) {
    super(message, 'unreadable');
    this.name = 'MigrationError';
  }
}

/** Items past this in one file are refused with the file (split it): keeps one import's memory bounded. */
export const MAX_ITEMS_PER_FILE = 250_000;
