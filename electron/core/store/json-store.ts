// The library store: a lowdb database (the index) plus a journal and one file
// per large body, so that a small change costs the same at 100 or 100,000
// articles, every acknowledged change survives kill -9 and power loss, and a
// damaged file is never overwritten.
//
// On-disk layout of a library folder (schema 2):
//
//   library.json          The index snapshot (lowdb): {format, schema, seq, settings, articles, notes,
//                         passages, trash}. Metadata only, one record per line. Rewritten (durably)
//                         only when the journal is folded into it ("compaction"), not on every change.
//   journal.jsonl         Changes since the snapshot, one JSON object per line: {seq, op, ...}
//                         (putArticle, putNote, putPassages, trashArticle, trashNote, trashPassage,
//                         restore, emptyTrash, setSetting, putTrash). Replayed onto the snapshot on open;
//                         records with seq <= snapshot.seq are already in it. A crash can only leave the
//                         last line incomplete: it was never acknowledged and is dropped. A batch
//                         (putArticles, putNotes) is several records in ONE append; a crash may keep a
//                         prefix of it, each record standing alone. putTrash (newer than schema 2's other
//                         ops) is folded into library.json at once, so older versions never read it.
//   articles/<id>.json    Article body {id, text, removed, original, html}, written once per import.
//   notes/<id>.md         Note body, plain Markdown (title, tags, dates are in the index). An autosave
//                         appends the text to the journal (durable) and replaces this file atomically;
//                         the file is fsynced in batches (before compaction and backups), and open()
//                         rewrites it from the journal if a power loss left it behind.
//   scholia.lock          Present while a Scholia process has the library open: {pid, processStartedAt,
//                         hostname, acquiredAt, owner}. A lock left by a dead process is taken over.
//   backups/<timestamp>/  Rotating snapshots (newest 3, hourly for a day, daily for a month), each with
//                         the library's layout (library.json, articles/, notes/) plus backup.json, which
//                         is written last and marks the backup complete. Bodies are hard links.
//   replaced-<timestamp>/ What a restore moved aside (the previous library.json, journal, articles, notes).
//   library.json.damaged-<timestamp>, journal.jsonl.damaged-<timestamp>
//                         Copies of a damaged file, made when open() refused it. The original stays too.
//   restore-in-progress.json  Present only while a restore runs; if left by a crash, open refuses.
//
// Every write: temp file + fsync + rename + fsync(dir) for whole files (article bodies, library.json);
// append + fdatasync for the journal (which also carries note texts); all writes go through one queue, so concurrent API calls never interleave. A change is
// applied in memory only after it is on disk, so a failed write (disk full) changes nothing.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Low } from 'lowdb';
import type { ArticleBody, ArticleMeta, Note, NoteMeta, Passage, PendingEntry, TrashEntry } from '../model.js';
import { isValidId } from '../ids.js';
import { BackupSchedule } from './backup-schedule.js';
import { type BackupInfo, createBackup, listBackups, pruneBackups } from './backups.js';
import { backupSettings } from './backup-settings.js';
import { doctor, type DoctorReport } from './doctor.js';
import {
  type DurableAppender,
  eachLimit,
  fsyncDir,
  fsyncFile,
  writeFileAtomic,
  writeFileDurable,
} from './durable-fs.js';
import { type IndexFileAdapter, serializeIndex } from './index-file.js';
import { BATCH_IO, ioError } from './io-error.js';
import type { JournalOp } from './journal.js';
import { ARTICLES_DIR, articleBodyPath, type IndexData, NOTES_DIR, noteBodyPath, SCHEMA_VERSION } from './layout.js';
import type { LibraryState } from './library-state.js';
import { loadLibrary, removeLeftovers } from './load.js';
import { acquireLock, type Lock } from './lock.js';
import { resolveBackup, restoreLocked, type RestoreResult } from './restore.js';
import { emptyTrash, getTrashItems, listTrash, putTrashItems, restoreFromTrash, type TrashHost } from './trash.js';
import {
  type BackgroundReporter,
  type LibraryStore,
  type LibraryStoreAdmin,
  type PendingStore,
  StoreError,
  type TrashedItem,
} from './types.js';

export { SCHEMA_VERSION };
export type { IndexData };

export interface JsonStoreOptions {
  /** Who opens it, shown to a second process that is refused ("desktop", "cli"). */
  owner?: string;
  /** Fold the journal into library.json once it exceeds max(this, half the snapshot's size). Default 1 MB. */
  compactBytes?: number;
  /** Take a backup when the newest is older than an hour: checked this long after open, then hourly. 0 = never. */
  autoBackupDelayMs?: number;
  now?: () => Date;
}

/** The background job name scheduled backups report under (see reportBackgroundTo). */
export const BACKGROUND_BACKUP = 'store.scheduled-backup';

export class JsonStore implements LibraryStore, LibraryStoreAdmin, PendingStore {
  private background: BackgroundReporter | undefined;
  private db!: Low<IndexData>;
  private adapter!: IndexFileAdapter;
  private state!: LibraryState;
  private journal: DurableAppender | null = null;
  private lock: Lock | null = null;
  private seq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  /** Automatic backups while open, on the library's schedule (backup-schedule.ts). */
  private readonly backupSchedule = new BackupSchedule({
    dir: () => this.dir,
    now: () => this.opts.now(),
    isOpen: () => this.opened,
    isEmpty: () => this.data.articles.length + this.data.notes.length === 0,
    intervalHours: () => backupSettings(this).backupIntervalHours,
    backup: (reason) => this.backup(reason),
    result: (err) => this.background?.(BACKGROUND_BACKUP, err),
  });
  /** Notes whose .md was replaced but not yet fsynced (their text is durable in the journal). */
  private readonly dirtyNotes = new Set<string>();
  private opened = false;
  private readonly opts: Required<Omit<JsonStoreOptions, 'now'>> & { now: () => Date };

  constructor(
    readonly dir: string,
    opts: JsonStoreOptions = {},
  ) {
    this.opts = {
      owner: opts.owner ?? 'app',
      compactBytes: opts.compactBytes ?? 1024 * 1024,
      autoBackupDelayMs: opts.autoBackupDelayMs ?? 2 * 60_000,
      now: opts.now ?? (() => new Date()),
    };
  }

  private get data(): IndexData {
    return this.db.data;
  }

  // ---------------------------------------------------------------- open / close

  reportBackgroundTo(reporter: BackgroundReporter): void {
    this.background = reporter;
  }

  async open(): Promise<void> {
    if (this.opened) return;
    await fs.mkdir(this.dir, { recursive: true });
    this.lock = await acquireLock(this.dir, this.opts.owner);
    try {
      await this.load();
      await removeLeftovers(this.dir);
    } catch (err) {
      await this.journal?.close().catch(() => undefined); // cleanup: the open's own error is the one reported
      this.journal = null;
      await this.lock.release();
      this.lock = null;
      throw err;
    }
    this.opened = true;
    if (this.opts.autoBackupDelayMs > 0) this.backupSchedule.start(this.opts.autoBackupDelayMs);
  }

  /** Reads the index and journal into memory (the lock is held): load.ts. */
  private async load(): Promise<void> {
    const loaded = await loadLibrary(this.dir, this.opts.now());
    this.db = loaded.db;
    this.adapter = loaded.adapter;
    this.state = loaded.state;
    this.seq = loaded.seq;
    this.journal = loaded.journal;
  }

  async close(): Promise<void> {
    if (!this.opened) return;
    this.backupSchedule.stop();
    await this.enqueue(async () => {
      if (this.journal && !this.journal.broken && this.journal.size > this.opts.compactBytes / 4) {
        await this.compact().catch(() => undefined); // the journal stays valid if this fails
      }
      await this.journal?.close();
      this.journal = null;
    }).catch(() => undefined); // the lock is released whatever happened: acknowledged changes are in the journal
    this.opened = false;
    await this.lock?.release();
    this.lock = null;
  }

  // ---------------------------------------------------------------- write path

  /** Serializes every write: one at a time, in call order, whatever the callers do. */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(() => {
      if (!this.opened && this.journal === null) throw new StoreError('The library is not open.', 'io');
      return task();
    });
    this.queue = run.catch(() => undefined); // the queue only orders writes: each caller gets its own rejection
    return run;
  }

  /** Appends one change durably, then applies it in memory. Call inside enqueue, after validating. */
  private commit(op: JournalOp, what: string): Promise<void> {
    return this.commitMany([op], what);
  }

  /**
   * Appends several changes in ONE durable append (one fdatasync for the batch), then applies them in
   * memory. Each op must stand alone: a crash during the append may keep a prefix of them.
   */
  private async commitMany(ops: JournalOp[], what: string): Promise<void> {
    if (ops.length === 0) return;
    const j = this.journal;
    if (!j) throw new StoreError('The library is not open.', 'io');
    if (j.broken) {
      throw new StoreError(
        `Saving is stopped after a disk error left the journal unfinished. Everything saved before is safe; restart Scholia.`,
        'io',
      );
    }
    const first = this.seq + 1;
    const text = ops.map((op, i) => JSON.stringify({ seq: first + i, ...op }) + '\n').join('');
    try {
      await j.append(text);
    } catch (err) {
      throw ioError(what, err);
    }
    this.seq = first + ops.length - 1;
    for (const op of ops) this.state.apply(op);
    if (j.size > Math.max(this.opts.compactBytes, this.adapter.bytes / 2)) {
      // Failure here is not the caller's: the change is already durable in the journal.
      await this.compact().catch(() => undefined); // retried at the next write or at close
    }
  }

  /** Folds the journal into library.json (the lowdb write) and empties the journal. */
  private async compact(): Promise<void> {
    await this.flushNotes(); // the journal's note texts are about to go: their files must be durable first
    this.data.seq = this.seq;
    await this.db.write();
    await this.journal?.reset();
  }

  private checkId(id: string): string {
    if (!isValidId(id)) throw new StoreError(`Invalid id "${id}"`, 'not-found');
    return id;
  }

  // ---------------------------------------------------------------- articles

  listArticles(): ArticleMeta[] {
    return this.data.articles;
  }
  getArticleMeta(id: string): ArticleMeta | undefined {
    return this.state.articles.get(id);
  }
  async getArticleBody(id: string): Promise<ArticleBody | undefined> {
    const meta = this.getArticleMeta(id);
    if (!meta) return undefined;
    const file = articleBodyPath(this.dir, this.checkId(id));
    try {
      return JSON.parse(await fs.readFile(file, 'utf8')) as ArticleBody;
    } catch (err) {
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      throw new StoreError(
        `The text of "${meta.title}" (${path.join(ARTICLES_DIR, `${id}.json`)}) is ${missing ? 'missing' : 'damaged'}. ` +
          `The rest of the library is fine; run scholia doctor, or restore a backup to get it back.`,
        'corrupt',
        { file },
      );
    }
  }
  putArticle(meta: ArticleMeta, body: ArticleBody): Promise<void> {
    this.checkId(meta.id);
    return this.enqueue(async () => {
      try {
        await writeFileDurable(articleBodyPath(this.dir, meta.id), JSON.stringify(body, null, 1));
      } catch (err) {
        throw ioError(`the article "${meta.title}"`, err);
      }
      await this.commit({ op: 'putArticle', meta }, `the article "${meta.title}"`);
    });
  }
  putArticles(items: Array<{ meta: ArticleMeta; body: ArticleBody }>): Promise<void> {
    for (const { meta } of items) this.checkId(meta.id);
    return this.enqueue(async () => {
      if (items.length === 0) return;
      const what = items.length === 1 ? `the article "${items[0]!.meta.title}"` : `${items.length} articles`;
      try {
        // Each body durable (fsync per file, several at a time), the folder once, then one journal append.
        await eachLimit(items, BATCH_IO, ({ meta, body }) =>
          writeFileDurable(articleBodyPath(this.dir, meta.id), JSON.stringify(body, null, 1), { syncDir: false }),
        );
        await fsyncDir(path.join(this.dir, ARTICLES_DIR));
      } catch (err) {
        throw ioError(what, err);
      }
      await this.commitMany(
        items.map(({ meta }) => ({ op: 'putArticle', meta })),
        what,
      );
    });
  }
  putArticleMeta(meta: ArticleMeta): Promise<void> {
    this.checkId(meta.id);
    return this.enqueue(async () => {
      if (!this.state.articles.get(meta.id)) throw new StoreError(`No article ${meta.id}`, 'not-found');
      await this.commit({ op: 'putArticle', meta }, `the article "${meta.title}"`);
    });
  }
  trashArticle(id: string): Promise<void> {
    return this.enqueue(async () => {
      const meta = this.state.articles.get(id);
      if (!meta) throw new StoreError(`No article ${id}`, 'not-found');
      await this.commit(
        { op: 'trashArticle', id, at: this.opts.now().toISOString() },
        `the deletion of "${meta.title}"`,
      );
    });
  }

  // ---------------------------------------------------------------- passages

  listPassages(articleId?: string): Passage[] {
    return articleId ? this.state.passagesOf(articleId) : this.data.passages;
  }
  getPassage(id: string): Passage | undefined {
    return this.state.passages.get(id);
  }
  putPassages(passages: Passage[]): Promise<void> {
    // Passage ids end up in links and exports: only safe ids in, whoever the caller.
    for (const p of passages) {
      this.checkId(p.id);
      this.checkId(p.articleId);
    }
    return this.enqueue(async () => {
      if (passages.length === 0) return;
      await this.commit(
        { op: 'putPassages', passages },
        passages.length === 1 ? 'the highlight' : `${passages.length} highlights`,
      );
    });
  }
  trashPassage(id: string): Promise<void> {
    return this.enqueue(async () => {
      if (!this.state.passages.get(id)) throw new StoreError(`No passage ${id}`, 'not-found');
      await this.commit({ op: 'trashPassage', id, at: this.opts.now().toISOString() }, 'the deletion of the highlight');
    });
  }

  // ---------------------------------------------------------------- notes

  listNotes(): NoteMeta[] {
    return this.data.notes;
  }
  async getNote(id: string): Promise<Note | undefined> {
    const meta = this.state.notes.get(id);
    if (!meta) return undefined;
    const file = noteBodyPath(this.dir, this.checkId(id));
    try {
      return { ...meta, body: await fs.readFile(file, 'utf8') };
    } catch (err) {
      throw new StoreError(
        `The text of the note "${meta.title}" (${path.join(NOTES_DIR, `${id}.md`)}) cannot be read: ${(err as Error).message}. ` +
          `Run scholia doctor, or restore a backup to get it back.`,
        'corrupt',
        { file },
      );
    }
  }
  /**
   * A note autosave is ONE durable append: the journal line carries the text. notes/<id>.md is
   * replaced atomically right before it (readable at once), and made durable in batches: before the
   * journal is folded into library.json and before a backup. After a power loss, open() rewrites
   * any note file that lags behind its journal record. Cost per save: the note's size, whatever the
   * library's size.
   */
  putNote(note: Note): Promise<void> {
    this.checkId(note.id);
    return this.enqueue(async () => {
      const { body, ...meta } = note;
      const what = `the note "${note.title}"`;
      try {
        await writeFileAtomic(noteBodyPath(this.dir, note.id), body);
      } catch (err) {
        throw ioError(what, err);
      }
      this.dirtyNotes.add(note.id);
      await this.commit({ op: 'putNote', meta, body }, what);
    });
  }

  /** Like putNote for many notes: the texts ride in one journal append (one fdatasync for the batch). */
  putNotes(notes: Note[]): Promise<void> {
    for (const n of notes) this.checkId(n.id);
    return this.enqueue(async () => {
      if (notes.length === 0) return;
      const what = notes.length === 1 ? `the note "${notes[0]!.title}"` : `${notes.length} notes`;
      const ops: JournalOp[] = [];
      try {
        for (const note of notes) {
          const { body, ...meta } = note;
          await writeFileAtomic(noteBodyPath(this.dir, note.id), body);
          this.dirtyNotes.add(note.id);
          ops.push({ op: 'putNote', meta, body });
        }
      } catch (err) {
        throw ioError(what, err);
      }
      await this.commitMany(ops, what);
    });
  }

  /** Makes the note files written since the last flush durable (their text is in the journal until then). */
  private async flushNotes(): Promise<void> {
    if (this.dirtyNotes.size === 0) return;
    const ids = [...this.dirtyNotes];
    await eachLimit(ids, BATCH_IO, (id) => fsyncFile(noteBodyPath(this.dir, id)));
    await fsyncDir(path.join(this.dir, NOTES_DIR));
    for (const id of ids) this.dirtyNotes.delete(id);
  }

  trashNote(id: string): Promise<void> {
    return this.enqueue(async () => {
      const meta = this.state.notes.get(id);
      if (!meta) throw new StoreError(`No note ${id}`, 'not-found');
      await this.commit({ op: 'trashNote', id, at: this.opts.now().toISOString() }, `the deletion of "${meta.title}"`);
    });
  }

  // ---------------------------------------------------------------- trash (trash.ts)

  /** The internals trash.ts works through; getters, so a restore's reload is seen. */
  private readonly trashHost: TrashHost = ((store: JsonStore): TrashHost => ({
    get dir() {
      return store.dir;
    },
    get state() {
      return store.state;
    },
    get data() {
      return store.data;
    },
    enqueue: (task) => store.enqueue(task),
    commit: (op, what) => store.commit(op, what),
    compact: () => store.compact(),
    backupLocked: (reason) => store.backupLocked(reason),
    checkId: (id) => store.checkId(id),
    forgetNoteWrite: (id) => void store.dirtyNotes.delete(id),
  }))(this);

  listTrash(): TrashEntry[] {
    return listTrash(this.trashHost);
  }
  restoreFromTrash(id: string): Promise<void> {
    return restoreFromTrash(this.trashHost, id);
  }
  /** Explicit and final: a backup is taken first, then the bodies are deleted. */
  emptyTrash(): Promise<void> {
    return emptyTrash(this.trashHost);
  }
  getTrashItems(): Promise<TrashedItem[]> {
    return getTrashItems(this.trashHost);
  }
  putTrashItems(items: TrashedItem[]): Promise<void> {
    return putTrashItems(this.trashHost, items);
  }

  // ---------------------------------------------------------------- to fetch

  listPending(): PendingEntry[] {
    return this.state.pending.items;
  }
  getPending(id: string): PendingEntry | undefined {
    return this.state.pending.get(id);
  }
  /**
   * Folded into library.json at once (like putTrash), so an older Scholia never meets these ops in a
   * journal, unless `fold: false` (a fetch run's one-page changes), then by foldPending at the run's end.
   */
  putPending(entries: PendingEntry[], opts: { fold?: boolean } = {}): Promise<void> {
    for (const e of entries) this.checkId(e.id);
    return this.enqueue(async () => {
      if (entries.length === 0) return;
      await this.commit({ op: 'putPending', entries }, `${entries.length} page(s) to fetch`);
      await this.afterPendingOp(opts.fold);
    });
  }
  removePending(ids: string[], opts: { fold?: boolean } = {}): Promise<void> {
    return this.enqueue(async () => {
      const present = ids.filter((id) => this.state.pending.has(id));
      if (present.length === 0) return;
      await this.commit({ op: 'removePending', ids: present }, `${present.length} page(s) to fetch`);
      await this.afterPendingOp(opts.fold);
    });
  }
  foldPending(): Promise<void> {
    return this.enqueue(async () => {
      if (this.pendingUnfolded) await this.afterPendingOp(true);
    });
  }
  private pendingUnfolded = false;
  private async afterPendingOp(fold = true): Promise<void> {
    this.pendingUnfolded = true;
    if (!fold) return;
    // Durable in the journal already: a failed fold is retried at the next write or at close.
    await this.compact().then(
      () => void (this.pendingUnfolded = false),
      () => undefined,
    );
  }

  // ---------------------------------------------------------------- settings

  getSetting<T>(key: string): T | undefined {
    return this.data.settings[key] as T | undefined;
  }
  listSettings(): Record<string, unknown> {
    return structuredClone(this.data.settings);
  }
  setSetting(key: string, value: unknown): Promise<void> {
    return this.enqueue(() => this.commit({ op: 'setSetting', key, value }, `the setting ${key}`));
  }

  // ---------------------------------------------------------------- backups and checks

  private async backupLocked(reason: string): Promise<BackupInfo> {
    await this.flushNotes(); // the backup links the note files: they must hold their final text
    const now = this.opts.now();
    const d = this.data;
    const info = await createBackup(
      this.dir,
      {
        indexText: serializeIndex({ ...d, seq: this.seq }),
        schema: SCHEMA_VERSION,
        counts: { articles: d.articles.length, notes: d.notes.length, passages: d.passages.length },
      },
      reason,
      now,
    );
    await pruneBackups(this.dir, now, backupSettings(this).backupKeep);
    return info;
  }

  /** Takes a backup now (consistent: it waits for pending writes). */
  backup(reason = 'manual'): Promise<BackupInfo> {
    return this.enqueue(async () => {
      try {
        return await this.backupLocked(reason);
      } catch (err) {
        throw ioError('the backup', err);
      }
    });
  }

  listBackups(): Promise<BackupInfo[]> {
    return listBackups(this.dir);
  }

  /** Checks the library on disk (waits for pending writes so it sees a settled state). */
  doctor(): Promise<DoctorReport> {
    return this.enqueue(() => doctor(this.dir));
  }

  /**
   * Replaces the open library with a backup (the newest intact one when `from` is omitted);
   * the current state is moved to replaced-<timestamp>/, then the backup is loaded.
   * Other parts of the app holding copies of library data should reload after this.
   */
  restoreBackup(from?: string): Promise<RestoreResult> {
    return this.enqueue(async () => {
      const backupDir = await resolveBackup(this.dir, from);
      await this.flushNotes(); // the current state is kept aside: complete
      this.dirtyNotes.clear();
      await this.journal?.close();
      this.journal = null;
      try {
        return await restoreLocked(this.dir, backupDir, this.opts.now());
      } finally {
        await this.load();
      }
    });
  }

  /** For the benchmark and tests: counts of what is in memory and the journal's size. */
  stats(): { articles: number; notes: number; passages: number; journalBytes: number; indexBytes: number } {
    return {
      articles: this.data.articles.length,
      notes: this.data.notes.length,
      passages: this.data.passages.length,
      journalBytes: this.journal?.size ?? 0,
      indexBytes: this.adapter.bytes,
    };
  }
}
