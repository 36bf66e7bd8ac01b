// An article as a CSL-JSON item (CSL data schema 1.0.2): what citeproc formats and what the
// CSL-JSON export writes, so a copied citation and an exported one say the same.
import { authorsOf, citationKeysFor, creatorsOf, itemTypeOf } from '../citation-data.js';
import type { ArticleMeta, Creator } from '../model.js';

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export interface CslItem {
  id: string;
  type: string;
  title: string;
  'citation-key': string;
  'container-title'?: string;
  publisher?: string;
  author?: CslName[];
  editor?: CslName[];
  translator?: CslName[];
  contributor?: CslName[];
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  URL?: string;
  DOI?: string;
  ISSN?: string;
  page?: string;
  volume?: string;
  issue?: string;
  language?: string;
  keyword?: string;
}

/** [year, month?, day?] from an ISO date or timestamp; null when absent or unreadable. */
export function dateParts(iso: string | null | undefined): number[] | null {
  if (!iso) return null;
  const m = iso.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/);
  if (!m) return null;
  return [m[1], m[2], m[3]].filter((x): x is string => Boolean(x)).map(Number);
}

function name(c: Creator): CslName {
  if (c.literal) return { literal: c.literal };
  const n: CslName = {};
  if (c.family) n.family = c.family;
  if (c.given) n.given = c.given;
  return n;
}

/** One article as a CSL item keyed `key`. */
export function cslItem(a: ArticleMeta, key: string): CslItem {
  const item: CslItem = { id: key, 'citation-key': key, type: itemTypeOf(a), title: a.title || 'Untitled' };
  const container = a.containerTitle || a.source;
  if (container) item['container-title'] = container;
  // A publisher that is the container again ("Breitbart. Breitbart.") would print twice.
  if (a.publisher && a.publisher !== container) item.publisher = a.publisher;
  const creators = creatorsOf(a);
  const authors = authorsOf(a);
  if (authors.length) item.author = authors.map(name);
  for (const role of ['editor', 'translator', 'contributor'] as const) {
    const list = creators.filter((c) => c.role === role);
    if (list.length) item[role] = list.map(name);
  }
  const issued = dateParts(a.published);
  if (issued) item.issued = { 'date-parts': [issued] };
  const accessed = dateParts(a.accessed ?? a.addedAt);
  if (accessed && a.url) item.accessed = { 'date-parts': [accessed] };
  if (a.url) item.URL = a.url;
  if (a.doi) item.DOI = a.doi;
  if (a.issn) item.ISSN = a.issn;
  if (a.page) item.page = a.page;
  if (a.volume) item.volume = a.volume;
  if (a.issue) item.issue = a.issue;
  if (a.lang) item.language = a.lang;
  if (a.tags.length) item.keyword = a.tags.join(', ');
  return item;
}

/** CSL items for articles, each keyed by its pinned citation key (made for the occasion when it has none). */
export function toCsl(articles: readonly ArticleMeta[]): CslItem[] {
  const keys = citationKeysFor(articles);
  return articles.map((a) => cslItem(a, keys.get(a.id)!));
}

/** What a citation of this article will lack, in words: "no date", "no author". */
export function missingFor(a: ArticleMeta): string[] {
  const out: string[] = [];
  if (!creatorsOf(a).length) out.push('no author');
  if (!a.published) out.push('no publication date');
  if (!a.url && !a.doi && !(a.containerTitle || a.source)) out.push('no source or URL');
  return out;
}
