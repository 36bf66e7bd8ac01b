// A read-only view of a library that another process may hold open (the app):
// library.json plus the journal replayed onto it, read WITHOUT the writer lock,
// so `scholia list/show/search/export` answer while the desktop app runs.
//
// Consistency: the writer folds the journal into library.json (a new seq) and
// then empties the journal. A snapshot reads the index, then the journal, then
// the index's seq again; if the seq moved, or the journal's records do not
// follow on from the index's seq, a fold happened in between and it reads
// again. A torn last journal line is a write still under way: left out.
//
// Nothing is ever written into the library. The rooms keep derived indexes
// beside the library (search, cross-source); a snapshot hands them a scratch
// folder holding copies of those files, deleted at close, as its `dir`.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ArticleBody, ArticleMeta, Note, NoteMeta, Passage, TrashEntry } from '../model.js';
import { isValidId } from '../ids.js';
import { TMP_MARK } from './durable-fs.js';
import { readIndexFile } from './index-file.js';
import { readJournal } from './journal.js';
import {
  ARTICLES_DIR,
  articleBodyPath,
  emptyIndex,
  INDEX_FILE,
  JOURNAL_FILE,
  LOCK_FILE,
  NOTES_DIR,
  noteBodyPath,
  RESTORE_MARKER,
  SCHEMA_VERSION,
  type IndexData,
} from './layout.js';
import { type ArticleTrashPayload, LibraryState } from './library-state.js';
import { migrate } from './migrations.js';
import { type LibraryStore, StoreError, type TrashedItem } from './types.js';

/** The store's own files at the library's top level; every other file there is a room's derived index. */
const STORE_FILES = new Set([INDEX_FILE, JOURNAL_FILE, LOCK_FILE, RESTORE_MARKER]);
const ATTEMPTS = 20;

export class SnapshotStore implements LibraryStore {
  /** Where the rooms keep their derived files for this session (a scratch folder; see above). */
  readonly dir: string;
  private state!: LibraryState;
  private data!: IndexData;
  /** Note texts newer than their files (the journal carries a note's text before its file is durable). */
  private noteTexts = new Map<string, string>();

  constructor(
    readonly libraryDir: string,
    /** Tests: runs between reading the index and reading the journal (where a writer's fold would land). */
    private readonly hooks: { beforeJournalRead?: () => Promise<void> } = {},
  ) {
    this.dir = path.join(os.tmpdir(), `scholia-snapshot-${process.pid}-${Date.now().toString(36)}`);
  }

  async open(): Promise<void> {
    const indexFile = path.join(this.libraryDir, INDEX_FILE);
    try {
      await fs.access(path.join(this.libraryDir, RESTORE_MARKER));
      throw new StoreError(
        `A restore from backup was interrupted in ${this.libraryDir}; run \`scholia restore --latest\` to finish it.`,
        'corrupt',
      );
    } catch (err) {
      if (err instanceof StoreError) throw err;
    }
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const read = await this.readOnce(indexFile);
      if (read) {
        this.data = read.data;
        this.state = read.state;
        this.noteTexts = read.noteTexts;
        break;
      }
      await new Promise((r) => setTimeout(r, 10 * (attempt + 1)));
    }
    if (!this.state) {
      throw new StoreError(
        `The library in ${this.libraryDir} kept changing while it was read; try again in a moment.`,
        'locked',
      );
    }
    await fs.mkdir(this.dir, { recursive: true });
    // Copied so they need not be rebuilt (search-index.bin, crossref-index.bin…), whatever the rooms call them.
    const entries = await fs.readdir(this.libraryDir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (!e.isFile() || STORE_FILES.has(e.name) || e.name.includes('.damaged-') || e.name.includes(TMP_MARK)) continue;
      if (e.name.endsWith('.log')) continue;
      // A file the writer is replacing right now may be missing or half-copied: a room rebuilds what it cannot read.
      await fs.copyFile(path.join(this.libraryDir, e.name), path.join(this.dir, e.name)).catch(() => undefined);
    }
  }

  /** One attempt at a consistent snapshot, or null when the writer folded the journal meanwhile. */
  private async readOnce(
    indexFile: string,
  ): Promise<{ data: IndexData; state: LibraryState; noteTexts: Map<string, string> } | null> {
    const raw = await readIndexFile(indexFile).catch((err: Error) => {
      throw new StoreError(`The library index ${indexFile} ${err.message}. Run scholia doctor for details.`, 'corrupt');
    });
    if (!raw) throw new StoreError(`No Scholia library in ${this.libraryDir} (no ${INDEX_FILE}).`, 'not-found');
    const schema = raw.data.schema as number;
    if (schema > SCHEMA_VERSION) {
      throw new StoreError(
        `This library was written by a newer version of Scholia (schema ${schema}; this version reads up to ${SCHEMA_VERSION}).`,
        'schema',
      );
    }
    const data: IndexData =
      schema < SCHEMA_VERSION
        ? migrate(raw.data) // in memory only: the app upgrades the file when it opens the library
        : ({ ...emptyIndex(), ...(raw.data as Partial<IndexData>) } as IndexData);
    await this.hooks.beforeJournalRead?.();
    const journal = await readJournal(path.join(this.libraryDir, JOURNAL_FILE)).catch(() => null);
    if (!journal) return null; // read while being replaced, or damaged: read again (doctor tells damage)
    const again = await readIndexFile(indexFile).catch(() => null);
    if (!again || again.data.seq !== raw.data.seq) return null;
    const state = new LibraryState(data);
    const noteTexts = new Map<string, string>();
    let seq = data.seq;
    for (const rec of journal.records) {
      if (rec.seq <= seq) continue;
      if (rec.seq !== seq + 1) return null;
      try {
        state.apply(rec);
      } catch {
        return null;
      }
      seq = rec.seq;
      if (rec.op === 'putNote' && rec.body !== undefined) noteTexts.set(rec.meta.id, rec.body);
    }
    return { data, state, noteTexts };
  }

  async close(): Promise<void> {
    await fs.rm(this.dir, { recursive: true, force: true });
  }

  private readOnly(): never {
    throw new StoreError(
      'This command only reads the library (a snapshot, taken without the lock); it cannot change it.',
      'locked',
    );
  }

  listArticles(): ArticleMeta[] {
    return this.data.articles;
  }
  getArticleMeta(id: string): ArticleMeta | undefined {
    return this.state.articles.get(id);
  }
  async getArticleBody(id: string): Promise<ArticleBody | undefined> {
    const meta = this.getArticleMeta(id);
    if (!meta || !isValidId(id)) return undefined;
    const file = articleBodyPath(this.libraryDir, id);
    try {
      return JSON.parse(await fs.readFile(file, 'utf8')) as ArticleBody;
    } catch (err) {
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      throw new StoreError(
        `The text of "${meta.title}" (${path.join(ARTICLES_DIR, `${id}.json`)}) is ${missing ? 'missing' : 'damaged'}. Run scholia doctor.`,
        'corrupt',
        { file },
      );
    }
  }
  listPassages(articleId?: string): Passage[] {
    return articleId ? this.state.passagesOf(articleId) : this.data.passages;
  }
  getPassage(id: string): Passage | undefined {
    return this.state.passages.get(id);
  }
  listNotes(): NoteMeta[] {
    return this.data.notes;
  }
  async getNote(id: string): Promise<Note | undefined> {
    const meta = this.state.notes.get(id);
    if (!meta || !isValidId(id)) return undefined;
    const body = this.noteTexts.get(id) ?? (await this.noteFile(id, meta.title));
    return { ...meta, body };
  }
  private async noteFile(id: string, title: string): Promise<string> {
    try {
      return await fs.readFile(noteBodyPath(this.libraryDir, id), 'utf8');
    } catch (err) {
      throw new StoreError(
        `The text of the note "${title}" (${path.join(NOTES_DIR, `${id}.md`)}) cannot be read: ${(err as Error).message}.`,
        'corrupt',
      );
    }
  }
  listTrash(): TrashEntry[] {
    return this.data.trash.map(({ payload: _payload, ...entry }) => entry);
  }
  async getTrashItems(): Promise<TrashedItem[]> {
    const items: TrashedItem[] = [];
    for (const { payload, ...entry } of this.data.trash) {
      if (!isValidId(entry.id)) continue;
      if (entry.kind === 'article') {
        const { meta, passages } = payload as ArticleTrashPayload;
        const body = await fs
          .readFile(articleBodyPath(this.libraryDir, entry.id), 'utf8')
          .then((t) => JSON.parse(t) as ArticleBody)
          .catch(() => null);
        items.push({ ...entry, article: { meta, body, passages } });
      } else if (entry.kind === 'note') {
        const body = await fs.readFile(noteBodyPath(this.libraryDir, entry.id), 'utf8').catch(() => '');
        items.push({ ...entry, note: { ...(payload as NoteMeta), body } });
      } else items.push({ ...entry, passage: payload as Passage });
    }
    return items;
  }
  getSetting<T>(key: string): T | undefined {
    return this.data.settings[key] as T | undefined;
  }
  listSettings(): Record<string, unknown> {
    return structuredClone(this.data.settings);
  }

  async putArticle(): Promise<void> {
    this.readOnly();
  }
  async putArticles(): Promise<void> {
    this.readOnly();
  }
  async putArticleMeta(): Promise<void> {
    this.readOnly();
  }
  async trashArticle(): Promise<void> {
    this.readOnly();
  }
  async putPassages(): Promise<void> {
    this.readOnly();
  }
  async trashPassage(): Promise<void> {
    this.readOnly();
  }
  async putNote(): Promise<void> {
    this.readOnly();
  }
  async putNotes(): Promise<void> {
    this.readOnly();
  }
  async trashNote(): Promise<void> {
    this.readOnly();
  }
  async restoreFromTrash(): Promise<void> {
    this.readOnly();
  }
  async emptyTrash(): Promise<void> {
    this.readOnly();
  }
  async putTrashItems(): Promise<void> {
    this.readOnly();
  }
  async setSetting(): Promise<void> {
    this.readOnly();
  }
}
