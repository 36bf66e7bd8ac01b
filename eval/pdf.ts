// `npm run eval:pdf`: PDF text extraction on PDFs with known text. BBC and BASIL news articles and
// the CommonMark spec are printed to PDF by Chromium (eval/pdf-print.ts) in one and two columns,
// with a running header and page numbers; each extraction's text is scored against the printed
// source by token F1 (bag of words, as eval:import does). Three extractors in the same run:
// Scholia's (the import's canonical text), poppler's pdftotext (default reading order) and plain
// PDF.js item-joining (every item's string, space-separated). Target: Scholia above pdftotext on
// every layout. Skips with a message without ../shared.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { plainItemText, readLayout } from '../electron/core/import/pdf/extract.js';
import { readPages } from '../electron/core/import/pdf/layout.js';
import { assembleText } from '../electron/core/import/pdf/paragraphs.js';
import { readPdf } from '../electron/core/import/pdf/read-pdf.js';
import { pairF1, tokenF1 } from './token-f1.js';
import { PdfPrinter, type PdfLayout, type PrintableDoc } from './pdf-print.js';
import {
  cranfieldPapers,
  markCounts,
  MARKED,
  paperParts,
  printPaperGroff,
  printPapers,
  wholeParagraphs,
  type MarkCounts,
  type MarkedKind,
} from './pdf-paper.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const datasets = path.resolve(here, '../../shared/datasets');
const PRINTED: PdfLayout[] = ['one-column', 'two-column'];
const LAYOUTS: (PdfLayout | 'paper')[] = [...PRINTED, 'paper'];
/** Papers printed from the Cranfield collection (eval/pdf-paper.ts). */
const PAPERS = 8;

interface Flow {
  moved: { pairs: number[]; whole: number[] };
  inPlace: { pairs: number[]; whole: number[] };
}

interface Jsonl {
  title: string;
  source?: string;
  text: string;
}

function readJsonl(file: string, n: number): Jsonl[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(0, n)
    .map((l) => JSON.parse(l) as Jsonl);
}

/** News documents: a few articles one after another, each title a heading (a multi-page report). */
export function newsDocs(file: string, docs: number, perDoc: number, stride: number, label: string): PrintableDoc[] {
  const all = readJsonl(file, docs * perDoc * stride);
  const out: PrintableDoc[] = [];
  for (let d = 0; d < docs; d++) {
    const arts = all.filter((_, i) => i % stride === 0).slice(d * perDoc, (d + 1) * perDoc);
    const paragraphs: string[] = [];
    const headings = new Set<number>();
    arts.forEach((a, k) => {
      if (k > 0) {
        headings.add(paragraphs.length);
        paragraphs.push(a.title.trim());
      }
      paragraphs.push(
        ...a.text
          .split(/\n\s*\n/)
          .map((p) => p.replace(/\s+/g, ' ').trim())
          .filter(Boolean),
      );
    });
    out.push({ title: arts[0]!.title.trim(), byline: `${label} · test print ${d + 1}`, paragraphs, headings });
  }
  return out;
}

/** The CommonMark spec's prose and examples, in chunks of a few pages. */
function commonmarkDocs(docs: number, chars: number): PrintableDoc[] {
  const raw = readFileSync(path.join(datasets, 'commonmark/spec-HEAD-31c0ca2.txt'), 'utf8').replace(
    /^---[\s\S]*?\n\.\.\.\n/,
    '',
  );
  const chunks = raw
    .split(/\n\s*\n/)
    .map((c) =>
      c
        .replace(/^`{8,}.*$/gm, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
  const out: PrintableDoc[] = [];
  let i = 0;
  for (let d = 0; d < docs; d++) {
    const paragraphs: string[] = [];
    const headings = new Set<number>();
    let size = 0;
    while (i < chunks.length && size < chars) {
      const c = chunks[i++]!;
      const h = /^#{1,6}\s+(.*)$/.exec(c);
      if (h) headings.add(paragraphs.length);
      paragraphs.push(h ? h[1]! : c);
      size += c.length;
    }
    out.push({ title: `CommonMark Spec, part ${d + 1}`, byline: 'John MacFarlane', paragraphs, headings });
  }
  return out;
}

export function referenceText(doc: PrintableDoc): string {
  return [doc.title, doc.byline ?? '', ...doc.paragraphs].join('\n\n');
}

function pdftotext(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

async function main(): Promise<void> {
  if (!existsSync(datasets)) {
    console.log(`eval:pdf skipped: ${datasets} is absent (the shared datasets are not checked out here).`);
    return;
  }
  let hasPdftotext = true;
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    hasPdftotext = false;
    console.log('pdftotext (poppler-utils) is not installed: its column is left empty.');
  }
  const sets: { name: string; docs: PrintableDoc[] }[] = [
    { name: 'BBC', docs: newsDocs(path.join(datasets, 'news/bbc/bbc.jsonl'), 6, 4, 97, 'BBC News') },
    { name: 'BASIL', docs: newsDocs(path.join(datasets, 'news/basil/articles.jsonl'), 6, 3, 1, 'BASIL') },
    { name: 'CommonMark', docs: commonmarkDocs(3, 18000) },
  ];
  const outDir = path.join(os.tmpdir(), 'scholia-eval-pdf');
  mkdirSync(outDir, { recursive: true });
  const printer = new PdfPrinter();
  type Scores = { ours: number[]; poppler: number[]; plain: number[] };
  const rows: ({ set: string; layout: PdfLayout | 'paper'; pages: number; pairs: Scores } & Scores)[] = [];
  const t0 = performance.now();
  try {
    for (const set of sets) {
      for (const layout of PRINTED) {
        const row = {
          set: set.name,
          layout,
          pages: 0,
          ours: [] as number[],
          poppler: [] as number[],
          plain: [] as number[],
          pairs: { ours: [] as number[], poppler: [] as number[], plain: [] as number[] },
        };
        for (const [d, doc] of set.docs.entries()) {
          const bytes = await printer.print(doc, layout);
          const file = path.join(outDir, `${set.name.toLowerCase()}-${layout}-${d + 1}.pdf`);
          writeFileSync(file, bytes);
          const reference = referenceText(doc);
          const ours = await readLayout(bytes, path.basename(file));
          row.pages += ours.pageCount;
          const texts: Partial<Record<keyof Scores, string>> = {
            ours: ours.text.text,
            plain: await plainItemText(bytes, path.basename(file)),
          };
          if (hasPdftotext) texts.poppler = pdftotext(file);
          for (const [k, text] of Object.entries(texts) as [keyof Scores, string][]) {
            row[k].push(tokenF1(text, reference));
            row.pairs[k].push(pairF1(text, reference));
          }
        }
        rows.push(row);
      }
    }
  } finally {
    await printer.close();
  }

  // The paper layout: two columns with footnotes, captions and a reference list (eval/pdf-paper.ts),
  // printed by Chromium and, where gropdf is installed, typeset by groff's ms macros too.
  const cranfield = path.join(datasets, 'ir/cranfield/docs.jsonl');
  const papers: { printer: string; marks: Record<MarkedKind, MarkCounts>; flow: Flow }[] = [];
  if (existsSync(cranfield)) {
    const docs = cranfieldPapers(cranfield, PAPERS);
    const chromiumPdfs = await printPapers(docs);
    const groffPdfs = docs.map(printPaperGroff);
    const printers: [string, (Uint8Array | null)[]][] = [['Chromium', chromiumPdfs]];
    if (groffPdfs.every(Boolean)) printers.push(['groff', groffPdfs]);
    else console.log('The groff paper is skipped: groff cannot write PDF here (gropdf, in the full groff package).');
    for (const [printer, pdfs] of printers) {
      const marks = Object.fromEntries(MARKED.map((k) => [k, { marked: 0, right: 0, printed: 0, found: 0 }])) as Record<
        MarkedKind,
        MarkCounts
      >;
      const flow: Flow = { moved: { pairs: [], whole: [] }, inPlace: { pairs: [], whole: [] } };
      const row = {
        set: printer === 'groff' ? 'Cran. groff' : 'Cranfield',
        layout: 'paper' as const,
        pages: 0,
        ours: [] as number[],
        poppler: [] as number[],
        plain: [] as number[],
        pairs: { ours: [] as number[], poppler: [] as number[], plain: [] as number[] },
      };
      for (const [d, bytes] of pdfs.entries()) {
        const file = path.join(outDir, `cranfield-paper-${printer.toLowerCase()}-${d + 1}.pdf`);
        writeFileSync(file, bytes!);
        const parts = paperParts(docs[d]!);
        const reference = parts.map((p) => p.text).join('\n\n');
        const ours = await readLayout(bytes!, path.basename(file));
        row.pages += ours.pageCount;
        const texts: Partial<Record<keyof Scores, string>> = {
          ours: ours.text.text,
          plain: await plainItemText(bytes!, path.basename(file)),
        };
        if (hasPdftotext) texts.poppler = pdftotext(file);
        for (const [k, text] of Object.entries(texts) as [keyof Scores, string][]) {
          row[k].push(tokenF1(text, reference));
          row.pairs[k].push(pairF1(text, reference));
        }
        const t = ours.text;
        const blocks = t.blocks.map((b) => ({ kind: b.kind, text: t.text.slice(b.start, b.end) }));
        for (const [k, c] of Object.entries(markCounts(parts, blocks)) as [MarkedKind, MarkCounts][]) {
          marks[k].marked += c.marked;
          marks[k].right += c.right;
          marks[k].printed += c.printed;
          marks[k].found += c.found;
        }
        // The same lines with footnotes where the page prints them, for the reading-flow comparison.
        const pdf = await readPdf(bytes!, path.basename(file));
        const { lines, furniture } = readPages(pdf.pages);
        const inPlace = assembleText(lines, furniture, pdf.pages.length, pdf.labels, true).text;
        flow.moved.pairs.push(pairF1(t.text, reference));
        flow.moved.whole.push(wholeParagraphs(parts, t.text.split('\n\n')));
        flow.inPlace.pairs.push(pairF1(inPlace, reference));
        flow.inPlace.whole.push(wholeParagraphs(parts, inPlace.split('\n\n')));
      }
      rows.push(row);
      papers.push({ printer, marks, flow });
    }
  } else console.log(`The paper layout is skipped: ${cranfield} is absent.`);

  const fmt = (xs: number[]) => (xs.length ? mean(xs).toFixed(4) : '  -   ');
  console.log(`\nToken F1 of the extracted text against the printed source (PDFs in ${outDir})\n`);
  console.log('                                  token F1                         word-pair F1 (reading order)');
  console.log('set         layout      docs pages  Scholia  pdftotext  PDF.js items  Scholia  pdftotext  PDF.js items');
  for (const r of rows)
    console.log(
      `${r.set.padEnd(11)} ${r.layout.padEnd(11)} ${String(r.ours.length).padStart(4)} ${String(r.pages).padStart(5)}  ` +
        `${fmt(r.ours)}   ${fmt(r.poppler)}     ${fmt(r.plain)}        ${fmt(r.pairs.ours)}   ${fmt(r.pairs.poppler)}     ${fmt(r.pairs.plain)}`,
    );
  let ok = true;
  console.log('\nper layout (all sets)        Scholia  pdftotext  PDF.js items  target: Scholia > pdftotext');
  for (const layout of LAYOUTS) {
    if (!rows.some((r) => r.layout === layout)) continue;
    const of = (k: 'ours' | 'poppler' | 'plain') => rows.filter((r) => r.layout === layout).flatMap((r) => r[k]);
    const ours = mean(of('ours'));
    const poppler = mean(of('poppler'));
    const better = !hasPdftotext || ours > poppler;
    ok &&= better;
    console.log(
      `${layout.padEnd(28)} ${ours.toFixed(4)}   ${hasPdftotext ? poppler.toFixed(4) : '  -   '}     ${mean(of('plain')).toFixed(4)}        ${better ? 'PASS' : 'MISS'}`,
    );
  }
  for (const { printer, marks, flow } of papers) {
    console.log(`\nMarks on the paper layout, ${printer} (blocks Scholia marked vs pieces printed as such)`);
    console.log('kind         printed  marked  right   precision  recall');
    for (const k of MARKED) {
      const m = marks[k];
      const p = m.marked ? m.right / m.marked : 0;
      const r = m.printed ? m.found / m.printed : 0;
      console.log(
        `${k.padEnd(12)} ${String(m.printed).padStart(7)} ${String(m.marked).padStart(7)} ${String(m.right).padStart(6)}   ${p.toFixed(3)}      ${r.toFixed(3)}`,
      );
    }
    console.log(`Footnotes in the reading flow (${printer})       word-pair F1   body paragraphs whole`);
    console.log(
      `moved out of a paragraph they interrupt        ${mean(flow.moved.pairs).toFixed(4)}         ${mean(flow.moved.whole).toFixed(3)}`,
    );
    console.log(
      `where the page prints them                     ${mean(flow.inPlace.pairs).toFixed(4)}         ${mean(flow.inPlace.whole).toFixed(3)}`,
    );
  }
  console.log(`\n${((performance.now() - t0) / 1000).toFixed(1)} s`);
  process.exitCode = ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) await main();
