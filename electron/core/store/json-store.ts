// First store: a lowdb index (metadata, passages, settings) plus one file per
// large body, so a small change never rewrites article text.
//
// Layout of a library folder:
//   library.json              index: schema version, article/note metadata, passages, trash, settings
//   articles/<id>.json        article body: canonical text, removed blocks, original input, reader HTML
//   notes/<id>.md             note body (Markdown, readable in any editor)
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { ArticleBody, ArticleMeta, Note, NoteMeta, Passage, TrashEntry } from '../model.js';
import { type LibraryStore, StoreError } from './types.js';

export const SCHEMA_VERSION = 1;

export interface IndexData {
  schema: number;
  articles: ArticleMeta[];
  notes: NoteMeta[];
  passages: Passage[];
  trash: Array<TrashEntry & { payload: unknown }>;
  settings: Record<string, unknown>;
}

const emptyIndex = (): IndexData => ({
  schema: SCHEMA_VERSION,
  articles: [],
  notes: [],
  passages: [],
  trash: [],
  settings: {},
});

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;
function checkId(id: string): string {
  if (!SAFE_ID.test(id)) throw new StoreError(`Invalid id "${id}"`, 'not-found');
  return id;
}

export class JsonStore implements LibraryStore {
  private db!: Low<IndexData>;
  constructor(readonly dir: string) {}

  private get data(): IndexData {
    return this.db.data;
  }

  async open(): Promise<void> {
    await fs.mkdir(path.join(this.dir, 'articles'), { recursive: true });
    await fs.mkdir(path.join(this.dir, 'notes'), { recursive: true });
    const file = path.join(this.dir, 'library.json');
    this.db = new Low<IndexData>(new JSONFile<IndexData>(file), emptyIndex());
    try {
      await this.db.read();
    } catch (err) {
      throw new StoreError(
        `The library index ${file} cannot be read (${(err as Error).message}). It was left untouched.`,
        'corrupt',
        { file },
      );
    }
    const d = this.db.data as Partial<IndexData> | null;
    if (!d || typeof d !== 'object' || !Array.isArray(d.articles) || typeof d.schema !== 'number') {
      throw new StoreError(`The library index ${file} is not a Scholia library. It was left untouched.`, 'corrupt', {
        file,
      });
    }
    this.db.data = { ...emptyIndex(), ...d } as IndexData;
  }

  async close(): Promise<void> {
    /* lowdb holds no handles */
  }

  private save(): Promise<void> {
    return this.db.write();
  }

  private bodyPath(kind: 'articles' | 'notes', id: string): string {
    return path.join(this.dir, kind, checkId(id) + (kind === 'notes' ? '.md' : '.json'));
  }

  listArticles(): ArticleMeta[] {
    return this.data.articles;
  }
  getArticleMeta(id: string): ArticleMeta | undefined {
    return this.data.articles.find((a) => a.id === id);
  }
  async getArticleBody(id: string): Promise<ArticleBody | undefined> {
    if (!this.getArticleMeta(id)) return undefined;
    const raw = await fs.readFile(this.bodyPath('articles', id), 'utf8');
    return JSON.parse(raw) as ArticleBody;
  }
  async putArticle(meta: ArticleMeta, body: ArticleBody): Promise<void> {
    await fs.writeFile(this.bodyPath('articles', meta.id), JSON.stringify(body));
    await this.putArticleMeta(meta);
  }
  async putArticleMeta(meta: ArticleMeta): Promise<void> {
    const i = this.data.articles.findIndex((a) => a.id === meta.id);
    if (i >= 0) this.data.articles[i] = meta;
    else this.data.articles.push(meta);
    await this.save();
  }
  async trashArticle(id: string): Promise<void> {
    const meta = this.getArticleMeta(id);
    if (!meta) throw new StoreError(`No article ${id}`, 'not-found');
    const passages = this.data.passages.filter((p) => p.articleId === id);
    this.data.articles = this.data.articles.filter((a) => a.id !== id);
    this.data.passages = this.data.passages.filter((p) => p.articleId !== id);
    this.data.trash.push({
      id,
      kind: 'article',
      title: meta.title,
      deletedAt: new Date().toISOString(),
      payload: { meta, passages },
    });
    await this.save();
  }

  listPassages(articleId?: string): Passage[] {
    return articleId ? this.data.passages.filter((p) => p.articleId === articleId) : this.data.passages;
  }
  getPassage(id: string): Passage | undefined {
    return this.data.passages.find((p) => p.id === id);
  }
  async putPassages(passages: Passage[]): Promise<void> {
    for (const p of passages) {
      const i = this.data.passages.findIndex((q) => q.id === p.id);
      if (i >= 0) this.data.passages[i] = p;
      else this.data.passages.push(p);
    }
    await this.save();
  }
  async trashPassage(id: string): Promise<void> {
    const p = this.getPassage(id);
    if (!p) throw new StoreError(`No passage ${id}`, 'not-found');
    this.data.passages = this.data.passages.filter((q) => q.id !== id);
    this.data.trash.push({ id, kind: 'passage', title: p.quote.exact.slice(0, 80), deletedAt: new Date().toISOString(), payload: p });
    await this.save();
  }

  listNotes(): NoteMeta[] {
    return this.data.notes;
  }
  async getNote(id: string): Promise<Note | undefined> {
    const meta = this.data.notes.find((n) => n.id === id);
    if (!meta) return undefined;
    const body = await fs.readFile(this.bodyPath('notes', id), 'utf8');
    return { ...meta, body };
  }
  async putNote(note: Note): Promise<void> {
    const { body, ...meta } = note;
    await fs.writeFile(this.bodyPath('notes', note.id), body);
    const i = this.data.notes.findIndex((n) => n.id === note.id);
    if (i >= 0) this.data.notes[i] = meta;
    else this.data.notes.push(meta);
    await this.save();
  }
  async trashNote(id: string): Promise<void> {
    const meta = this.data.notes.find((n) => n.id === id);
    if (!meta) throw new StoreError(`No note ${id}`, 'not-found');
    this.data.notes = this.data.notes.filter((n) => n.id !== id);
    this.data.trash.push({ id, kind: 'note', title: meta.title, deletedAt: new Date().toISOString(), payload: meta });
    await this.save();
  }

  listTrash(): TrashEntry[] {
    return this.data.trash.map(({ payload: _payload, ...entry }) => entry);
  }
  async restoreFromTrash(id: string): Promise<void> {
    const entry = this.data.trash.find((t) => t.id === id);
    if (!entry) throw new StoreError(`Nothing with id ${id} in the trash`, 'not-found');
    if (entry.kind === 'article') {
      const { meta, passages } = entry.payload as { meta: ArticleMeta; passages: Passage[] };
      this.data.articles.push(meta);
      this.data.passages.push(...passages);
    } else if (entry.kind === 'note') {
      this.data.notes.push(entry.payload as NoteMeta);
    } else {
      this.data.passages.push(entry.payload as Passage);
    }
    this.data.trash = this.data.trash.filter((t) => t !== entry);
    await this.save();
  }
  async emptyTrash(): Promise<void> {
    for (const t of this.data.trash) {
      if (t.kind === 'article') await fs.rm(this.bodyPath('articles', t.id), { force: true });
      if (t.kind === 'note') await fs.rm(this.bodyPath('notes', t.id), { force: true });
    }
    this.data.trash = [];
    await this.save();
  }

  getSetting<T>(key: string): T | undefined {
    return this.data.settings[key] as T | undefined;
  }
  async setSetting(key: string, value: unknown): Promise<void> {
    this.data.settings[key] = value;
    await this.save();
  }
}
