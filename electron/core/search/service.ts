// This room's implementation of its part of ScholiaApi (composed in ../core.ts).
import type { CoreContext } from '../context.js';
import { liveLinks } from '../anchor/index.js';
import { storyArticles } from '../crossref/index.js';
import type { SearchApi, SearchResult } from './api.js';
import { LibraryIndex } from './library-index.js';
import type { Hit } from './records.js';
import { parseQuery, type ParsedQuery } from './query.js';
import { makeSnippet } from './snippet.js';
import type { PageMark } from '../model.js';
import { formatPages, pageAt, pageSpan } from '../pages.js';

const DEFAULT_LIMIT = 20;
const PAGE_LIMIT = 50;
/** Matches sorted by date at most (beyond, a query is too broad to page through by date). */
const MAX_DATE_SORTED = 100_000;

function newestFirst(a: string | null, b: string | null): number {
  return a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? 1 : -1;
}

export function createSearchService(ctx: CoreContext): SearchApi {
  /**
   * Filters on what other rooms hold get their ids now, once per query: story: (the stories' articles)
   * and has:contradictions (passages linked as contradicting or contradicted, and their articles).
   */
  function resolveOutside(q: ParsedQuery): void {
    for (const a of [...q.groups.flatMap((g) => g.atoms), ...q.exclude]) {
      if (a.kind !== 'filter') continue;
      if (a.key === 'story') a.ids = storyArticles(ctx, a.value);
      else if (a.key === 'has' && a.value === 'contradictions') {
        const ids = new Set<string>();
        for (const l of liveLinks(ctx)) {
          if (l.relation !== 'contradicts') continue;
          for (const pid of [l.fromId, l.toId]) {
            ids.add(pid);
            const p = ctx.store.getPassage(pid);
            if (p) ids.add(p.articleId);
          }
        }
        a.ids = ids;
      }
    }
  }

  const lib = new LibraryIndex(ctx);
  ctx.onClose?.(() => lib.close());

  // PDF articles' page maps, by article and text hash: a page of results reads each body once.
  const pageMaps = new Map<string, { hash: string; pages: PageMark[] | undefined }>();
  async function pagesOf(articleId: string): Promise<PageMark[] | undefined> {
    const meta = ctx.store.getArticleMeta(articleId);
    if (meta?.format !== 'pdf') return undefined;
    const known = pageMaps.get(articleId);
    if (known?.hash === meta.contentHash) return known.pages;
    const pages = (await ctx.store.getArticleBody(articleId).catch(() => null))?.pages;
    pageMaps.set(articleId, { hash: meta.contentHash, pages });
    return pages;
  }

  /** The page a result is on, for PDF articles and their passages. */
  async function withPage(r: SearchResult): Promise<void> {
    let span = null;
    if (r.type === 'article' && r.matchOffset !== undefined) {
      const at = pageAt(await pagesOf(r.id), r.matchOffset);
      span = at && { first: at, last: at };
    } else if (r.type === 'passage' && r.articleId) {
      const p = ctx.store.getPassage(r.id);
      if (p && p.state !== 'orphan') span = pageSpan(await pagesOf(r.articleId), p.position.start, p.position.end);
    }
    if (!span) return;
    r.page = span.first.index;
    r.pageLabel = formatPages(span);
  }
  /** Results with their snippets, in the order given. */
  function present(hits: Hit[], terms: Set<string>): Promise<SearchResult[]> {
    return Promise.all(
      hits.map(async ({ doc, score }): Promise<SearchResult> => {
        // A damaged or missing body costs its snippet, not the search.
        const text = await lib.textOf(doc).catch(() => '');
        const snip = makeSnippet(text, terms);
        const r: SearchResult = {
          type: doc.type,
          id: doc.id,
          title: doc.title || (doc.type === 'note' ? 'Untitled note' : '(untitled)'),
          score: Math.round(score * 1000) / 1000,
          snippet: snip.text,
        };
        if (doc.articleId) r.articleId = doc.articleId;
        if (doc.source) r.source = doc.source;
        if (doc.type !== 'note') r.published = doc.published;
        if (snip.offset >= 0 && doc.type !== 'passage') r.matchOffset = snip.offset;
        await withPage(r);
        return r;
      }),
    );
  }

  /** The parsed query, with the index caught up; null when there is nothing to search for. */
  async function ready(query: string): Promise<ParsedQuery | null> {
    const q = parseQuery(query);
    if (q.groups.length === 0 && q.exclude.length === 0) return null;
    resolveOutside(q);
    await lib.settled();
    // The CLI saves before it exits; one that cannot still answers (the failure is reported by save()).
    if (ctx.mode === 'cli') await lib.saveIfDirty().catch(() => undefined);
    return q;
  }

  const api: SearchApi = {
    async search(query, opts) {
      const q = await ready(query);
      if (!q) return [];
      const limit = Math.max(1, Math.min(500, Math.floor(opts?.limit ?? DEFAULT_LIMIT)));
      const out = lib.index.search(q, limit);
      return present(out.hits, out.terms);
    },

    async searchPage(query, opts) {
      const offset = Math.max(0, Math.floor(opts?.offset ?? 0));
      const limit = Math.max(1, Math.min(500, Math.floor(opts?.limit ?? PAGE_LIMIT)));
      // A full results view is not typing: the last word is complete, never a prefix.
      const q = await ready(query.trimEnd() + ' ');
      if (!q) return { results: [], total: 0, offset };
      let out = lib.index.search(q, offset + limit);
      if (opts?.sort === 'date') {
        // Newest first needs every match ranked by date, not the best few.
        if (out.total > out.hits.length) out = lib.index.search(q, Math.min(out.total, MAX_DATE_SORTED));
        const hits = [...out.hits].sort((a, b) => newestFirst(a.doc.date, b.doc.date) || b.score - a.score);
        return { results: await present(hits.slice(offset, offset + limit), out.terms), total: out.total, offset };
      }
      return { results: await present(out.hits.slice(offset), out.terms), total: out.total, offset };
    },
  };

  // The app starts loading the index at once, so the first keystroke finds it ready,
  // then runs a few throwaway searches so the first real ones do not pay for compiling
  // and lazily built tables (the first single-letter search of a session took 40-60 ms,
  // later ones 3-6). The CLI loads the index only for commands that search.
  if (ctx.mode !== 'cli') {
    void lib
      .open()
      .then(async () => {
        for (const q of WARM_UP) {
          await new Promise((r) => setImmediate(r));
          await api.search(q);
        }
      })
      // A load that failed is reported by lib.open() (a problem, logged) and tried again by the next search.
      .catch((err: unknown) => ctx.log.warn('search.warm-up.failed', { room: 'search' }, err));
  }
  return api;
}

/** Typed letter by letter, a query is a run of prefix searches: warm those paths. */
const WARM_UP = ['e', 'st', 'th', 'a b', 'the s', 'report', 'report t'];
