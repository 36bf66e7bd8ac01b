// What the search index holds about each document, shared by the index
// (search-index.ts), ranking, query expansion and the codec.
import type { PostingList } from './postings.js';
import { words } from './text.js';

export type DocType = 'article' | 'passage' | 'note';

/** A document as handed to the index. */
export interface IndexDoc {
  type: DocType;
  id: string;
  /** The article an article's passage (or an attached note) belongs to. */
  articleId?: string | null;
  /** Display title (for a passage: its article's title). */
  title: string;
  source?: string;
  author?: string;
  text: string;
  /** When false only `text` is indexed (passages: the quote is the document; the title is its article's). */
  indexMeta?: boolean;
  published?: string | null;
  /** The date filters use: publication date, else when the item was made (YYYY-MM-DD...). */
  date?: string | null;
  tags?: string[];
  /** Any string that changes when the document changes (e.g. updatedAt): stale entries are reindexed. */
  stamp: string;
}

export interface DocRec {
  key: string;
  type: DocType;
  id: string;
  articleId: string | null;
  title: string;
  source: string;
  author: string;
  published: string | null;
  date: string | null;
  tags: string[];
  stamp: string;
  lens: [number, number, number, number];
  /** The source's folded words, for source: filters. */
  sourceWords: string;
  /** The document's most frequent terms and their counts: what query expansion draws on. */
  sig: string[];
  sigTf: number[];
}

export interface Hit {
  doc: DocRec;
  score: number;
}

export interface SearchOutcome {
  hits: Hit[];
  /** Every index term the query matched (expansions included): what snippets highlight. */
  terms: Set<string>;
  /** Total documents that matched (before the limit). */
  total: number;
}

/** Fields in index order. */
export const FIELDS = ['title', 'source', 'author', 'text'] as const;
export const NF = FIELDS.length;

export interface TermEntry {
  /** Documents containing the term in any field (deleted documents count until compaction). */
  df: number;
  lists: (PostingList | undefined)[];
}

/** BM25's inverse document frequency over `n` documents (removed ones count until compaction). */
export function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

export function dateNumber(date: string | null): number {
  if (!date) return 0;
  const n = Number(date.slice(0, 10).replace(/-/g, ''));
  return Number.isFinite(n) ? n : 0;
}

/** Every record built with the same shape (property order), which keeps property reads fast in the hot loops. */
export function makeRec(r: Omit<DocRec, 'sourceWords'>): DocRec {
  return {
    key: r.key,
    type: r.type,
    id: r.id,
    articleId: r.articleId,
    title: r.title,
    source: r.source,
    author: r.author,
    published: r.published,
    date: r.date,
    tags: r.tags,
    stamp: r.stamp,
    lens: r.lens,
    sourceWords: ' ' + words(r.source).join(' ') + ' ',
    sig: r.sig,
    sigTf: r.sigTf,
  };
}
