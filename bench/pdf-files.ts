// The PDFs the PDF benchmarks read: BBC articles printed by Chromium in one column with a running
// header and page numbers (eval/pdf-print.ts), about 100 and about 500 A4 pages of 10.5 pt text.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

/**
 * The PDFs of `sizes` pages; null (with the reason printed) when the shared datasets are absent.
 * Printed by a child process: Playwright's modules would otherwise sit in the heap the import
 * benchmark measures (~30 MB that no import of the app carries).
 */
export async function printBenchPdfs(name: string, sizes: readonly number[]): Promise<BenchPdf[] | null> {
  if (!existsSync(BBC)) {
    console.log(`${name} skipped: ${BBC} is absent (the shared datasets are not checked out here).`);
    return null;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'scholia-bench-pdfs-'));
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [...process.execArgv, self, dir, ...sizes.map(String)], {
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`printing the bench PDFs failed (${code})`)),
      );
    });
    return sizes.map((pages) => ({ pages, bytes: new Uint8Array(readFileSync(path.join(dir, `${pages}.pdf`))) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const self = fileURLToPath(import.meta.url);

if (process.argv[1] === self) {
  const [out, ...sizes] = process.argv.slice(2);
  const { PdfPrinter } = await import('../eval/pdf-print.js');
  const printer = new PdfPrinter();
  try {
    for (const pages of sizes.map(Number)) {
      const bytes = await printer.print(
        { title: `Bench report, ${pages} pages`, paragraphs: paragraphsFor(pages) },
        'one-column',
      );
      writeFileSync(path.join(out!, `${pages}.pdf`), bytes);
    }
  } finally {
    await printer.close();
  }
}
