// CSL-JSON: the citation data Zotero, Pandoc and citeproc read (CSL data schema 1.0.2).
import type { ArticleMeta } from '../../model.js';
import { toCsl as cslItems, type CslItem as BaseItem } from '../../cite/index.js';
import { pageLocator } from '../../pages.js';
import { citedSources } from '../citekeys.js';
import { safeFileName } from '../filenames.js';
import type { ExportFormat } from '../format.js';
import { bundleTitle } from '../scope.js';

export type CslItem = BaseItem & {
  /** PDF articles: how many pages the file has. */
  'number-of-pages'?: number;
  /** PDF articles: the pages of the article's highlights in this export ("12", "12–13, 20"), a citation's locator. */
  locator?: string;
};

/** What CSL-JSON learns from a PDF's page map: its length, and the pages of passages cited. */
export interface CslPages {
  pageCount(articleId: string): number | undefined;
  /** Page locators ("12", "12–13") of the exported passages of an article, in text order. */
  locators(articleId: string): string[];
}

/** CSL items (cite/csl-item.ts: structured creators, pinned keys) with what a PDF's pages add. */
export function toCsl(articles: readonly ArticleMeta[], pages?: CslPages): CslItem[] {
  const items: CslItem[] = cslItems(articles);
  articles.forEach((a, i) => {
    const item = items[i]!;
    const count = pages?.pageCount(a.id);
    if (count) item['number-of-pages'] = count;
    const locators = [...new Set(pages?.locators(a.id) ?? [])];
    if (locators.length) item.locator = locators.join(', ');
  });
  return items;
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
