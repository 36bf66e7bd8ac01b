// The "paper" layout of the PDF evaluation: a two-column article as journals print them, made from
// real text (the Cranfield collection's aeronautics abstracts, titles, authors and bibliographic
// lines). Title and authors across both columns, numbered section headings, body paragraphs with
// superscript footnote marks and their footnotes at the bottom of the column, figure boxes with
// "Figure N." captions, and a numbered reference list. Chromium lays the pages out (a small
// script in the page fills each column and splits paragraphs across columns and pages, as TeX
// does); what was printed, and as what, is the ground truth for token F1 and for the marks.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser } from '@playwright/test';

export type PaperPart = 'title' | 'author' | 'heading' | 'body' | 'footnote' | 'caption' | 'reference';

export interface PaperParagraph {
  text: string;
  /** A footnote on this paragraph: its mark goes after the paragraph's first sentence. */
  footnote?: string;
}

export interface PaperSection {
  heading: string;
  paragraphs: PaperParagraph[];
  /** A figure (a drawn box) with this caption, after the section's first paragraph. */
  figure?: string;
}

export interface PaperDoc {
  title: string;
  authors: string;
  abstract: string;
  sections: PaperSection[];
  references: string[];
}

interface Cranfield {
  id: string;
  title: string;
  text: string;
  author?: string;
  bib?: string;
}

/** Cranfield is lower case with spaced stops ("flow ."): sentences as a journal prints them. */
export function tidy(s: string): string {
  const t = s
    .replace(/\s+([.,;:)])/g, '$1')
    .replace(/\(\s+/g, '(')
    .replace(/\s+/g, ' ')
    .trim();
  return t.replace(/(^|[.?!]\s+)(\p{Ll})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}

/** The abstract without its title repeated at the start (Cranfield's text begins with it). */
function bodyOf(d: Cranfield): string {
  const t = d.text.trim();
  const title = d.title.trim();
  return tidy(t.startsWith(title) ? t.slice(title.length) : t);
}

function authorName(a: string): string {
  // "brenckman,m." -> "M. Brenckman"; "smith,a.b. and jones,c." -> "A. B. Smith and C. Jones"
  return a
    .split(/\s+and\s+/)
    .map((one) => {
      const [family = '', given = ''] = one.split(',');
      const cap = (w: string) => w.replace(/(^|[\s.'-])(\p{Ll})/gu, (_, p: string, c: string) => p + c.toUpperCase());
      const initials = given
        .split('.')
        .filter(Boolean)
        .map((g) => `${g.trim().toUpperCase()}.`)
        .join(' ');
      return `${initials} ${cap(family.trim())}`.trim();
    })
    .join(' and ');
}

function firstSentence(s: string): string {
  const m = /^.*?[.!?](?=\s|$)/.exec(s);
  return (m ? m[0] : s).trim();
}

const SECTIONS = ['Introduction', 'Method', 'Results', 'Discussion', 'Conclusions'];

/** Papers from the collection: each uses ~14 documents (abstract, sections, notes, captions, references). */
export function cranfieldPapers(file: string, count: number): PaperDoc[] {
  const docs = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Cranfield)
    .filter((d) => d.text.trim().length > 300 && d.author && d.bib);
  const papers: PaperDoc[] = [];
  let i = 0;
  const next = () => docs[i++ % docs.length]!;
  for (let p = 0; p < count; p++) {
    const lead = next();
    const refs: Cranfield[] = [lead];
    const sections: PaperSection[] = SECTIONS.map((name, s) => {
      const paragraphs: PaperParagraph[] = [];
      for (let k = 0; k < (s === 0 || s === 2 ? 3 : 2); k++) {
        const d = next();
        refs.push(d);
        const para: PaperParagraph = { text: `${bodyOf(d)} [${refs.length}]` };
        // Every third paragraph carries a footnote: the first sentence of another abstract.
        if ((s * 3 + k) % 3 === 1) para.footnote = firstSentence(bodyOf(next()));
        paragraphs.push(para);
      }
      const section: PaperSection = { heading: `${s + 1}. ${name}`, paragraphs };
      if (s === 1 || s === 2) {
        const fig = next();
        section.figure = `${s === 1 ? 'Figure' : 'Fig.'} ${s}. ${tidy(fig.title).replace(/\.$/, '')}.`;
      }
      return section;
    });
    for (let k = 0; k < 4; k++) refs.push(next());
    papers.push({
      title: tidy(lead.title).replace(/\.$/, ''),
      authors: [...new Set(refs.slice(0, 3).map((d) => authorName(d.author!)))].join(', '),
      abstract: bodyOf(lead),
      sections,
      references: refs.map((d, k) => `[${k + 1}] ${authorName(d.author!)}. ${tidy(d.title)} ${tidy(d.bib!)}`),
    });
  }
  return papers;
}

/** Every printed piece in reading order, with what it is (footnotes after their paragraph). */
export function paperParts(doc: PaperDoc): { part: PaperPart; text: string }[] {
  const out: { part: PaperPart; text: string }[] = [
    { part: 'title', text: doc.title },
    { part: 'author', text: doc.authors },
    { part: 'heading', text: 'Abstract' },
    { part: 'body', text: doc.abstract },
  ];
  let note = 0;
  for (const s of doc.sections) {
    out.push({ part: 'heading', text: s.heading });
    s.paragraphs.forEach((para, k) => {
      if (para.footnote) {
        note++;
        const first = firstSentence(para.text);
        out.push({ part: 'body', text: `${first}${note} ${para.text.slice(first.length).trim()}` });
        out.push({ part: 'footnote', text: `${note} ${para.footnote}` });
      } else out.push({ part: 'body', text: para.text });
      if (k === 0 && s.figure) out.push({ part: 'caption', text: s.figure });
    });
  }
  out.push({ part: 'heading', text: 'References' });
  for (const r of doc.references) out.push({ part: 'reference', text: r });
  return out;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const STYLE = `
  @page { size: A4; margin: 0; }
  html, body { margin: 0; padding: 0; }
  body { font-family: 'DejaVu Serif', 'Liberation Serif', serif; font-size: 9.5pt; line-height: 1.3; }
  .page { box-sizing: border-box; width: 210mm; height: 296mm; padding: 10mm 16mm 8mm; display: flex;
          flex-direction: column; overflow: hidden; break-after: page; }
  .running { font-family: sans-serif; font-size: 7.5pt; color: #444; height: 12mm; }
  .folio { font-family: sans-serif; font-size: 8pt; color: #444; height: 10mm; padding-top: 4mm; text-align: center; }
  .front { text-align: center; margin-bottom: 10pt; }
  h1 { font-size: 16pt; line-height: 1.2; margin: 0 0 6pt; }
  .authors { font-size: 10.5pt; margin: 0 0 8pt; }
  .abstract { font-size: 9pt; text-align: justify; margin: 0 18mm; }
  .abstract b { display: block; text-align: center; margin-bottom: 2pt; }
  .cols { flex: 1; display: flex; gap: 7mm; min-height: 0; }
  .col { flex: 1; display: flex; flex-direction: column; min-width: 0; min-height: 0; }
  .flow { flex: 1; min-height: 0; overflow: hidden; text-align: justify; }
  .notes { flex: none; font-size: 7.5pt; line-height: 1.25; }
  .notes:not(:empty) { border-top: 0.6pt solid #000; width: 100%; padding-top: 3pt; margin-top: 4pt; }
  .notes:not(:empty)::before { content: none; }
  .notes p { margin: 0 0 2pt; text-align: justify; }
  h2 { font-size: 11pt; margin: 9pt 0 4pt; }
  p { margin: 0; }
  p.b + p.b { text-indent: 1.2em; }
  p.cont { text-indent: 0 !important; }
  sup { font-size: 65%; line-height: 0; }
  .figure { margin: 6pt 0 8pt; }
  .figure .box { height: 34mm; border: 0.8pt solid #333; background: repeating-linear-gradient(45deg, #eee 0 4pt, #fff 4pt 8pt); }
  .figure p { font-size: 8.5pt; margin-top: 4pt; text-align: justify; }
  p.ref { font-size: 8.5pt; padding-left: 1.6em; text-indent: -1.6em; margin: 0 0 2pt; }
`;

/** Runs in the page: fills the columns with the pieces, splitting paragraphs by words where a column ends. */
function layoutScript(): void {
  type Piece = { kind: string; text: string; note?: string; noteN?: number; markAt?: number };
  const w = window as unknown as { __pieces: Piece[]; __front: string; __header: string };
  const pieces = w.__pieces;
  let flow!: HTMLElement;
  let notes!: HTMLElement;
  const cols: { flow: HTMLElement; notes: HTMLElement }[] = [];
  const newPage = (front: boolean) => {
    const page = document.createElement('div');
    page.className = 'page';
    const head = document.createElement('div');
    head.className = 'running';
    head.textContent = w.__header;
    page.append(head);
    if (front) page.insertAdjacentHTML('beforeend', w.__front);
    const row = document.createElement('div');
    row.className = 'cols';
    for (let c = 0; c < 2; c++) {
      const col = document.createElement('div');
      col.className = 'col';
      const f = document.createElement('div');
      f.className = 'flow';
      const n = document.createElement('div');
      n.className = 'notes';
      col.append(f, n);
      row.append(col);
      cols.push({ flow: f, notes: n });
    }
    const foot = document.createElement('div');
    foot.className = 'folio';
    foot.textContent = String(document.querySelectorAll('.page').length + 1);
    page.append(row, foot);
    document.body.append(page);
  };
  let ci = -1;
  const nextColumn = () => {
    ci++;
    if (ci >= cols.length) newPage(cols.length === 0);
    ({ flow, notes } = cols[ci]!);
  };
  const fits = () => flow.scrollHeight <= flow.clientHeight + 0.5;
  const noteEl = (n: number, text: string) => {
    const p = document.createElement('p');
    p.innerHTML = `<sup>${n}</sup>`;
    p.append(document.createTextNode(` ${text}`));
    return p;
  };
  const fill = (el: HTMLElement, words: string[], k: number, markAt: number | undefined, n: number | undefined) => {
    el.textContent = '';
    if (markAt !== undefined && markAt <= k) {
      el.append(document.createTextNode(words.slice(0, markAt).join(' ')));
      const sup = document.createElement('sup');
      sup.textContent = String(n);
      el.append(sup);
      if (k > markAt) el.append(document.createTextNode(` ${words.slice(markAt, k).join(' ')}`));
    } else el.append(document.createTextNode(words.slice(0, k).join(' ')));
  };
  nextColumn();
  for (const piece of pieces) {
    if (piece.kind === 'heading' || piece.kind === 'figure') {
      const el = document.createElement('div');
      el.innerHTML = piece.text;
      const node = el.firstElementChild as HTMLElement;
      flow.append(node);
      if (!fits() && flow.children.length > 1) {
        node.remove();
        nextColumn();
        flow.append(node);
      }
      continue;
    }
    // A paragraph (body or reference), split across columns as often as it needs.
    let words = piece.text.split(' ');
    let markAt = piece.markAt;
    let cont = false;
    while (words.length) {
      const el = document.createElement('p');
      el.className = piece.kind + (cont ? ' cont' : '');
      let note: HTMLElement | null = null;
      if (markAt !== undefined && piece.note) {
        note = noteEl(piece.noteN!, piece.note);
        notes.append(note);
      }
      flow.append(el);
      fill(el, words, words.length, markAt, piece.noteN);
      if (fits()) break;
      let lo = 0;
      let hi = words.length;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        fill(el, words, mid, markAt, piece.noteN);
        if (fits()) lo = mid;
        else hi = mid - 1;
      }
      if (lo < 3) {
        el.remove();
        note?.remove();
        nextColumn();
        continue;
      }
      if (markAt !== undefined && markAt > lo) note?.remove();
      fill(el, words, lo, markAt, piece.noteN);
      words = words.slice(lo);
      if (markAt !== undefined) markAt = markAt > lo ? markAt - lo : undefined;
      cont = true;
      nextColumn();
    }
  }
}

/** Prints a paper with Chromium, a running header and page numbers in the margins as eval:pdf does. */
export async function printPaper(browser: Browser, doc: PaperDoc): Promise<Uint8Array> {
  const pieces: { kind: string; text: string; note?: string; noteN?: number; markAt?: number }[] = [];
  let note = 0;
  for (const s of doc.sections) {
    pieces.push({ kind: 'heading', text: `<h2>${esc(s.heading)}</h2>` });
    s.paragraphs.forEach((para, k) => {
      const piece: (typeof pieces)[number] = { kind: 'b', text: para.text };
      if (para.footnote) {
        piece.note = para.footnote;
        piece.noteN = ++note;
        piece.markAt = firstSentence(para.text).split(' ').length;
      }
      pieces.push(piece);
      if (k === 0 && s.figure)
        pieces.push({
          kind: 'figure',
          text: `<div class="figure"><div class="box"></div><p>${esc(s.figure)}</p></div>`,
        });
    });
  }
  pieces.push({ kind: 'heading', text: '<h2>References</h2>' });
  for (const r of doc.references) pieces.push({ kind: 'ref', text: r });
  const front = `<div class="front"><h1>${esc(doc.title)}</h1><div class="authors">${esc(doc.authors)}</div>
<div class="abstract"><b>Abstract</b>${esc(doc.abstract)}</div></div>`;
  const page = await browser.newPage();
  try {
    await page.setContent(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(doc.title)}</title>
<style>${STYLE}</style></head><body></body></html>`);
    await page.evaluate(
      ({ pieces, front, header, script }) => {
        const w = window as unknown as { __pieces: unknown; __front: string; __header: string };
        w.__pieces = pieces;
        w.__front = front;
        w.__header = header;
        // The layout function travels as source (page.evaluate cannot close over module scope);
        // __name is what tsx's transform may wrap named functions in.
        new Function(`var __name = (f) => f; (${script})()`)();
      },
      { pieces, front, header: `Cranfield test print · ${doc.title}`, script: layoutScript.toString() },
    );
    const pdf = await page.pdf({
      width: '210mm',
      height: '297mm',
      printBackground: true,
      margin: { top: '0', bottom: '0', left: '0', right: '0' },
    });
    return new Uint8Array(pdf);
  } finally {
    await page.close();
  }
}

/** Prints papers with one Chromium of its own. */
export async function printPapers(docs: PaperDoc[]): Promise<Uint8Array[]> {
  const { chromium } = await import('@playwright/test');
  const { chromiumPath, CHROMIUM_ARGS } = await import('../tests/e2e/chromium.js');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    const out: Uint8Array[] = [];
    for (const d of docs) out.push(await printPaper(browser, d));
    return out;
  } finally {
    await browser.close();
  }
}

export const MARKED = ['footnote', 'caption', 'reference'] as const;
export type MarkedKind = (typeof MARKED)[number];

export interface MarkCounts {
  /** Blocks Scholia marked as the kind. */
  marked: number;
  /** Of those, how many are a printed piece of that kind. */
  right: number;
  /** Printed pieces of the kind, and how many of them a block of the kind holds. */
  printed: number;
  found: number;
}

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Same text, give or take a few tokens (a mark glued to a word, a hyphen undone). */
function sameText(a: string, b: string, threshold = 0.9): boolean {
  const x = words(a);
  const y = words(b);
  if (!x.length || !y.length) return false;
  const counts = new Map<string, number>();
  for (const t of y) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of x) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      overlap++;
      counts.set(t, c - 1);
    }
  }
  return (2 * overlap) / (x.length + y.length) >= threshold;
}

/** Marked blocks against the printed pieces: each block right if it is one printed piece of its kind. */
export function markCounts(
  parts: { part: PaperPart; text: string }[],
  blocks: { kind: string; text: string }[],
): Record<MarkedKind, MarkCounts> {
  const out = {} as Record<MarkedKind, MarkCounts>;
  for (const kind of MARKED) {
    const printed = parts.filter((p) => p.part === kind).map((p) => p.text);
    const marked = blocks.filter((b) => b.kind === kind).map((b) => b.text);
    const used = new Set<number>();
    let right = 0;
    for (const m of marked) {
      const k = printed.findIndex((p, i) => !used.has(i) && sameText(m, p));
      if (k >= 0) {
        used.add(k);
        right++;
      }
    }
    out[kind] = { marked: marked.length, right, printed: printed.length, found: used.size };
  }
  return out;
}

/** Printed body paragraphs that come out as one paragraph of the text, whole. */
export function wholeParagraphs(parts: { part: PaperPart; text: string }[], paragraphs: string[]): number {
  const bodies = parts.filter((p) => p.part === 'body');
  return bodies.filter((b) => paragraphs.some((p) => sameText(p, b.text, 0.97))).length / Math.max(1, bodies.length);
}

/** Text for troff: no line may begin a request, backslashes are literal. */
function troff(s: string): string {
  return `\\&${s.replace(/\\/g, '\\e')}`;
}

/**
 * The same paper as groff's ms macros typeset it (`groff -ms -Tpdf`): a second, independent
 * printer with TeX-like habits Chromium lacks (hyphenation at line ends, footnotes numbered and set
 * by the macros at the foot of the column, a running page number).
 */
export function paperMs(doc: PaperDoc): string {
  const out: string[] = [
    '.nr PS 10',
    '.nr VS 12',
    '.nr FPS 8',
    '.nr FVS 10',
    '.TL',
    troff(doc.title),
    '.AU',
    troff(doc.authors),
    '.AB',
    troff(doc.abstract),
    '.AE',
    '.2C',
  ];
  for (const s of doc.sections) {
    out.push('.SH', troff(s.heading));
    s.paragraphs.forEach((para, k) => {
      out.push('.PP');
      if (para.footnote) {
        const first = firstSentence(para.text);
        out.push(
          `${troff(first)}\\**`,
          troff(para.text.slice(first.length).trim()),
          '.FS',
          troff(para.footnote),
          '.FE',
        );
      } else out.push(troff(para.text));
      if (k === 0 && s.figure)
        out.push(
          '.KS',
          '.sp 0.3v',
          "\\D'l 2.9i 0'\\D'l 0 1.1i'\\D'l -2.9i 0'\\D'l 0 -1.1i'",
          '.sp 1.3i',
          '.LP',
          `\\s-1${troff(s.figure)}\\s0`,
          '.KE',
        );
    });
  }
  out.push('.SH', 'References');
  for (const r of doc.references) {
    const m = /^(\[\d+\])\s+(.*)$/.exec(r)!;
    out.push(`.IP ${m[1]} 4n`, troff(m[2]!));
  }
  return `${out.join('\n')}\n`;
}

/** groff's PDF output, or null when gropdf is not installed (a full `groff` package). */
export function printPaperGroff(doc: PaperDoc): Uint8Array | null {
  try {
    const pdf = execFileSync('groff', ['-ms', '-Tpdf'], {
      input: paperMs(doc),
      maxBuffer: 64 << 20,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    return pdf.length ? new Uint8Array(pdf) : null;
  } catch {
    return null;
  }
}
