// BibTeX (biblatex-friendly): one entry per source, values escaped for LaTeX.
import type { ArticleMeta } from '../../model.js';
import { dateParts, displayDate, parseAuthors } from '../citation.js';
import { citationKeys, citedSources } from '../citekeys.js';
import { safeFileName } from '../filenames.js';
import type { ExportFormat } from '../format.js';
import { bundleTitle } from '../scope.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Escapes LaTeX's special characters so a title like "R&D: 50% of $" survives and braces stay balanced. */
export function escapeLatex(s: string): string {
  return s
    .replace(/[\\{}&%$#_~^]/g, (c) =>
      c === '\\'
        ? '\\textbackslash{}'
        : c === '~'
          ? '\\textasciitilde{}'
          : c === '^'
            ? '\\textasciicircum{}'
            : `\\${c}`,
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/** URLs are verbatim in biblatex: only characters that would break the entry are percent-encoded. */
function escapeUrl(u: string): string {
  return u.replace(/[{}\\\s]/g, (c) => encodeURIComponent(c));
}

function nameList(byline: string): string {
  return parseAuthors(byline)
    .map((n) =>
      n.literal ? `{${escapeLatex(n.literal)}}` : `${escapeLatex(n.family ?? '')}, ${escapeLatex(n.given ?? '')}`,
    )
    .join(' and ');
}

export function toBibtex(articles: readonly ArticleMeta[]): string {
  const keys = citationKeys(articles);
  return articles
    .map((a) => {
      const fields: Array<[string, string]> = [];
      // Double braces keep the title's capitalisation (BibTeX styles lower-case otherwise).
      fields.push(['title', `{{${escapeLatex(a.title || 'Untitled')}}}`]);
      const authors = nameList(a.author);
      if (authors) fields.push(['author', `{${authors}}`]);
      if (a.source) fields.push(['journal', `{${escapeLatex(a.source)}}`]);
      const d = dateParts(a.published);
      if (d) {
        fields.push(['year', `{${d[0]}}`]);
        if (d[1]) fields.push(['month', MONTHS[d[1] - 1] ?? `{${d[1]}}`]);
        fields.push(['date', `{${displayDate(a.published)}}`]);
      }
      if (a.url) {
        fields.push(['url', `{${escapeUrl(a.url)}}`]);
        const seen = displayDate(a.addedAt);
        if (seen) fields.push(['urldate', `{${seen}}`]);
      }
      if (a.lang) fields.push(['langid', `{${escapeLatex(a.lang)}}`]);
      // keywords is a verbatim list in biblatex: LaTeX escapes would show; only braces must go.
      if (a.tags.length) fields.push(['keywords', `{${a.tags.join(', ').replace(/[{}\\]/g, '')}}`]);
      const type = a.source ? 'article' : 'online';
      return `@${type}{${keys.get(a.id)},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}\n`;
    })
    .join('\n');
}

export const bibtexFormat: ExportFormat = {
  id: 'bibtex',
  label: 'BibTeX citations (LaTeX, Zotero)',
  extension: 'bib',
  mime: 'application/x-bibtex',
  output: 'file',
  needsBodies: false,
  render(bundle) {
    return [
      {
        path: safeFileName(`${bundleTitle(bundle)} citations`, 'bib'),
        mime: this.mime,
        text: toBibtex(citedSources(bundle)),
      },
    ];
  },
};
