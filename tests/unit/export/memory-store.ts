// An in-memory LibraryStore for the export tests: a second implementation of
// the interface (settings listing and trash contents included), so the export
// room is not tied to JsonStore's insides.
import type { ArticleBody, ArticleMeta, Note, NoteMeta, Passage, TrashEntry } from '../../../electron/core/model.js';
import type { LibraryStore } from '../../../electron/core/store/types.js';
import type { TrashItem } from '../../../electron/core/export/format.js';

export class MemoryStore implements LibraryStore {
  readonly dir = '/memory';
  articles: ArticleMeta[] = [];
  bodies = new Map<string, ArticleBody>();
  notes: NoteMeta[] = [];
  noteBodies = new Map<string, string>();
  passages: Passage[] = [];
  trash: TrashItem[] = [];
  settings: Record<string, unknown> = {};
  async open(): Promise<void> {}
  async close(): Promise<void> {}
  listArticles(): ArticleMeta[] {
    return this.articles;
  }
  getArticleMeta(id: string): ArticleMeta | undefined {
    return this.articles.find((a) => a.id === id);
  }
  async getArticleBody(id: string): Promise<ArticleBody | undefined> {
    return this.bodies.get(id);
  }
  async putArticle(meta: ArticleMeta, body: ArticleBody): Promise<void> {
    this.bodies.set(meta.id, structuredClone(body));
    await this.putArticleMeta(meta);
  }
  async putArticles(items: Array<{ meta: ArticleMeta; body: ArticleBody }>): Promise<void> {
    for (const { meta, body } of items) await this.putArticle(meta, body);
  }
  async putArticleMeta(meta: ArticleMeta): Promise<void> {
    const i = this.articles.findIndex((a) => a.id === meta.id);
    if (i >= 0) this.articles[i] = structuredClone(meta);
    else this.articles.push(structuredClone(meta));
  }
  async trashArticle(id: string): Promise<void> {
    const meta = this.getArticleMeta(id)!;
    const passages = this.passages.filter((p) => p.articleId === id);
    this.articles = this.articles.filter((a) => a.id !== id);
    this.passages = this.passages.filter((p) => p.articleId !== id);
    this.trash.push({
      id,
      kind: 'article',
      title: meta.title,
      deletedAt: '2026-11-21T20:00:00.000Z',
      article: { meta, body: this.bodies.get(id) ?? null, passages },
    });
    this.bodies.delete(id);
  }
  listPassages(articleId?: string): Passage[] {
    return articleId ? this.passages.filter((p) => p.articleId === articleId) : this.passages;
  }
  getPassage(id: string): Passage | undefined {
    return this.passages.find((p) => p.id === id);
  }
  async putPassages(ps: Passage[]): Promise<void> {
    for (const p of ps) {
      const i = this.passages.findIndex((q) => q.id === p.id);
      if (i >= 0) this.passages[i] = structuredClone(p);
      else this.passages.push(structuredClone(p));
    }
  }
  async trashPassage(id: string): Promise<void> {
    const p = this.getPassage(id)!;
    this.passages = this.passages.filter((q) => q.id !== id);
    this.trash.push({
      id,
      kind: 'passage',
      title: p.quote.exact.slice(0, 80),
      deletedAt: '2026-11-21T21:00:00.000Z',
      passage: p,
    });
  }
  listNotes(): NoteMeta[] {
    return this.notes;
  }
  async getNote(id: string): Promise<Note | undefined> {
    const m = this.notes.find((n) => n.id === id);
    return m ? { ...m, body: this.noteBodies.get(id) ?? '' } : undefined;
  }
  async putNote(note: Note): Promise<void> {
    const { body, ...meta } = structuredClone(note);
    this.noteBodies.set(note.id, body);
    const i = this.notes.findIndex((n) => n.id === note.id);
    if (i >= 0) this.notes[i] = meta;
    else this.notes.push(meta);
  }
  async putNotes(notes: Note[]): Promise<void> {
    for (const n of notes) await this.putNote(n);
  }
  async trashNote(id: string): Promise<void> {
    const note = (await this.getNote(id))!;
    this.notes = this.notes.filter((n) => n.id !== id);
    this.trash.push({ id, kind: 'note', title: note.title, deletedAt: '2026-11-21T22:00:00.000Z', note });
    this.noteBodies.delete(id);
  }
  listTrash(): TrashEntry[] {
    return this.trash.map(({ id, kind, title, deletedAt }) => ({ id, kind, title, deletedAt }));
  }
  async restoreFromTrash(): Promise<void> {
    throw new Error('not needed in these tests');
  }
  async emptyTrash(): Promise<void> {
    this.trash = [];
  }
  getSetting<T>(key: string): T | undefined {
    return this.settings[key] as T | undefined;
  }
  async setSetting(key: string, value: unknown): Promise<void> {
    this.settings[key] = structuredClone(value);
  }
  listSettings(): Record<string, unknown> {
    return structuredClone(this.settings);
  }
  async getTrashItems(): Promise<TrashItem[]> {
    return structuredClone(this.trash);
  }
  async putTrashItems(items: TrashItem[]): Promise<void> {
    this.trash.push(...structuredClone(items));
  }
}
