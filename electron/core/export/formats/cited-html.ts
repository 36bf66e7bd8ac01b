// The notes of an HTML/PDF export with their citations resolved: the same cited document the Word
// export lays out (../cited.ts), here as HTML. Text is escaped; the only markup of ours is
// structure and footnote anchors; citeproc's HTML (citations, footnotes, bibliography entries)
// goes through the export sanitizer like any note HTML.
import { type Block, type CitationOptions, citedDocument, type Inline } from '../cited.js';
import type { ExportBundle } from '../format.js';
import { sanitizeHtml } from '../sanitize.js';

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function inlineHtml(inlines: Inline[]): string {
  let out = '';
  for (const i of inlines) {
    if (i.kind === 'citation') out += `<span class="cite">${sanitizeHtml(i.html)}</span>`;
    else if (i.kind === 'footnote') out += `<sup class="fnref"><a href="#fn-${i.n}" id="fnref-${i.n}">${i.n}</a></sup>`;
    else {
      let t = esc(i.text).replace(/\n/g, '<br>');
      if (i.code) t = `<code>${t}</code>`;
      if (i.italic) t = `<em>${t}</em>`;
      if (i.bold) t = `<strong>${t}</strong>`;
      // cited.ts keeps only http(s), mailto and scholia:// hrefs.
      if (i.href)
        t = `<a href="${esc(i.href)}"${/^https?:/i.test(i.href) ? ' rel="noopener noreferrer"' : ''}>${t}</a>`;
      out += t;
    }
  }
  return out;
}

function blocksHtml(blocks: Block[]): string {
  const out: string[] = [];
  // The open lists, outermost first (true for <ol>), each with its last item still open so a
  // deeper list nests inside it.
  const list: boolean[] = [];
  const closeLists = (depth: number): void => {
    while (list.length > depth) out.push(list.pop() ? '</li></ol>' : '</li></ul>');
  };
  for (const b of blocks) {
    if (b.kind !== 'list-item') closeLists(0);
    switch (b.kind) {
      case 'heading': {
        // The export's <h1> is its title and each note an <h2>: note headings start below.
        const level = Math.min(6, b.level + 1);
        out.push(`<h${level}>${inlineHtml(b.inlines)}</h${level}>`);
        break;
      }
      case 'quote':
        out.push(`<blockquote class="cited"><p>${inlineHtml(b.inlines)}</p></blockquote>`);
        break;
      case 'code':
        out.push(`<pre><code>${esc(b.text)}</code></pre>`);
        break;
      case 'list-item': {
        closeLists(b.depth + 1);
        if (list.length === b.depth + 1) {
          // A list of the other kind at the same depth is a new list.
          if (list[b.depth] !== b.ordered) closeLists(b.depth);
          else out.push('</li>');
        }
        while (list.length < b.depth + 1) {
          list.push(b.ordered);
          out.push(b.ordered ? `<ol start="${b.n}">` : '<ul>');
        }
        out.push(`<li>${inlineHtml(b.inlines)}`);
        break;
      }
      default:
        out.push(`<p>${inlineHtml(b.inlines)}</p>`);
    }
  }
  closeLists(0);
  return out.join('\n');
}

/**
 * The cited body of an HTML/PDF export: notes (and highlights of articles in scope) with their
 * citations, then the footnotes (note styles) and the bibliography. What could not be cited goes
 * to `warnings`, as for Word.
 */
export function citedHtml(bundle: ExportBundle, title: string, opts: CitationOptions, warnings?: string[]): string {
  const doc = citedDocument(bundle, title, opts);
  warnings?.push(...doc.problems);
  const parts = [`<section class="item cited">${blocksHtml(doc.blocks)}</section>`];
  if (doc.footnotes.length)
    parts.push(
      `<section class="footnotes"><h2>Notes</h2><ol>${doc.footnotes
        .map((f, i) => `<li id="fn-${i + 1}">${sanitizeHtml(f)} <a href="#fnref-${i + 1}">↩</a></li>`)
        .join('')}</ol></section>`,
    );
  if (doc.bibliography.length)
    parts.push(
      `<section class="bibliography"><h2>${esc(doc.bibliographyTitle)}</h2>${doc.bibliography
        .map((e) => sanitizeHtml(e))
        .join('\n')}</section>`,
    );
  return parts.join('\n');
}
