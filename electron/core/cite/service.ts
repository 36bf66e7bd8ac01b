// This room's implementation of its part of ScholiaApi (composed in ../core.ts).
import { citationKeysFor } from '../citation-data.js';
import type { CoreContext } from '../context.js';
import type { ArticleMeta } from '../model.js';
import { StoreError } from '../store/types.js';
import type { CiteApi, CiteResult, CitationOutput } from './api.js';
import { cslItem, missingFor } from './csl-item.js';
import { formatter } from './engine.js';
import { pageLocator, pageSpan } from '../pages.js';
import { passageLocator } from './locator.js';
import {
  CitationStyleError,
  inspectStyle,
  listStyles,
  styleXml,
  USER_STYLES_SETTING,
  type UserStyle,
  userStyleId,
} from './styles.js';
import { escapeHtml, escapeRtf, rtfDocument } from './wrap.js';

export function createCiteService(ctx: CoreContext): CiteApi {
  const userStyles = (): UserStyle[] => ctx.store.getSetting<UserStyle[]>(USER_STYLES_SETTING) ?? [];

  return {
    async listCitationStyles() {
      return listStyles(userStyles());
    },

    async cite(req) {
      const style = req.styleXml ? 'custom' : (req.style ?? 'apa');
      const format: CitationOutput = req.format ?? 'text';
      if (req.styleXml) inspectStyle(req.styleXml); // a clear message for a file that is no CSL style
      const xml = req.styleXml ?? styleXml(style, userStyles());
      if (!req.passageId && !req.articleIds?.length)
        throw new CitationStyleError('Nothing to cite: give articles or a passage.');
      const metas: ArticleMeta[] = [];
      const passage = req.passageId ? ctx.store.getPassage(req.passageId) : undefined;
      if (req.passageId && !passage) throw new StoreError(`No passage with id ${req.passageId}`, 'not-found');
      const ids = passage ? [passage.articleId, ...(req.articleIds ?? [])] : (req.articleIds ?? []);
      for (const id of new Set(ids)) {
        const m = ctx.store.getArticleMeta(id);
        if (!m) throw new StoreError(`No article with id ${id}`, 'not-found');
        metas.push(m);
      }
      const keys = citationKeysFor(
        metas,
        ctx.store.listArticles().flatMap((a) => (a.citationKey ? [a.citationKey] : [])),
      );
      const items = metas.map((m) => cslItem(m, keys.get(m.id)!));
      const f = formatter(xml, items, format);
      const bibliography = f.bibliography();
      const warnings = metas.flatMap((m) => {
        const missing = missingFor(m);
        return missing.length ? [`“${m.title}” has ${missing.join(', ')}: the citation shows what it has.`] : [];
      });
      const result: CiteResult = {
        style,
        format,
        text: '',
        bibliography,
        keys: metas.map((m) => keys.get(m.id)!),
        warnings,
      };
      if (passage) {
        const body = await ctx.store.getArticleBody(passage.articleId);
        const locator =
          req.locator ??
          passageLocator(body?.text ?? '', passage.position.start, () =>
            pageLocator(pageSpan(body?.pages, passage.position.start, passage.position.end)),
          );
        const citation = f.cite(keys.get(passage.articleId)!, locator);
        const quote = passage.quote.exact.replace(/\s+/g, ' ').trim();
        result.citation = citation;
        result.quote = quote;
        if (passage.state === 'orphan')
          warnings.push('This passage is no longer found in the article’s current text: its locator may be wrong.');
        result.text = passageText(quote, citation, f.note, format);
        return result;
      }
      result.text = bibliographyText(bibliography, format);
      return result;
    },

    async addCitationStyle(fileName, xml) {
      const { title } = inspectStyle(xml);
      const id = userStyleId(fileName);
      const next = [...userStyles().filter((s) => s.id !== id), { id, title, xml }];
      // Tried once before it is kept: a style citeproc cannot read is refused now, not at each copy.
      formatter(xml, [], 'text');
      await ctx.store.setSetting(USER_STYLES_SETTING, next);
      return { id, title, builtIn: false, note: inspectStyle(xml).note };
    },

    async removeCitationStyle(id) {
      const list = userStyles();
      if (!list.some((s) => s.id === id))
        throw new CitationStyleError(`No style "${id}" of yours to remove (built-in styles stay).`, 'not-found');
      await ctx.store.setSetting(
        USER_STYLES_SETTING,
        list.filter((s) => s.id !== id),
      );
    },
  };
}

/** The quote with its citation: in the sentence for in-text styles, as a note under it for note styles. */
export function passageText(quote: string, citation: string, note: boolean, format: CitationOutput): string {
  if (format === 'html') {
    const q = `“${escapeHtml(quote)}”`;
    return note ? `<p>${q}</p>\n<p class="csl-note">${citation}</p>` : `<p>${q} ${citation}</p>`;
  }
  if (format === 'rtf') {
    const q = escapeRtf(`“${quote}”`);
    return rtfDocument(note ? [q, citation] : [`${q} ${citation}`]);
  }
  return note ? `“${quote}”\n\n${citation}` : `“${quote}” ${citation}`;
}

export function bibliographyText(entries: string[], format: CitationOutput): string {
  if (format === 'html') return `<div class="csl-bib-body">\n${entries.join('\n')}\n</div>`;
  if (format === 'rtf') return rtfDocument(entries);
  return entries.join('\n');
}
