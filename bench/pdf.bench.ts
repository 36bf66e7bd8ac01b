// PDF import: a 100-page and a 500-page text PDF (BBC articles printed by Chromium in one column
// with a running header and page numbers, eval/pdf-print.ts) imported through importFiles as a
// front end hands them over: extraction, page map, storing the body and the file. Targets:
// 100 pages <= 3 s, 500 pages <= 15 s, heap <= 300 MB (the peak of the process's heapUsed, sampled
// every 5 ms during the import, after a GC before it; garbage not yet collected counts, as it does
// for the process). The heap before the import is printed beside it: under tsx it holds ~160 MB of
// compiled sources and source maps (PDF.js's alone ~60 MB) that the built app does not carry.
// Printing the PDFs is not timed. The page view's paint is timed in pdf-paint.bench.ts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { openCore } from '../electron/core/core.js';
import { printBenchPdfs } from './pdf-files.js';
import { report } from './report.js';

export default async function (): Promise<void> {
  const pdfs = await printBenchPdfs('pdf bench', [100, 500]);
  if (!pdfs) return;
  const files = pdfs.map((p) => ({ ...p, target: p.pages <= 100 ? 3 : 15 }));
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
      const before = process.memoryUsage().heapUsed;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const [r] = await core.api.importFiles([
        { name: `bench-${f.pages}.pdf`, dataBase64: Buffer.from(f.bytes).toString('base64') },
      ]);
      const s = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      const article = r?.id ? await core.api.getArticle(r.id) : null;
      const pages = article?.pages?.length ?? 0;
      if (r?.status !== 'imported') console.log(`  import failed: ${r?.error}`);
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
      report(`    of which the heap before it (after a GC)`, before / 1024 / 1024, 'MB', 'none', null);
      console.log(`  (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`);
      // The bound of the peak whenever V8 collects: the heap before, everything the import kept past
      // a young-generation GC, and the young generation itself (full at worst).
      const kept = await oldSpaceAllocation(f.bytes, f.pages);
      const young = v8.getHeapSpaceStatistics().find((sp) => sp.space_name === 'new_space')?.space_size ?? 0;
      const bound = before + kept + young;
      report(
        `  heap peak if no major GC ran during it (bound)`,
        bound / 1024 / 1024,
        'MB',
        '<= 300 MB',
        bound <= 300 * 1024 * 1024,
      );
      report(`    of which kept past a minor GC (old space)`, kept / 1024 / 1024, 'MB', 'none', null);
    } finally {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/**
 * The peak above depends on when V8 runs a major GC (from run to run: the 458-page import peaked
 * anywhere between 224 and 736 MB before the fixes). What the import allocates in the old space
 * does not: everything that outlived a young-generation GC, found by V8's sampling heap profiler
 * (counting objects a major GC collected later). Measured by a second import of the same PDF into
 * a fresh library (the sampling slows it: not timed).
 */
async function oldSpaceAllocation(bytes: Uint8Array, pages: number): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'scholia-bench-pdf-'));
  const core = await openCore({ libraryDir: dir, mode: 'cli' });
  const session = new Session();
  session.connect();
  try {
    globalThis.gc?.();
    // Node 20's typings lack the two include... flags; V8 has them and the inspector passes them on.
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: 16_384,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: false,
    } as { samplingInterval: number });
    await core.api.importFiles([{ name: `bench-${pages}.pdf`, dataBase64: Buffer.from(bytes).toString('base64') }]);
    const { profile } = await session.post('HeapProfiler.stopSampling');
    const total = (n: typeof profile.head): number => n.selfSize + n.children.reduce((s, c) => s + total(c), 0);
    return total(profile.head);
  } finally {
    session.disconnect();
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
