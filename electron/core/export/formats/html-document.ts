// The self-contained HTML document shared by the HTML and PDF formats: inline
// CSS, a Content-Security-Policy that forbids every script and remote load,
// note Markdown rendered by marked and sanitized (DOMPurify for anything beyond plain Markdown: see sanitize.ts).
import type { ArticleMeta, Note, Passage } from '../../model.js';
import { citationParts, displayDate, isWebUrl } from '../citation.js';
import type { CitationOptions, ExportBundle } from '../format.js';
import { citedHtml } from './cited-html.js';
import { formatPages } from '../../pages.js';
import { rewriteNoteBody, type RewriteContext } from '../note-rewrite.js';
import { passageIdsIn, passageUrl } from '../passage-links.js';
import { noteToSafeHtml } from '../sanitize.js';
import { bundleTitle } from '../scope.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CSS = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --rule: #d9d9de; --accent: #7a4b12; --mark: #fff3bf; }
* { box-sizing: border-box; }
body { margin: 0; background: #fbfaf7; color: var(--ink); font: 17px/1.6 Charter, "Bitstream Charter", Georgia, "Times New Roman", serif; }
main { max-width: 44rem; margin: 0 auto; padding: 3rem 1.5rem 5rem; }
header.export { border-bottom: 1px solid var(--rule); margin-bottom: 2rem; }
h1, h2, h3 { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.25; }
h1 { font-size: 2rem; margin: 0 0 .5rem; }
h2 { font-size: 1.45rem; margin: 2.5rem 0 .25rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; color: var(--muted); }
.meta, .citation { color: var(--muted); font-size: .9rem; margin: 0 0 1rem; }
nav ol { padding-left: 1.2rem; }
a { color: var(--accent); }
blockquote { margin: 1rem 0; padding: .5rem 1rem; border-left: 4px solid #e0b252; background: var(--mark); }
blockquote p:last-child { font-size: .85rem; color: var(--muted); }
ul.highlights { list-style: none; padding: 0; }
ul.highlights li { margin: 0 0 .8rem; padding-left: .8rem; border-left: 3px solid #e0b252; }
.tag { display: inline-block; padding: 0 .4rem; border: 1px solid var(--rule); border-radius: 3px; font-size: .8rem; margin-right: .25rem; }
pre, code { font: .9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f0eee8; }
pre { padding: .75rem; overflow-x: auto; }
section.item + section.item { border-top: 1px solid var(--rule); }
.orphan { color: #a33; font-style: italic; }
.footnotes, .bibliography { border-top: 1px solid var(--rule); font-size: .95rem; }
.bibliography div, .bibliography p { padding-left: 2rem; text-indent: -2rem; margin: 0 0 .6rem; }
`;

const PRINT_CSS = `
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { background: #fff; font-size: 11.5pt; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  section.item + section.item { break-before: page; }
  blockquote, li { break-inside: avoid; }
  a { color: inherit; }
}
`;

function noteAnchor(id: string): string {
  return `note-${id}`;
}
function articleAnchor(id: string): string {
  return `article-${id}`;
}

function tagsHtml(tags: string[]): string {
  return tags.map((t) => `<span class="tag">${escapeHtml(t)}</span>`).join('');
}

export interface HtmlDocumentOptions {
  print: boolean;
  appVersion?: string;
  /** When set, notes are written with their citations resolved in this CSL style (as for Word). */
  citations?: CitationOptions;
  warnings?: string[];
}

export function renderHtmlDocument(bundle: ExportBundle, opts: HtmlDocumentOptions): string {
  const inExport = new Set(bundle.articles.map((a) => a.meta.id));
  const rw: RewriteContext = {
    pages: (p) => formatPages(bundle.lookup.pages?.(p) ?? null),
    passage: bundle.lookup.passage,
    article: bundle.lookup.article,
    articleLink: (a: ArticleMeta) =>
      inExport.has(a.id) ? `[${a.title.replace(/[[\]]/g, '')}](#${encodeURIComponent(articleAnchor(a.id))})` : null,
  };
  const title = bundleTitle(bundle);
  const citing = new Map<string, Note[]>();
  for (const n of bundle.notes) {
    for (const pid of passageIdsIn(n.body)) {
      const list = citing.get(pid);
      if (list) list.push(n);
      else citing.set(pid, [n]);
    }
  }

  const noteSections = bundle.notes.map((n) => {
    const attached = n.articleId ? bundle.lookup.article(n.articleId) : undefined;
    const meta = [
      attached
        ? `On ${inExport.has(attached.id) ? `<a href="#${escapeHtml(articleAnchor(attached.id))}">${escapeHtml(attached.title)}</a>` : escapeHtml(attached.title)}`
        : '',
      `updated ${escapeHtml(displayDate(n.updatedAt))}`,
      tagsHtml(n.tags),
    ].filter(Boolean);
    const md = rewriteNoteBody(n.body, rw);
    const body = noteToSafeHtml(md);
    return `<section class="item note" id="${escapeHtml(noteAnchor(n.id))}">
<h2>${escapeHtml(n.title || 'Untitled note')}</h2>
<p class="meta">${meta.join(' · ')}</p>
<div class="body">${body}</div>
</section>`;
  });

  const byArticle = new Map<string, Passage[]>();
  for (const p of bundle.passages) {
    const list = byArticle.get(p.articleId);
    if (list) list.push(p);
    else byArticle.set(p.articleId, [p]);
  }

  const articleSections = bundle.articles.map(({ meta: a, body }) => {
    const cite = citationParts(a)
      .map((p) =>
        p === a.url && isWebUrl(a.url)
          ? `<a href="${escapeHtml(a.url)}" rel="noopener noreferrer">${escapeHtml(a.url)}</a>`
          : escapeHtml(p),
      )
      .join(', ');
    const hl = [...(byArticle.get(a.id) ?? [])].sort((x, y) => x.position.start - y.position.start);
    const hlHtml = hl.length
      ? `<h3>Highlights</h3><ul class="highlights">${hl
          .map((p) => {
            const notes = (citing.get(p.id) ?? [])
              .map((n) => `<a href="#${escapeHtml(noteAnchor(n.id))}">${escapeHtml(n.title || 'Untitled note')}</a>`)
              .join(', ');
            return `<li>“${escapeHtml(p.quote.exact)}”${p.state === 'orphan' ? ' <span class="orphan">(orphaned)</span>' : ''}${
              notes ? ` — cited in ${notes}` : ''
            } · <a href="${escapeHtml(passageUrl(p.id))}">open in Scholia</a></li>`;
          })
          .join('')}</ul>`
      : '';
    // With citations, the highlights are in the cited body above, each with its citation.
    if (opts.citations) {
      const textOnly = body?.text
        ? `<h3>Text</h3><div class="text">${body.text
            .split(/\n\s*\n/)
            .map((p) => p.trim())
            .filter(Boolean)
            .map((p) => `<p>${escapeHtml(p)}</p>`)
            .join('\n')}</div>`
        : '';
      return textOnly
        ? `<section class="item article" id="${escapeHtml(articleAnchor(a.id))}">
<h2>${escapeHtml(a.title || 'Untitled article')}</h2>
${textOnly}
</section>`
        : '';
    }
    const text = body?.text
      ? `<h3>Text</h3><div class="text">${body.text
          .split(/\n\s*\n/)
          .map((p) => p.trim())
          .filter(Boolean)
          .map((p) => `<p>${escapeHtml(p)}</p>`)
          .join('\n')}</div>`
      : '';
    return `<section class="item article" id="${escapeHtml(articleAnchor(a.id))}">
<h2>${escapeHtml(a.title || 'Untitled article')}</h2>
<p class="citation">${cite} ${tagsHtml(a.tags)}</p>
${hlHtml}
${text}
</section>`;
  });

  const toc =
    bundle.notes.length + bundle.articles.length > 1
      ? `<nav><ol>${[
          ...bundle.notes.map(
            (n) => `<li><a href="#${escapeHtml(noteAnchor(n.id))}">${escapeHtml(n.title || 'Untitled note')}</a></li>`,
          ),
          ...bundle.articles.map(
            (a) =>
              `<li><a href="#${escapeHtml(articleAnchor(a.meta.id))}">${escapeHtml(a.meta.title || 'Untitled article')}</a></li>`,
          ),
        ].join('')}</ol></nav>`
      : '';
  const summary = `Exported from Scholia${opts.appVersion ? ` ${escapeHtml(opts.appVersion)}` : ''} on ${escapeHtml(
    displayDate(bundle.exportedAt),
  )} · ${bundle.notes.length} note${bundle.notes.length === 1 ? '' : 's'} · ${bundle.articles.length} article${
    bundle.articles.length === 1 ? '' : 's'
  }`;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Scholia">
<title>${escapeHtml(title)}</title>
<style>${CSS}${opts.print ? PRINT_CSS : ''}</style>
</head>
<body>
<main>
<header class="export"><h1>${escapeHtml(title)}</h1><p class="meta">${summary}</p></header>
${opts.citations ? citedHtml(bundle, title, opts.citations, opts.warnings) : `${toc}\n${noteSections.join('\n')}`}
${articleSections.join('\n')}
</main>
</body>
</html>
`;
}
