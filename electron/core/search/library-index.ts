// Keeps the search index in step with the library: loads it from the library
// folder, reconciles it with the store (reindexing whatever changed while the
// app was closed or crashed, rebuilding from scratch when the file is missing,
// from another analyzer version or damaged), follows change events
// incrementally, and saves it back atomically a little after changes settle.
//
// Work is done in slices that yield to the event loop, so a large (re)build
// never freezes the app: searches wait for it, other calls do not.
import path from 'node:path';
import type { CoreContext } from '../context.js';
import type { Logger } from '../log.js';
import type { ArticleMeta, NoteMeta, Passage } from '../model.js';
import { SearchIndex, type DocRec, type DocType, type IndexDoc } from './search-index.js';
import { INDEX_FILE, readIfExists, writeAtomic } from './persist.js';
import { SNIPPET_FILE, SNIPPET_MAP_FILE, SnippetTexts } from './snippet-texts.js';
import { ANALYZER_VERSION } from './text.js';
import { normalizeTags } from '../tags/index.js';

const FORMAT = 1;
/**
 * Saving writes the whole index (tens of MB at 10k articles), so it waits for a
 * quiet half-minute; anything lost to a crash meanwhile is found stale by its
 * stamp and reindexed at the next open.
 */
const SAVE_DELAY_MS = 30_000;
/** Work per slice before yielding to the event loop. */
const SLICE_MS = 25;

const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

/** Background jobs whose failures are listed by getProblems until they succeed again. */
export const SEARCH_PROBLEMS = {
  open: 'search.open',
  save: 'search.save',
  snippets: 'search.snippets',
} as const;

/** The stamp of each kind of document: changes whenever what the index holds for it changes. */
export function articleStamp(m: ArticleMeta): string {
  return `${m.updatedAt}|${m.contentHash}`;
}
export function passageStamp(p: Passage, article: ArticleMeta | undefined): string {
  return `${p.updatedAt}|${article?.updatedAt ?? ''}`;
}
export function noteStamp(n: NoteMeta): string {
  return n.updatedAt;
}

/**
 * Note bodies link passages as [quote](scholia://passage/<id>): the link target
 * is not prose. Blanked rather than cut, so offsets still point into the body.
 */
export function noteText(body: string): string {
  return body.replace(/\]\(scholia:\/\/[^)\s]*\)/g, (m) => ']' + ' '.repeat(m.length - 1));
}

export class LibraryIndex {
  index = new SearchIndex();
  /** The texts snippets are cut from (a cache beside the index; see snippet-texts.ts). */
  readonly texts: SnippetTexts;
  private ready: Promise<void> | undefined;
  private pending = new Set<string>();
  private flushing: Promise<void> | undefined;
  private saveTimer: NodeJS.Timeout | undefined;
  private dirty = false;
  private closed = false;
  /** How the last open went, for diagnostics and tests: 'loaded' | 'rebuilt' | 'reconciled'. */
  lastOpen: { how: 'loaded' | 'rebuilt' | 'reconciled'; reason?: string; reindexed: number } | undefined;
  private readonly log: Logger;

  constructor(private readonly ctx: CoreContext) {
    this.log = ctx.log.child({ room: 'search' });
    this.texts = new SnippetTexts(path.join(ctx.store.dir, SNIPPET_FILE), path.join(ctx.store.dir, SNIPPET_MAP_FILE));
    const on = (type: DocType) => (id: string) => this.enqueue(SearchIndex.keyOf(type, id));
    ctx.events.on('article:changed', on('article'));
    ctx.events.on('article:removed', on('article'));
    ctx.events.on('note:changed', on('note'));
    ctx.events.on('note:removed', on('note'));
    ctx.events.on('passage:changed', on('passage'));
    ctx.events.on('passage:removed', on('passage'));
  }

  get file(): string {
    return path.join(this.ctx.store.dir, INDEX_FILE);
  }

  /** Loads and reconciles once; every search awaits it. A load that failed is tried again by the next search. */
  open(): Promise<void> {
    this.ready ??= this.load().then(
      () => this.ctx.problems.resolve(SEARCH_PROBLEMS.open),
      (err: unknown) => {
        this.ready = undefined;
        this.ctx.problems.report(
          SEARCH_PROBLEMS.open,
          'The search index could not be loaded, so searching fails; each new search tries again.',
          err,
        );
        throw err;
      },
    );
    return this.ready;
  }

  /** Resolves when the index reflects every change seen so far. */
  async settled(): Promise<void> {
    await this.open();
    while (this.pending.size || this.flushing) {
      if (!this.flushing) this.flushing = this.flush().finally(() => (this.flushing = undefined));
      await this.flushing;
    }
  }

  private enqueue(key: string): void {
    this.pending.add(key);
    if (!this.ready) return; // picked up by the reconcile at open
    if (!this.flushing) {
      this.flushing = this.ready.then(() => this.flush()).finally(() => (this.flushing = undefined));
    }
  }

  private async load(): Promise<void> {
    let how: 'loaded' | 'rebuilt' | 'reconciled' = 'loaded';
    let reason: string | undefined;
    await this.texts.open();
    try {
      const buf = await readIfExists(this.file);
      if (!buf) {
        how = 'rebuilt';
        reason = 'no index file';
      } else {
        const { index, meta } = SearchIndex.deserialize(buf);
        if (meta.format !== FORMAT || meta.analyzer !== ANALYZER_VERSION) {
          how = 'rebuilt';
          reason = 'index from another version';
        } else this.index = index;
      }
    } catch (err) {
      how = 'rebuilt';
      reason = `index damaged (${(err as Error).message})`;
      this.index = new SearchIndex();
      this.log.warn('search.index.damaged', {}, err);
    }
    if (how === 'rebuilt') this.index = new SearchIndex();
    const stale = this.staleKeys();
    for (const k of stale) this.pending.add(k);
    if (how === 'loaded' && stale.length) how = 'reconciled';
    this.lastOpen = { how, reindexed: stale.length, ...(reason ? { reason } : {}) };
    this.log.debug('search.index.open', { how, reindexed: stale.length });
    await this.flush();
    // The index is built in memory and searches use it: a save that fails is reported by save(), not fatal here.
    if (how !== 'loaded') await this.save().catch(() => undefined);
    // Texts indexed before the snippet cache existed (or lost with it) are read in the background.
    if (this.ctx.mode !== 'cli') setImmediate(() => void this.backfillTexts());
  }

  /**
   * Fills the snippet cache for documents it lacks, in slices, without holding up searches.
   * Never rejects: what fails is logged, and listed as a problem until a later fill succeeds
   * (meanwhile snippets are read from the bodies, only more slowly).
   */
  private async backfillTexts(): Promise<void> {
    const missing = [...this.index.all()].filter((d) => d.type !== 'passage' && !this.texts.has(d.key, d.stamp));
    let t0 = performance.now();
    let unread = 0;
    let firstError: unknown;
    for (const doc of missing) {
      if (this.closed) return;
      if (this.index.get(doc.key) !== doc) continue; // changed meanwhile: reindexing caches it
      try {
        await this.textOf(doc);
      } catch (err) {
        unread++;
        firstError ??= err;
      }
      if (performance.now() - t0 > SLICE_MS) {
        await yieldToLoop();
        t0 = performance.now();
      }
    }
    if (unread) {
      this.ctx.problems.report(
        SEARCH_PROBLEMS.snippets,
        `The text of ${unread} document(s) could not be read for search snippets; their results show no snippet.`,
        firstError,
      );
      return;
    }
    if (!this.closed && this.texts.dirty && !(await this.saveTexts())) return;
    this.ctx.problems.resolve(SEARCH_PROBLEMS.snippets);
  }

  /** Saves the snippet cache; false (reported) when it cannot be written. */
  private async saveTexts(): Promise<boolean> {
    try {
      await this.texts.save();
      return true;
    } catch (err) {
      // A cache: the snippets it lacks are read from the bodies, so search works on; said once, by key.
      this.ctx.problems.report(
        SEARCH_PROBLEMS.snippets,
        'The search snippet cache could not be saved: results still show snippets, a little more slowly.',
        err,
      );
      return false;
    }
  }

  /** Keys whose indexed stamp differs from the store's, plus indexed keys the store no longer has. */
  private staleKeys(): string[] {
    const { store } = this.ctx;
    const want = new Map<string, string>();
    const articles = new Map(store.listArticles().map((a) => [a.id, a]));
    for (const a of articles.values()) want.set(SearchIndex.keyOf('article', a.id), articleStamp(a));
    for (const p of store.listPassages()) {
      want.set(SearchIndex.keyOf('passage', p.id), passageStamp(p, articles.get(p.articleId)));
    }
    for (const n of store.listNotes()) want.set(SearchIndex.keyOf('note', n.id), noteStamp(n));
    const out: string[] = [];
    for (const [k, stamp] of want) if (this.index.get(k)?.stamp !== stamp) out.push(k);
    for (const d of this.index.all()) if (!want.has(d.key)) out.push(d.key);
    return out;
  }

  /** Applies pending changes in slices. */
  private async flush(): Promise<void> {
    let t0 = performance.now();
    while (this.pending.size) {
      const key = this.pending.values().next().value as string;
      this.pending.delete(key);
      try {
        await this.reindex(key);
      } catch (err) {
        // An item the store cannot read now is retried at the next open (its stamp stays stale).
        this.index.remove(key);
        this.log.warn('search.reindex.failed', { key }, err);
      }
      this.dirty = true;
      if (performance.now() - t0 > SLICE_MS) {
        await yieldToLoop();
        t0 = performance.now();
      }
    }
    if (this.dirty) this.scheduleSave();
  }

  private async reindex(key: string): Promise<void> {
    const { store } = this.ctx;
    const [kind, id] = [key[0], key.slice(2)];
    if (kind === 'a') {
      const meta = store.getArticleMeta(id);
      const had = this.index.get(key);
      if (!meta) {
        this.index.remove(key);
        this.texts.drop(key);
        // The article's passages went to the trash with it.
        for (const d of [...this.index.all()]) if (d.type === 'passage' && d.articleId === id) this.index.remove(d.key);
        return;
      }
      const stamp = articleStamp(meta);
      const sameWords =
        had !== undefined &&
        had.title === meta.title &&
        had.source === meta.source &&
        had.author === meta.author &&
        had.stamp.split('|')[1] === meta.contentHash;
      if (sameWords) {
        // Tags or dates changed, not the words: no need to read the text again.
        this.texts.restamp(key, had.stamp, stamp);
        this.index.updateMeta(key, {
          tags: normalizeTags(meta.tags),
          published: meta.published,
          date: articleDate(meta),
          stamp,
        });
      } else {
        const text = (await store.getArticleBody(id))?.text ?? '';
        this.index.add(articleDoc(meta, text));
        this.texts.put(key, stamp, text);
      }
      // Passages show their article's title, source and date: keep them in step.
      for (const p of store.listPassages(id)) {
        const pk = SearchIndex.keyOf('passage', p.id);
        const ps = passageStamp(p, meta);
        if (this.index.get(pk)?.stamp !== ps) this.index.add(passageDoc(p, meta));
      }
      return;
    }
    if (kind === 'p') {
      const p = store.getPassage(id);
      if (!p) this.index.remove(key);
      else this.index.add(passageDoc(p, store.getArticleMeta(p.articleId)));
      return;
    }
    if (kind === 'n') {
      const n = await store.getNote(id);
      if (!n) {
        this.index.remove(key);
        this.texts.drop(key);
        return;
      }
      const text = noteText(n.body);
      this.texts.put(key, noteStamp(n), text);
      this.index.add({
        type: 'note',
        id: n.id,
        articleId: n.articleId,
        title: n.title,
        text,
        date: n.createdAt,
        tags: normalizeTags(n.tags),
        stamp: noteStamp(n),
      });
    }
  }

  private scheduleSave(): void {
    if (this.closed) return;
    if (this.ctx.mode === 'cli') return; // the CLI saves before it exits (see save())
    clearTimeout(this.saveTimer);
    // save() reports its own failure; an index not saved is reconciled with the library at the next open.
    this.saveTimer = setTimeout(() => void this.save().catch(() => undefined), SAVE_DELAY_MS);
    this.saveTimer.unref?.();
  }

  /**
   * Writes the index now (compacting it first). A failure is listed as a problem (until a
   * save succeeds) and rethrown: nothing is lost, as an index not saved is reconciled with
   * the library at the next open, but a disk that refuses it should be heard of.
   */
  async save(): Promise<void> {
    clearTimeout(this.saveTimer);
    if (this.closed) return;
    try {
      const bytes = this.index.serialize({
        format: FORMAT,
        analyzer: ANALYZER_VERSION,
        savedAt: this.ctx.now().toISOString(),
      });
      await writeAtomic(this.file, bytes);
    } catch (err) {
      this.ctx.problems.report(
        SEARCH_PROBLEMS.save,
        'The search index could not be saved in the library folder: searching still works, but the next start indexes the library again.',
        err,
      );
      throw err;
    }
    this.ctx.problems.resolve(SEARCH_PROBLEMS.save);
    await this.saveTexts();
    this.dirty = false;
  }

  /**
   * The text a result's snippet is cut from: from the snippet cache when it
   * holds the indexed version (a positioned read), else from the store (and
   * cached for next time).
   */
  async textOf(doc: DocRec): Promise<string> {
    const { store } = this.ctx;
    if (doc.type === 'passage') return store.getPassage(doc.id)?.quote.exact ?? '';
    const cached = this.texts.get(doc.key, doc.stamp);
    if (cached !== undefined) return cached;
    if (doc.type === 'article') {
      const meta = store.getArticleMeta(doc.id);
      const text = (await store.getArticleBody(doc.id))?.text ?? '';
      if (meta) this.texts.put(doc.key, articleStamp(meta), text);
      return text;
    }
    const n = await store.getNote(doc.id);
    if (!n) return '';
    const text = noteText(n.body);
    this.texts.put(doc.key, noteStamp(n), text);
    return text;
  }

  /** Saves outstanding changes and stops following events. */
  async close(): Promise<void> {
    if (this.ready) {
      // Closing must finish: the index and the snippet cache are rebuilt from the library when stale.
      await this.settled().catch((err: unknown) => this.log.warn('search.close.catch-up-failed', {}, err));
      if (this.dirty) await this.save().catch(() => undefined); // reported by save()
    }
    if (this.texts.dirty && !this.closed) await this.saveTexts();
    this.closed = true;
    clearTimeout(this.saveTimer);
    this.texts.close();
  }

  /** Saves now if anything changed (the CLI calls this before exiting). */
  async saveIfDirty(): Promise<void> {
    if (this.dirty) await this.save();
  }
}

function articleDate(m: ArticleMeta): string {
  return m.published ?? m.addedAt;
}

export function articleDoc(meta: ArticleMeta, text: string): IndexDoc {
  return {
    type: 'article',
    id: meta.id,
    title: meta.title,
    source: meta.source,
    author: meta.author,
    text,
    published: meta.published,
    date: articleDate(meta),
    tags: normalizeTags(meta.tags),
    stamp: articleStamp(meta),
  };
}

export function passageDoc(p: Passage, article: ArticleMeta | undefined): IndexDoc {
  return {
    type: 'passage',
    id: p.id,
    articleId: p.articleId,
    title: article?.title ?? '',
    source: article?.source ?? '',
    // A highlight is found by its comment too (the snippet stays the quote).
    text: p.comment ? `${p.quote.exact}\n\n${p.comment}` : p.quote.exact,
    indexMeta: false,
    published: article?.published ?? null,
    date: article ? articleDate(article) : p.createdAt,
    tags: normalizeTags(p.tags),
    stamp: passageStamp(p, article),
  };
}
