// CSL-JSON: the citation data Zotero, Pandoc and citeproc read (CSL data schema 1.0.2).
import type { ArticleMeta } from '../../model.js';
import { pageLocator } from '../../pages.js';
import { dateParts, parseAuthors } from '../citation.js';
import { citationKeys, citedSources } from '../citekeys.js';
import { safeFileName } from '../filenames.js';
import type { ExportFormat } from '../format.js';
import { bundleTitle } from '../scope.js';

export interface CslItem {
  id: string;
  type: string;
  title: string;
  'citation-key': string;
  'container-title'?: string;
  author?: Array<{ family?: string; given?: string; literal?: string }>;
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  URL?: string;
  language?: string;
  keyword?: string;
  /** PDF articles: how many pages the file has. */
  'number-of-pages'?: number;
  /** PDF articles: the pages of the article's highlights in this export ("12", "12–13, 20"), a citation's locator. */
  locator?: string;
}

/** What CSL-JSON learns from a PDF's page map: its length, and the pages of passages cited. */
export interface CslPages {
  pageCount(articleId: string): number | undefined;
  /** Page locators ("12", "12–13") of the exported passages of an article, in text order. */
  locators(articleId: string): string[];
}

function cslType(a: ArticleMeta): string {
  if (a.source && a.url) return 'article-newspaper';
  if (a.url) return 'webpage';
  return 'document';
}

export function toCsl(articles: readonly ArticleMeta[], pages?: CslPages): CslItem[] {
  const keys = citationKeys(articles);
  return articles.map((a) => {
    const key = keys.get(a.id)!;
    const item: CslItem = { id: key, 'citation-key': key, type: cslType(a), title: a.title || 'Untitled' };
    if (a.source) item['container-title'] = a.source;
    const authors = parseAuthors(a.author);
    if (authors.length) item.author = authors;
    const issued = dateParts(a.published);
    if (issued) item.issued = { 'date-parts': [issued] };
    const accessed = dateParts(a.addedAt);
    if (accessed) item.accessed = { 'date-parts': [accessed] };
    if (a.url) item.URL = a.url;
    if (a.lang) item.language = a.lang;
    if (a.tags.length) item.keyword = a.tags.join(', ');
    const count = pages?.pageCount(a.id);
    if (count) item['number-of-pages'] = count;
    const locators = [...new Set(pages?.locators(a.id) ?? [])];
    if (locators.length) item.locator = locators.join(', ');
    return item;
  });
}

export const cslFormat: ExportFormat = {
  id: 'csl',
  label: 'CSL-JSON citations (Zotero, Pandoc)',
  extension: 'json',
  mime: 'application/vnd.citationstyles.csl+json',
  output: 'file',
  needsBodies: false,
  render(bundle) {
    const pages: CslPages = {
      pageCount: (id) => bundle.lookup.pageMap?.(id)?.length,
      locators: (id) =>
        bundle.passages
          .filter((p) => p.articleId === id)
          .sort((x, y) => x.position.start - y.position.start)
          .map((p) => pageLocator(bundle.lookup.pages?.(p) ?? null))
          .filter(Boolean),
    };
    const text = JSON.stringify(toCsl(citedSources(bundle), pages), null, 2);
    return [{ path: safeFileName(`${bundleTitle(bundle)} citations`, 'csl.json'), mime: this.mime, text }];
  },
};
