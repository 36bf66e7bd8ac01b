// BibTeX (biblatex-friendly): one entry per source, values escaped for LaTeX.
import { creatorsOf, itemTypeOf } from '../../citation-data.js';
import type { ArticleMeta, Creator, CslItemType } from '../../model.js';
import { dateParts, displayDate } from '../citation.js';
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

function nameList(creators: Creator[]): string {
  return creators
    .map((n) =>
      n.literal ? `{${escapeLatex(n.literal)}}` : `${escapeLatex(n.family ?? '')}, ${escapeLatex(n.given ?? '')}`,
    )
    .join(' and ');
}

/** The biblatex entry type of a CSL item type. */
function bibType(t: CslItemType): string {
  switch (t) {
    case 'article-newspaper':
    case 'article-magazine':
    case 'article-journal':
      return 'article';
    case 'report':
      return 'report';
    case 'book':
      return 'book';
    case 'chapter':
      return 'incollection';
    case 'thesis':
      return 'thesis';
    case 'dataset':
      return 'dataset';
    default:
      return 'online';
  }
}

export function toBibtex(articles: readonly ArticleMeta[]): string {
  const keys = citationKeys(articles);
  return articles
    .map((a) => {
      const fields: Array<[string, string]> = [];
      // Double braces keep the title's capitalisation (BibTeX styles lower-case otherwise).
      fields.push(['title', `{{${escapeLatex(a.title || 'Untitled')}}}`]);
      // Structured creators (a byline that is a date gives none): never "28, April and {2019 at 6:01 am}".
      const creators = creatorsOf(a);
      const authors = nameList(creators.filter((c) => c.role === 'author'));
      if (authors) fields.push(['author', `{${authors}}`]);
      const editors = nameList(creators.filter((c) => c.role === 'editor'));
      if (editors) fields.push(['editor', `{${editors}}`]);
      const container = a.containerTitle || a.source;
      const type = bibType(itemTypeOf(a));
      // `journal` is BibTeX's name and biblatex's alias of journaltitle; a web page's site is its organization.
      if (container) fields.push([type === 'article' ? 'journal' : 'organization', `{${escapeLatex(container)}}`]);
      if (a.publisher && a.publisher !== container) fields.push(['publisher', `{${escapeLatex(a.publisher)}}`]);
      if (a.volume) fields.push(['volume', `{${escapeLatex(a.volume)}}`]);
      if (a.issue) fields.push(['number', `{${escapeLatex(a.issue)}}`]);
      if (a.page) fields.push(['pages', `{${escapeLatex(a.page.replace(/\s*[-–]\s*/, '--'))}}`]);
      if (a.doi) fields.push(['doi', `{${escapeUrl(a.doi)}}`]);
      if (a.issn) fields.push(['issn', `{${escapeLatex(a.issn)}}`]);
      const d = dateParts(a.published);
      if (d) {
        fields.push(['year', `{${d[0]}}`]);
        if (d[1]) fields.push(['month', MONTHS[d[1] - 1] ?? `{${d[1]}}`]);
        fields.push(['date', `{${displayDate(a.published)}}`]);
      }
      if (a.url) {
        fields.push(['url', `{${escapeUrl(a.url)}}`]);
        const seen = displayDate(a.accessed ?? a.addedAt);
        if (seen) fields.push(['urldate', `{${seen}}`]);
      }
      if (a.lang) fields.push(['langid', `{${escapeLatex(a.lang)}}`]);
      // keywords is a verbatim list in biblatex: LaTeX escapes would show; only braces must go.
      if (a.tags.length) fields.push(['keywords', `{${a.tags.join(', ').replace(/[{}\\]/g, '')}}`]);
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
