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
import { Low } from 'lowdb';
import type { ArticleBody, ArticleMeta, Note, NoteMeta, Passage, TrashEntry } from '../model.js';
import { type BackupInfo, createBackup, listBackups, pruneBackups } from './backups.js';
import { backupSettings } from './backup-settings.js';
import { doctor, type DoctorReport } from './doctor.js';
import {
  DurableAppender,
  eachLimit,
  fsyncDir,
  fsyncFile,
  TMP_MARK,
  writeFileAtomic,
  writeFileDurable,
} from './durable-fs.js';
import { IndexFileAdapter, IndexReadError, serializeIndex } from './index-file.js';
import { type JournalOp, JournalCorruptError, readJournal } from './journal.js';
import {
  ARTICLES_DIR,
  articleBodyPath,
  BACKUPS_DIR,
  emptyIndex,
  INDEX_FILE,
  type IndexData,
  isSafeId,
  JOURNAL_FILE,
  NOTES_DIR,
  noteBodyPath,
  RESTORE_MARKER,
  SCHEMA_VERSION,
  stamp,
  type TrashRecord,
} from './layout.js';
import { type ArticleTrashPayload, LibraryState } from './library-state.js';
import { acquireLock, type Lock } from './lock.js';
import { migrate } from './migrations.js';
import { resolveBackup, restoreLocked, type RestoreResult } from './restore.js';
import { type LibraryStore, type LibraryStoreAdmin, StoreError, type TrashedItem } from './types.js';

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

const HOUR = 3600_000;
/** Files written at once by a batch: enough for the disk to overlap fsyncs, few enough to stay polite. */
const BATCH_IO = 8;

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

/** Keeps a copy of a damaged file beside it (once per distinct content) and returns the copy's path. */
async function keepAside(file: string, now: Date): Promise<string | null> {
  try {
    const content = await fs.readFile(file);
    const dir = path.dirname(file);
    const base = path.basename(file);
    for (const name of await fs.readdir(dir)) {
      if (!name.startsWith(`${base}.damaged-`)) continue;
      const prev = await fs.readFile(path.join(dir, name)).catch(() => null);
      if (prev && prev.equals(content)) return path.join(dir, name);
    }
    const copy = `${file}.damaged-${stamp(now)}`;
    await writeFileDurable(copy, content);
    return copy;
  } catch {
    return null;
  }
}

function ioError(what: string, err: unknown): StoreError {
  if (err instanceof StoreError) return err;
  const e = err as NodeJS.ErrnoException;
  const why =
    e.code === 'ENOSPC'
      ? 'the disk is full. Free some space and try again'
      : e.code === 'EROFS' || e.code === 'EACCES' || e.code === 'EPERM'
        ? `the library folder is not writable (${e.code})`
        : e.message;
  return new StoreError(`Could not save ${what}: ${why}. Nothing was changed; everything saved before is safe.`, 'io', {
    cause: e.code ?? e.message,
  });
}

export class JsonStore implements LibraryStore, LibraryStoreAdmin {
  private db!: Low<IndexData>;
  private adapter!: IndexFileAdapter;
  private state!: LibraryState;
  private journal: DurableAppender | null = null;
  private lock: Lock | null = null;
  private seq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private backupTimer: NodeJS.Timeout | null = null;
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

  async open(): Promise<void> {
    if (this.opened) return;
    await fs.mkdir(this.dir, { recursive: true });
    this.lock = await acquireLock(this.dir, this.opts.owner);
    try {
      await this.load();
      await this.removeLeftovers();
    } catch (err) {
      await this.journal?.close().catch(() => undefined);
      this.journal = null;
      await this.lock.release();
      this.lock = null;
      throw err;
    }
    this.opened = true;
    if (this.opts.autoBackupDelayMs > 0) this.scheduleBackup(this.opts.autoBackupDelayMs);
  }

  /** Reads the index and journal into memory (the lock is held). */
  private async load(): Promise<void> {
    const now = this.opts.now();
    const indexFile = path.join(this.dir, INDEX_FILE);
    const journalFile = path.join(this.dir, JOURNAL_FILE);
    if (await exists(path.join(this.dir, RESTORE_MARKER))) {
      throw new StoreError(
        `A restore from backup was interrupted in ${this.dir}. Nothing was deleted; run \`scholia restore --latest\` (or restore from the recovery screen) to finish it.`,
        'corrupt',
        { file: path.join(this.dir, RESTORE_MARKER) },
      );
    }
    this.adapter = new IndexFileAdapter(indexFile);
    // null until read: tells "no index yet" (a new library) from an existing one.
    this.db = new Low<IndexData>(this.adapter, null as unknown as IndexData);
    let raw: { data: Record<string, unknown>; bytes: number } | null;
    try {
      await this.db.read();
      raw = this.db.data
        ? { data: this.db.data as unknown as Record<string, unknown>, bytes: this.adapter.bytes }
        : null;
    } catch (err) {
      if (!(err instanceof IndexReadError)) throw err;
      const keptAs = await keepAside(indexFile, now);
      throw new StoreError(
        `The library index ${indexFile} ${err.message}. It was not changed${keptAs ? `; a copy is kept at ${keptAs}` : ''}. ` +
          `Restore the newest backup (scholia restore --latest) or run scholia doctor for details.`,
        'corrupt',
        { file: indexFile, keptAs },
      );
    }
    if (!raw) {
      if (await this.hasContent()) {
        throw new StoreError(
          `The library index ${indexFile} is missing, but ${this.dir} holds articles, notes or backups. Nothing was changed. ` +
            `Restore the newest backup (scholia restore --latest).`,
          'corrupt',
          { file: indexFile },
        );
      }
      await fs.mkdir(path.join(this.dir, ARTICLES_DIR), { recursive: true });
      await fs.mkdir(path.join(this.dir, NOTES_DIR), { recursive: true });
      this.db.data = emptyIndex();
      await this.db.write(); // a new library: an empty index, durably
    } else {
      const schema = raw.data.schema as number;
      if (schema > SCHEMA_VERSION) {
        throw new StoreError(
          `This library was written by a newer version of Scholia (schema ${schema}; this version reads up to ${SCHEMA_VERSION}). It was not changed. Update Scholia to open it.`,
          'schema',
          { schema },
        );
      }
      if (schema < SCHEMA_VERSION) {
        const backup = await createBackup(
          this.dir,
          { schema, counts: countsOf(raw.data) },
          `before-migration-v${schema}`,
          now,
        );
        let data: IndexData;
        try {
          data = migrate(raw.data);
        } catch (err) {
          throw new StoreError(
            `Cannot upgrade this library from schema ${schema}: ${(err as Error).message}. It was not changed.`,
            'schema',
            {
              schema,
              backup: backup.path,
            },
          );
        }
        this.db.data = data;
        await this.db.write();
      } else {
        this.db.data = { ...emptyIndex(), ...(raw.data as Partial<IndexData>) } as IndexData;
        this.adapter.bytes = raw.bytes;
      }
    }
    await fs.mkdir(path.join(this.dir, ARTICLES_DIR), { recursive: true });
    await fs.mkdir(path.join(this.dir, NOTES_DIR), { recursive: true });

    this.state = new LibraryState(this.data);
    this.seq = this.data.seq;
    let validBytes = 0;
    const noteTexts = new Map<string, string>();
    try {
      const j = await readJournal(journalFile);
      validBytes = j.validBytes;
      for (const rec of j.records) {
        if (rec.seq <= this.data.seq) continue;
        try {
          this.state.apply(rec);
        } catch (err) {
          throw new JournalCorruptError(`record ${rec.seq} (${rec.op}) does not apply: ${(err as Error).message}`);
        }
        this.seq = rec.seq;
        if (rec.op === 'putNote' && rec.body !== undefined) noteTexts.set(rec.meta.id, rec.body);
      }
    } catch (err) {
      if (!(err instanceof JournalCorruptError)) throw err;
      const keptAs = await keepAside(journalFile, now);
      throw new StoreError(
        `The library journal ${journalFile} is damaged: ${err.message}. It was not changed${keptAs ? `; a copy is kept at ${keptAs}` : ''}. ` +
          `Restore the newest backup (scholia restore --latest) or run scholia doctor for details.`,
        'corrupt',
        { file: journalFile, keptAs },
      );
    }
    await this.repairNoteFiles(noteTexts);
    this.journal = await DurableAppender.open(journalFile, validBytes);
  }

  /**
   * After a power loss a note file may lag behind the journal (its write was not yet fsynced, the
   * journal line was): rewrite it, durably, from the journal's newest text. Notes no longer in the
   * library or the trash (emptied) are left alone.
   */
  private async repairNoteFiles(texts: Map<string, string>): Promise<void> {
    let repaired = 0;
    for (const [id, body] of texts) {
      if (!this.state.notes.has(id) && !this.state.trash.has(id)) continue;
      const file = noteBodyPath(this.dir, id);
      const current = await fs.readFile(file, 'utf8').catch(() => null);
      if (current === body) continue;
      await writeFileDurable(file, body, { syncDir: false });
      repaired++;
    }
    if (repaired) await fsyncDir(path.join(this.dir, NOTES_DIR));
  }

  private async hasContent(): Promise<boolean> {
    for (const sub of [ARTICLES_DIR, NOTES_DIR, BACKUPS_DIR]) {
      const names = await fs.readdir(path.join(this.dir, sub)).catch(() => [] as string[]);
      if (names.some((n) => !n.startsWith('.'))) return true;
    }
    return exists(path.join(this.dir, JOURNAL_FILE));
  }

  /** Temp files are writes a crash interrupted before they were acknowledged: safe to drop (we hold the lock). */
  private async removeLeftovers(): Promise<void> {
    for (const sub of ['', ARTICLES_DIR, NOTES_DIR]) {
      const d = path.join(this.dir, sub);
      for (const name of await fs.readdir(d).catch(() => [] as string[])) {
        if (name.includes(TMP_MARK)) await fs.rm(path.join(d, name), { force: true });
      }
    }
    for (const name of await fs.readdir(this.dir)) {
      if (name.startsWith('.restoring-')) await fs.rm(path.join(this.dir, name), { recursive: true, force: true });
    }
  }

  async close(): Promise<void> {
    if (!this.opened) return;
    if (this.backupTimer) clearTimeout(this.backupTimer);
    this.backupTimer = null;
    await this.enqueue(async () => {
      if (this.journal && !this.journal.broken && this.journal.size > this.opts.compactBytes / 4) {
        await this.compact().catch(() => undefined); // the journal stays valid if this fails
      }
      await this.journal?.close();
      this.journal = null;
    }).catch(() => undefined);
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
    this.queue = run.catch(() => undefined);
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
      await this.compact().catch(() => undefined);
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
    if (!isSafeId(id)) throw new StoreError(`Invalid id "${id}"`, 'not-found');
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

  // ---------------------------------------------------------------- trash

  listTrash(): TrashEntry[] {
    return this.data.trash.map(({ payload: _payload, ...entry }) => entry);
  }
  restoreFromTrash(id: string): Promise<void> {
    return this.enqueue(async () => {
      const entry = this.state.trash.get(id);
      if (!entry) throw new StoreError(`Nothing with id ${id} in the trash`, 'not-found');
      await this.commit({ op: 'restore', id }, `"${entry.title}" back from the trash`);
    });
  }
  /** Explicit and final: a backup is taken first, then the bodies are deleted. */
  emptyTrash(): Promise<void> {
    return this.enqueue(async () => {
      const entries = [...this.data.trash];
      if (entries.length === 0) return;
      await this.backupLocked('before-empty-trash');
      await this.commit({ op: 'emptyTrash' }, 'emptying the trash');
      for (const t of entries) {
        // The bodies go only after the index no longer refers to them; a crash in between leaves harmless orphans.
        if (t.kind === 'article' && !this.state.articles.get(t.id))
          await fs.rm(articleBodyPath(this.dir, t.id), { force: true });
        if (t.kind === 'note' && !this.state.notes.get(t.id)) {
          await fs.rm(noteBodyPath(this.dir, t.id), { force: true });
          this.dirtyNotes.delete(t.id);
        }
      }
    });
  }

  async getTrashItems(): Promise<TrashedItem[]> {
    const records = [...this.data.trash];
    const items: TrashedItem[] = [];
    for (const { payload, ...entry } of records) {
      if (entry.kind === 'article') {
        const { meta, passages } = payload as ArticleTrashPayload;
        const body = await this.readBodyFile<ArticleBody>(articleBodyPath(this.dir, this.checkId(entry.id)), true);
        items.push({ ...entry, article: { meta, body, passages } });
      } else if (entry.kind === 'note') {
        const meta = payload as NoteMeta;
        const body = await this.readBodyFile<string>(noteBodyPath(this.dir, this.checkId(entry.id)), false);
        items.push({ ...entry, note: { ...meta, body: body ?? '' } });
      } else items.push({ ...entry, passage: payload as Passage });
    }
    return items;
  }

  /** A body file's content (parsed when `json`), or null when it is missing; damage throws. */
  private async readBodyFile<T>(file: string, json: boolean): Promise<T | null> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreError(`Cannot read ${file}: ${(err as Error).message}`, 'io', { file });
    }
    if (!json) return text as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new StoreError(`${file} is damaged; run scholia doctor, or restore a backup.`, 'corrupt', { file });
    }
  }

  putTrashItems(items: TrashedItem[]): Promise<void> {
    return this.enqueue(async () => {
      if (items.length === 0) return;
      const records: TrashRecord[] = items.map((it) => {
        const { article, note, passage, ...entry } = it;
        this.checkId(entry.id);
        const payload =
          entry.kind === 'article' && article && article.meta.id === entry.id
            ? ({ meta: article.meta, passages: article.passages } satisfies ArticleTrashPayload)
            : entry.kind === 'note' && note && note.id === entry.id
              ? (({ body: _body, ...meta }) => meta)(note)
              : entry.kind === 'passage' && passage && passage.id === entry.id
                ? passage
                : null;
        if (!payload) {
          throw new StoreError(
            `The trashed ${entry.kind} "${entry.title}" (${entry.id}) comes without its contents; nothing was put in the trash.`,
            'corrupt',
            { id: entry.id },
          );
        }
        return { id: entry.id, kind: entry.kind, title: entry.title, deletedAt: entry.deletedAt, payload };
      });
      for (const r of records) {
        const live =
          r.kind === 'article'
            ? this.state.articles.has(r.id)
            : r.kind === 'note'
              ? this.state.notes.has(r.id)
              : this.state.passages.has(r.id);
        if (live) {
          throw new StoreError(
            `The ${r.kind} ${r.id} ("${r.title}") is in the library, not trashed; nothing was put in the trash.`,
            'corrupt',
            { id: r.id },
          );
        }
      }
      const what = `${items.length} trashed item(s)`;
      try {
        const articles = items.filter((it) => it.kind === 'article' && it.article?.body);
        const notes = items.filter((it) => it.kind === 'note');
        await eachLimit(articles, BATCH_IO, (it) =>
          writeFileDurable(articleBodyPath(this.dir, it.id), JSON.stringify(it.article!.body, null, 1), {
            syncDir: false,
          }),
        );
        await eachLimit(notes, BATCH_IO, (it) =>
          writeFileDurable(noteBodyPath(this.dir, it.id), it.note!.body, { syncDir: false }),
        );
        if (articles.length) await fsyncDir(path.join(this.dir, ARTICLES_DIR));
        if (notes.length) await fsyncDir(path.join(this.dir, NOTES_DIR));
      } catch (err) {
        throw ioError(what, err);
      }
      await this.commit({ op: 'putTrash', records }, what);
      // Folded into library.json at once: an older Scholia reading this library never meets the op.
      await this.compact().catch(() => undefined); // the change is durable in the journal already
    });
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

  private scheduleBackup(delay: number): void {
    this.backupTimer = setTimeout(() => {
      void (async () => {
        const newest = (await listBackups(this.dir))[0];
        const age = newest ? this.opts.now().getTime() - Date.parse(newest.createdAt) : Infinity;
        // The library's own schedule (Preferences): every N hours, 0 = no automatic backups.
        const { backupIntervalHours: hours } = backupSettings(this);
        const due = hours > 0 && age >= hours * HOUR;
        if (due && this.data.articles.length + this.data.notes.length > 0)
          await this.backup(hours === 1 ? 'hourly' : `every ${hours} hours`);
      })()
        .catch(() => undefined) // a failed periodic backup must not disturb the app; doctor reports backups
        .finally(() => {
          if (this.opened) this.scheduleBackup(HOUR);
        });
    }, delay);
    this.backupTimer.unref();
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

function countsOf(d: Record<string, unknown>): { articles: number; notes: number; passages: number } {
  const n = (k: string) => (Array.isArray(d[k]) ? (d[k] as unknown[]).length : 0);
  return { articles: n('articles'), notes: n('notes'), passages: n('passages') };
}
