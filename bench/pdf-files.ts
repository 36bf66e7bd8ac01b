// The PDFs the PDF benchmarks read: BBC articles printed by Chromium in one column with a running
// header and page numbers (eval/pdf-print.ts), about 100 and about 500 A4 pages of 10.5 pt text.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PdfPrinter } from '../eval/pdf-print.js';

export const BBC = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../shared/datasets/news/bbc/bbc.jsonl',
);

/** About `pages` A4 pages of 10.5 pt text (measured: ~3,400 characters a page). */
function paragraphsFor(pages: number): string[] {
  const articles = readFileSync(BBC, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { text: string });
  const out: string[] = [];
  let chars = 0;
  for (let i = 0; chars < pages * 3400; i++) {
    for (const p of articles[i % articles.length]!.text.split(/\n\s*\n/)) {
      out.push(p.replace(/\s+/g, ' ').trim());
      chars += p.length;
    }
  }
  return out;
}

export interface BenchPdf {
  /** The pages asked for (the printed PDF has about as many). */
  pages: number;
  bytes: Uint8Array;
}

/** The PDFs of `sizes` pages; null (with the reason printed) when the shared datasets are absent. */
export async function printBenchPdfs(name: string, sizes: readonly number[]): Promise<BenchPdf[] | null> {
  if (!existsSync(BBC)) {
    console.log(`${name} skipped: ${BBC} is absent (the shared datasets are not checked out here).`);
    return null;
  }
  const printer = new PdfPrinter();
  try {
    const out: BenchPdf[] = [];
    for (const pages of sizes)
      out.push({
        pages,
        bytes: await printer.print(
          { title: `Bench report, ${pages} pages`, paragraphs: paragraphsFor(pages) },
          'one-column',
        ),
      });
    return out;
  } finally {
    await printer.close();
  }
}
