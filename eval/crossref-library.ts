// A read-only library of plain texts behind the LibraryStore interface, so the
// evaluation and the benchmark drive the real cross-source service
// (index, candidates, matching) without importing thousands of files first.
import { createCoreContext, type CoreContext } from '../electron/core/context.js';
import type { ArticleBody, ArticleMeta, Passage } from '../electron/core/model.js';
import type { LibraryStore } from '../electron/core/store/types.js';

export interface TextDoc {
  id: string;
  title: string;
  source: string;
  published?: string | null;
  text: string;
}

export function textLibrary(docs: TextDoc[], passages: Passage[] = []): CoreContext {
  const metas = new Map<string, ArticleMeta>();
  const bodies = new Map<string, ArticleBody>();
  for (const d of docs) {
    metas.set(d.id, {
      id: d.id,
      title: d.title,
      source: d.source,
      author: '',
      published: d.published ?? null,
      url: '',
      lang: 'en',
      tags: [],
      words: 0,
      format: 'txt',
      origin: d.id,
      contentHash: String(d.text.length),
      addedAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    });
    bodies.set(d.id, { id: d.id, text: d.text, removed: [], original: d.text, html: '' });
  }
  const store: Partial<LibraryStore> = {
    dir: '/memory',
    listArticles: () => [...metas.values()],
    getArticleMeta: (id) => metas.get(id),
    getArticleBody: async (id) => bodies.get(id),
    listPassages: (articleId) => passages.filter((p) => !articleId || p.articleId === articleId),
    getPassage: (id) => passages.find((p) => p.id === id),
  };
  return createCoreContext({ store: store as LibraryStore, mode: 'cli' });
}
