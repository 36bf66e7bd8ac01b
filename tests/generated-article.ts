// A plain-text article record as the store keeps it, for tests and benchmarks
// that fill a library with thousands of generated articles directly (importing
// each would measure the importer instead).
import { contentHash, countWords } from '../electron/core/text.js';
import type { ArticleBody, ArticleMeta } from '../electron/core/model.js';

export interface GeneratedArticle {
  id: string;
  title: string;
  source: string;
  text: string;
  tags?: string[];
  /** ISO time it was added (default: now). */
  at?: string;
}

export function articleRecord(a: GeneratedArticle): { meta: ArticleMeta; body: ArticleBody } {
  const at = a.at ?? new Date().toISOString();
  return {
    meta: {
      id: a.id,
      title: a.title,
      source: a.source,
      author: '',
      published: null,
      url: '',
      lang: 'en',
      tags: a.tags ?? [],
      words: countWords(a.text),
      format: 'txt',
      origin: `${a.id}.txt`,
      contentHash: contentHash(a.text),
      addedAt: at,
      updatedAt: at,
    },
    body: { id: a.id, text: a.text, removed: [], original: a.text, html: '' },
  };
}
