// A PDF's title, authors, date, DOI and journal: from its info dictionary and XMP metadata, and
// where those are missing or junk (a producer's "Microsoft Word - draft3.docx"), from the first
// page: the largest text as the title, a DOI printed on it.
import { normaliseDate } from '../html-meta.js';
import type { Line } from './layout.js';
import type { PdfMetadata } from './read-pdf.js';

export interface PdfArticleMeta {
  title: string;
  author: string;
  published: string | null;
  doi: string;
  journal: string;
}

const DOI = /\b(10\.\d{4,9}\/[-._;()/:a-z0-9]+[a-z0-9])/i;

function str(v: unknown): string {
  if (typeof v === 'string') return v.replace(/\s+/g, ' ').trim();
  if (Array.isArray(v)) return v.map(str).filter(Boolean).join(', ');
  return '';
}

/** A title a tool wrote rather than an author: a file name, "untitled", a word processor's prefix. */
function isJunkTitle(t: string): boolean {
  return (
    t.length < 3 ||
    /^(?:untitled|title|document\d*|microsoft word\b.*|print|slide \d+|about:blank)$/i.test(t) ||
    /\.(?:pdf|docx?|odt|rtf|tex|dvi|ps|indd|qxd|html?)$/i.test(t) ||
    /^[\w-]+_[\w-]+$/.test(t)
  );
}

/** PDF dates: "D:20240131120000+01'00'" (info dictionary) or ISO 8601 (XMP). */
export function pdfDate(v: unknown): string | null {
  const s = str(v);
  const m = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(s);
  if (m) {
    const [, y, mo = '01', d = '01'] = m;
    return `${y}-${mo}-${d}`;
  }
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(s);
  return iso ? iso[1]! : normaliseDate(s);
}

/** The largest text near the top of page 1 (consecutive lines of that size), as a title. */
function titleFromFirstPage(lines: readonly Line[]): string {
  const first = lines.filter((l) => l.page === 0);
  if (first.length === 0) return '';
  const top = Math.max(...first.map((l) => l.size));
  const body = first.map((l) => l.size).sort((a, b) => a - b)[first.length >> 1]!;
  if (top < 1.15 * body) return '';
  const i = first.findIndex((l) => l.size === top);
  const parts: string[] = [];
  for (let k = i; k < first.length && first[k]!.size === top && parts.length < 4; k++) parts.push(first[k]!.text);
  return parts.join(' ').slice(0, 300);
}

export function pdfMetadata(meta: PdfMetadata, lines: readonly Line[]): PdfArticleMeta {
  const { info, xmp } = meta;
  const infoTitle = str(info.Title);
  const xmpTitle = str(xmp['dc:title']);
  const title = [xmpTitle, infoTitle].find((t) => t && !isJunkTitle(t)) ?? titleFromFirstPage(lines);
  const author = str(xmp['dc:creator']) || str(info.Author);
  const published =
    pdfDate(xmp['prism:publicationdate'] ?? xmp['prism:coverdate'] ?? xmp['dc:date']) ??
    pdfDate(info.CreationDate) ??
    null;
  const firstPage = lines
    .filter((l) => l.page === 0)
    .map((l) => l.text)
    .join('\n');
  const doiSource = [str(xmp['prism:doi']), str(xmp['dc:identifier']), str(info.doi), str(info.Subject), firstPage];
  let doi = '';
  for (const s of doiSource) {
    const m = DOI.exec(s);
    if (m) {
      doi = m[1]!.replace(/[.,;)]+$/, '');
      break;
    }
  }
  const journal = str(xmp['prism:publicationname']);
  return { title, author, published, doi, journal };
}
