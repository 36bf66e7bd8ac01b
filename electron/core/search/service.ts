// This room's implementation of its part of ScholiaApi (composed in ../core.ts).
import type { CoreContext } from '../context.js';
import type { SearchApi, SearchResult } from './api.js';
import type { DocRec } from './engine.js';
import { LibraryIndex, noteText } from './library-index.js';
import { parseQuery } from './query.js';
import { makeSnippet } from './snippet.js';

const DEFAULT_LIMIT = 20;
const BODY_CACHE = 64;

export function createSearchService(ctx: CoreContext): SearchApi {
  const lib = new LibraryIndex(ctx);
  // The app starts loading the index at once, so the first keystroke finds it ready;
  // the CLI loads it only for commands that search.
  if (ctx.mode !== 'cli') void lib.open().catch(() => undefined);

  // Recently shown texts, so typing a query letter by letter does not reread the same bodies.
  const bodies = new Map<string, string>();
  const forget = (key: string) => () => bodies.delete(key);
  ctx.events.on('article:changed', (id) => forget(`a:${id}`)());
  ctx.events.on('note:changed', (id) => forget(`n:${id}`)());

  async function textOf(doc: DocRec): Promise<string> {
    const cached = bodies.get(doc.key);
    if (cached !== undefined) {
      bodies.delete(doc.key);
      bodies.set(doc.key, cached);
      return cached;
    }
    let text = '';
    if (doc.type === 'article') text = (await ctx.store.getArticleBody(doc.id))?.text ?? '';
    else if (doc.type === 'note') text = noteText((await ctx.store.getNote(doc.id))?.body ?? '');
    else text = ctx.store.getPassage(doc.id)?.quote.exact ?? '';
    if (doc.type !== 'passage') {
      bodies.set(doc.key, text);
      if (bodies.size > BODY_CACHE) bodies.delete(bodies.keys().next().value as string);
    }
    return text;
  }

  return {
    async search(query, opts) {
      const q = parseQuery(query);
      if (q.groups.length === 0 && q.exclude.length === 0) return [];
      await lib.settled();
      if (ctx.mode === 'cli') await lib.saveIfDirty();
      const limit = Math.max(1, Math.min(500, Math.floor(opts?.limit ?? DEFAULT_LIMIT)));
      const out = lib.index.search(q, limit);
      return Promise.all(
        out.hits.map(async ({ doc, score }): Promise<SearchResult> => {
          const text = await textOf(doc);
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
}
