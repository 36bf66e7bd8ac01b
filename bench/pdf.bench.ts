// PDF import: a 100-page and a 500-page text PDF (BBC articles printed by Chromium in one column
// with a running header and page numbers, eval/pdf-print.ts) imported through importFiles as a
// front end hands them over: extraction, page map, storing the body and the file. Targets:
// 100 pages <= 3 s, 500 pages <= 15 s, heap <= 300 MB (the peak of heapUsed sampled during the
// import, after a GC before it). Printing the PDFs is not timed.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore } from '../electron/core/core.js';
import { PdfPrinter } from '../eval/pdf-print.js';
import { report } from './report.js';

const bbc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/datasets/news/bbc/bbc.jsonl');

/** About `pages` A4 pages of 10.5 pt text (measured: ~3,400 characters a page). */
function paragraphsFor(pages: number): string[] {
  const articles = readFileSync(bbc, 'utf8')
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

export default async function (): Promise<void> {
  if (!existsSync(bbc)) {
    console.log(`pdf bench skipped: ${bbc} is absent (the shared datasets are not checked out here).`);
    return;
  }
  const printer = new PdfPrinter();
  const files: { pages: number; bytes: Uint8Array; target: number }[] = [];
  try {
    for (const [pages, target] of [
      [100, 3],
      [500, 15],
    ] as const) {
      const bytes = await printer.print(
        { title: `Bench report, ${pages} pages`, paragraphs: paragraphsFor(pages) },
        'one-column',
      );
      files.push({ pages, bytes, target });
    }
  } finally {
    await printer.close();
  }
  // The first PDF a process reads loads PDF.js (and here tsx compiles its 4 MB of JavaScript, which
  // the bundled app never does): timed apart, so the figures below are the import itself.
  {
    const dir = mkdtempSync(path.join(tmpdir(), 'scholia-bench-pdf-'));
    const core = await openCore({ libraryDir: dir, mode: 'cli' });
    const one = readFileSync(
      path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/pdf/scanned.pdf'),
    );
    const t0 = performance.now();
    await core.api.importFiles([{ name: 'first.pdf', dataBase64: one.toString('base64') }]);
    report('first PDF in a process: loading PDF.js', (performance.now() - t0) / 1000, 's', 'none', null);
    console.log(`  (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`);
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
  for (const f of files) {
    const dir = mkdtempSync(path.join(tmpdir(), 'scholia-bench-pdf-'));
    const core = await openCore({ libraryDir: dir, mode: 'cli' });
    try {
      globalThis.gc?.();
      let peak = process.memoryUsage().heapUsed;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const [r] = await core.api.importFiles([
        { name: `bench-${f.pages}.pdf`, dataBase64: Buffer.from(f.bytes).toString('base64') },
      ]);
      const s = (performance.now() - t0) / 1000;
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      const article = r?.id ? await core.api.getArticle(r.id) : null;
      const pages = article?.pages?.length ?? 0;
      if (r?.status !== 'imported') console.log(`  import failed: ${r?.error}`);
      const cpu = process.cpuUsage(cpu0);
      // On a shared machine the wall time is mostly waiting for a core: the CPU time is held to the same target.
      const cpuS = (cpu.user + cpu.system) / 1e6;
      report(`  CPU time of that import (user+system)`, cpuS, 's', `<= ${f.target} s`, cpuS <= f.target);
      report(
        `import a ${pages}-page text PDF (${(f.bytes.length / 1024 / 1024).toFixed(1)} MB)`,
        s,
        's',
        `<= ${f.target} s`,
        r?.status === 'imported' && s <= f.target,
      );
      report(`  heap peak during that import`, peak / 1024 / 1024, 'MB', '<= 300 MB', peak <= 300 * 1024 * 1024);
    } finally {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
