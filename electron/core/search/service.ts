// This room's implementation of its part of ScholiaApi (composed in ../core.ts).
import type { CoreContext } from '../context.js';
import type { SearchApi, SearchResult } from './api.js';
import { LibraryIndex } from './library-index.js';
import { parseQuery } from './query.js';
import { makeSnippet } from './snippet.js';

const DEFAULT_LIMIT = 20;

export function createSearchService(ctx: CoreContext): SearchApi {
  const lib = new LibraryIndex(ctx);
  ctx.onClose?.(() => lib.close());
  const api: SearchApi = {
    async search(query, opts) {
      const q = parseQuery(query);
      if (q.groups.length === 0 && q.exclude.length === 0) return [];
      await lib.settled();
      if (ctx.mode === 'cli') await lib.saveIfDirty();
      const limit = Math.max(1, Math.min(500, Math.floor(opts?.limit ?? DEFAULT_LIMIT)));
      const out = lib.index.search(q, limit);
      return Promise.all(
        out.hits.map(async ({ doc, score }): Promise<SearchResult> => {
          // A damaged or missing body costs its snippet, not the search.
          const text = await lib.textOf(doc).catch(() => '');
          const snip = makeSnippet(text, out.terms);
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
          return r;
        }),
      );
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
      .catch(() => undefined); // warm-up is for speed only: a library that cannot load says so at the first search
  }
  return api;
}

/** Typed letter by letter, a query is a run of prefix searches: warm those paths. */
const WARM_UP = ['e', 'st', 'th', 'a b', 'the s', 'report', 'report t'];
