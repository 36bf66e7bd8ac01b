// The store's interface: every caller goes through this, so the inside (files,
// lowdb adapters, durability, backups) can change without touching callers.
import { CoreError } from '../errors.js';
import type { ArticleBody, ArticleMeta, Note, NoteMeta, Passage, PendingEntry, TrashEntry } from '../model.js';
import type { BackupInfo, DoctorReport, RestoreResult } from './api.js';

/**
 * A trashed item with what restoreFromTrash brings back: what a complete backup needs
 * to carry the trash across. `article.body` is null when its text file was missing.
 */
export interface TrashedItem extends TrashEntry {
  article?: { meta: ArticleMeta; body: ArticleBody | null; passages: Passage[] };
  note?: Note;
  passage?: Passage;
}

/** How a store's own background work went (job name; the error, or none when it succeeded). */
export type BackgroundReporter = (job: string, err?: unknown) => void;

export interface LibraryStore {
  /** Absolute path of the library folder. */
  readonly dir: string;
  /** Opens (creating on first run) the library. Throws StoreError on damage; never overwrites it. */
  open(): Promise<void>;
  close(): Promise<void>;

  // Articles: metadata is in memory after open(); bodies are read on demand.
  listArticles(): ArticleMeta[];
  getArticleMeta(id: string): ArticleMeta | undefined;
  getArticleBody(id: string): Promise<ArticleBody | undefined>;
  /** Adds or replaces an article (metadata and body) durably. */
  putArticle(meta: ArticleMeta, body: ArticleBody): Promise<void>;
  /**
   * Adds or replaces many articles at once (a restore, a bulk import): the bodies are written durably
   * and the batch costs one journal append, instead of one disk round trip per article.
   */
  putArticles(items: Array<{ meta: ArticleMeta; body: ArticleBody }>): Promise<void>;
  /** Replaces metadata only. */
  putArticleMeta(meta: ArticleMeta): Promise<void>;
  /** Moves the article and its passages to the trash. */
  trashArticle(id: string): Promise<void>;

  // Passages
  listPassages(articleId?: string): Passage[];
  getPassage(id: string): Passage | undefined;
  putPassages(passages: Passage[]): Promise<void>;
  trashPassage(id: string): Promise<void>;

  // Notes: metadata in memory; bodies on demand.
  listNotes(): NoteMeta[];
  getNote(id: string): Promise<Note | undefined>;
  putNote(note: Note): Promise<void>;
  /** Adds or replaces many notes at once (one journal append for the batch). */
  putNotes(notes: Note[]): Promise<void>;
  trashNote(id: string): Promise<void>;

  // Trash
  listTrash(): TrashEntry[];
  restoreFromTrash(id: string): Promise<void>;
  emptyTrash(): Promise<void>;
  /** Every trashed item with its contents (for a complete backup). */
  getTrashItems(): Promise<TrashedItem[]>;
  /**
   * Puts items into the trash exactly as given (ids, titles and deletedAt kept), contents included, so
   * restoreFromTrash brings them back. Refuses an item whose id is live in the library.
   */
  putTrashItems(items: TrashedItem[]): Promise<void>;

  /** Arbitrary small settings (first-run flag, UI prefs). */
  getSetting<T>(key: string): T | undefined;
  setSetting(key: string, value: unknown): Promise<void>;
  /** Every setting, as stored (a copy). */
  listSettings(): Record<string, unknown>;
}

/**
 * Safety operations of the store on disk (JsonStore has them; an in-memory test store need not).
 * Standalone versions that work on a library that will not open are in recovery.ts.
 */
export interface LibraryStoreAdmin {
  backup(reason?: string): Promise<BackupInfo>;
  listBackups(): Promise<BackupInfo[]>;
  /** `from`: a backup folder; the newest intact backup when omitted. Reloads the library from it. */
  restoreBackup(from?: string): Promise<RestoreResult>;
  doctor(): Promise<DoctorReport>;
}

/**
 * "To fetch" entries (pages an imported export named only by URL). JsonStore keeps them in library.json;
 * stores without them (read-only snapshots, test stores) simply lack these methods.
 */
export interface PendingStore {
  listPending(): PendingEntry[];
  getPending(id: string): PendingEntry | undefined;
  /**
   * Adds or replaces entries in one durable write (an export's entries all or none). `fold: false` leaves
   * the change in the journal (cheap, for one page of a fetch run) until foldPending.
   */
  putPending(entries: PendingEntry[], opts?: { fold?: boolean }): Promise<void>;
  removePending(ids: string[], opts?: { fold?: boolean }): Promise<void>;
  /** Folds unfolded to-fetch changes into library.json (the end of a fetch run). */
  foldPending(): Promise<void>;
}

export function hasPendingStore(store: LibraryStore): store is LibraryStore & PendingStore {
  const s = store as Partial<PendingStore>;
  return typeof s.listPending === 'function' && typeof s.putPending === 'function';
}

export function hasAdmin(store: LibraryStore): store is LibraryStore & LibraryStoreAdmin {
  const s = store as Partial<LibraryStoreAdmin>;
  return typeof s.backup === 'function' && typeof s.restoreBackup === 'function' && typeof s.doctor === 'function';
}

/** A store failure a user can act on: what happened, what was kept, what to do. */
export class StoreError extends CoreError<'corrupt' | 'locked' | 'io' | 'not-found' | 'schema'> {
  constructor(
    message: string,
    code: 'corrupt' | 'locked' | 'io' | 'not-found' | 'schema',
    readonly details: Record<string, unknown> = {},
  ) {
    super(message, code);
    this.name = 'StoreError';
  }
}
