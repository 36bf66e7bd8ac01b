// The index in memory: lowdb's data plus lookup maps, changed only by applying
// journal ops, so a live change and its replay after a restart are the same code.
import type { ArticleMeta, NoteMeta, Passage, PendingEntry } from '../model.js';
import type { JournalOp } from './journal.js';
import type { IndexData, TrashRecord } from './layout.js';

/** What trashing an article keeps, so restoring brings back its passages too. */
export interface ArticleTrashPayload {
  meta: ArticleMeta;
  passages: Passage[];
}

type Keyed = { id: string };

/** An array with an id -> position map: O(1) lookups and updates, O(n) only on removal. */
class KeyedList<T extends Keyed> {
  private pos = new Map<string, number>();
  constructor(readonly items: T[]) {
    this.reindex();
  }
  private reindex(): void {
    this.pos.clear();
    this.items.forEach((it, i) => this.pos.set(it.id, i));
  }
  has(id: string): boolean {
    return this.pos.has(id);
  }
  get(id: string): T | undefined {
    const i = this.pos.get(id);
    return i === undefined ? undefined : this.items[i];
  }
  put(item: T): void {
    const i = this.pos.get(item.id);
    if (i === undefined) {
      this.pos.set(item.id, this.items.length);
      this.items.push(item);
    } else this.items[i] = item;
  }
  removeWhere(pred: (t: T) => boolean): T[] {
    const removed: T[] = [];
    let w = 0;
    for (let r = 0; r < this.items.length; r++) {
      const it = this.items[r]!;
      if (pred(it)) removed.push(it);
      else this.items[w++] = it;
    }
    if (removed.length) {
      this.items.length = w;
      this.reindex();
    }
    return removed;
  }
  remove(id: string): T | undefined {
    if (!this.pos.has(id)) return undefined;
    return this.removeWhere((t) => t.id === id)[0];
  }
}

export class LibraryState {
  readonly articles: KeyedList<ArticleMeta>;
  readonly notes: KeyedList<NoteMeta>;
  readonly passages: KeyedList<Passage>;
  readonly trash: KeyedList<TrashRecord>;
  readonly pending: KeyedList<PendingEntry>;
  private byArticle: Map<string, Passage[]> | null = null;

  constructor(readonly data: IndexData) {
    this.articles = new KeyedList(data.articles);
    this.notes = new KeyedList(data.notes);
    this.passages = new KeyedList(data.passages);
    this.trash = new KeyedList(data.trash);
    // Attached to the index only when a first entry comes, so other libraries' files stay as they were.
    this.pending = new KeyedList(data.pending ?? []);
  }

  passagesOf(articleId: string): Passage[] {
    if (!this.byArticle) {
      this.byArticle = new Map();
      for (const p of this.data.passages) {
        const list = this.byArticle.get(p.articleId);
        if (list) list.push(p);
        else this.byArticle.set(p.articleId, [p]);
      }
    }
    return this.byArticle.get(articleId) ?? [];
  }

  /** Applies one change. Throws (before changing anything) when the change refers to something absent. */
  apply(op: JournalOp): void {
    const d = this.data;
    switch (op.op) {
      case 'putArticle':
        this.articles.put(op.meta);
        return;
      case 'trashArticle': {
        const meta = this.articles.get(op.id);
        if (!meta) throw new Error(`no article ${op.id}`);
        const passages = this.passages.removeWhere((p) => p.articleId === op.id);
        this.articles.remove(op.id);
        this.byArticle = null;
        const payload: ArticleTrashPayload = { meta, passages };
        this.trash.put({ id: op.id, kind: 'article', title: meta.title, deletedAt: op.at, payload });
        return;
      }
      case 'putPassages':
        for (const p of op.passages) this.passages.put(p);
        this.byArticle = null;
        return;
      case 'trashPassage': {
        const p = this.passages.get(op.id);
        if (!p) throw new Error(`no passage ${op.id}`);
        this.passages.remove(op.id);
        this.byArticle = null;
        this.trash.put({ id: op.id, kind: 'passage', title: p.quote.exact.slice(0, 80), deletedAt: op.at, payload: p });
        return;
      }
      case 'putNote':
        this.notes.put(op.meta);
        return;
      case 'trashNote': {
        const meta = this.notes.get(op.id);
        if (!meta) throw new Error(`no note ${op.id}`);
        this.notes.remove(op.id);
        this.trash.put({ id: op.id, kind: 'note', title: meta.title, deletedAt: op.at, payload: meta });
        return;
      }
      case 'restore': {
        const entry = this.trash.get(op.id);
        if (!entry) throw new Error(`nothing with id ${op.id} in the trash`);
        if (entry.kind === 'article') {
          const { meta, passages } = entry.payload as ArticleTrashPayload;
          this.articles.put(meta);
          for (const p of passages) this.passages.put(p);
          this.byArticle = null;
        } else if (entry.kind === 'note') {
          this.notes.put(entry.payload as NoteMeta);
        } else {
          this.passages.put(entry.payload as Passage);
          this.byArticle = null;
        }
        this.trash.remove(op.id);
        return;
      }
      case 'emptyTrash':
        this.trash.removeWhere(() => true);
        return;
      case 'setSetting':
        if (op.value === undefined) delete d.settings[op.key];
        else d.settings[op.key] = op.value;
        return;
      case 'putTrash':
        for (const r of op.records) this.trash.put(r);
        return;
      case 'putPending':
        for (const e of op.entries) this.pending.put(e);
        d.pending ??= this.pending.items;
        return;
      case 'removePending': {
        const ids = new Set(op.ids);
        this.pending.removeWhere((e) => ids.has(e.id));
        return;
      }
    }
  }
}
