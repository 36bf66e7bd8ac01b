// Import throughput: 1,000 HTML pages (cycling through Mozilla Readability's 130 real
// test pages) extracted in this thread, then written to a temporary folder and imported
// into a temporary library by importPaths, as `scholia import <folder>` and the desktop
// folder import do (extraction in the worker pool, import/pool.ts, while earlier pages
// are stored). Target: 1,000 pages in <= 60 s.
// Each cycled copy gets its copy number in its paragraphs so the library stores it
// as a new article rather than reporting an exact duplicate. The machine is shared,
// so the CPU time per page (this process, all its threads) is printed beside the wall time.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPaths } from '../electron/core/articles/files.js';
import { openCore } from '../electron/core/core.js';
import { defaultPoolSize } from '../electron/core/import/pool.js';
import { extractArticles } from '../electron/core/import/registry.js';
import { report } from './report.js';

const PAGES = 1000;
const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../shared/datasets/readability-test-pages/test-pages',
);

function loadPages(): { name: string; html: string }[] {
  return readdirSync(root)
    .filter((d) => existsSync(path.join(root, d, 'source.html')))
    .sort()
    .map((d) => ({ name: `${d}.html`, html: readFileSync(path.join(root, d, 'source.html'), 'utf8') }));
}

function copyOf(page: { name: string; html: string }, n: number): { name: string; bytes: Uint8Array } {
  const html = page.html.replace(/<\/p>/gi, ` (copy ${n})</p>`);
  return { name: `${n}-${page.name}`, bytes: new TextEncoder().encode(html) };
}

export default async function (): Promise<void> {
  if (!existsSync(root)) {
    console.log(`import bench skipped: ${root} is absent (the shared datasets are not checked out here).`);
    return;
  }
  const pages = loadPages();
  const inputs = Array.from({ length: PAGES }, (_, i) => copyOf(pages[i % pages.length]!, i));

  let failed = 0;
  let t0 = performance.now();
  let cpu0 = process.cpuUsage();
  for (const input of inputs) await extractArticles(input).catch(() => failed++);
  let s = (performance.now() - t0) / 1000;
  let cpu = process.cpuUsage(cpu0);
  report(
    `extract: CPU time per page (user+system)`,
    (cpu.user + cpu.system) / 1000 / PAGES,
    'ms',
    'none (load-independent)',
    null,
  );
  report(`extract ${PAGES} HTML pages in one thread (baseline for the pool)`, PAGES / s, 'pages/s', 'baseline', null);
  report(`extract ${PAGES} HTML pages in one thread: total time`, s, 's', 'baseline', null);
  if (failed) console.log(`  (${failed} pages failed to extract)`);

  const dir = mkdtempSync(path.join(tmpdir(), 'scholia-import-bench-'));
  try {
    const folder = path.join(dir, 'pages');
    mkdirSync(folder);
    // Zero-padded names: the folder walk (sorted by name) keeps the pages in order.
    inputs.forEach((f, i) => writeFileSync(path.join(folder, `${String(i).padStart(4, '0')}-${f.name}`), f.bytes));
    const core = await openCore({ libraryDir: path.join(dir, 'library'), mode: 'cli' });
    const counts = { imported: 0, duplicate: 0, failed: 0 };
    t0 = performance.now();
    cpu0 = process.cpuUsage();
    // The pages are cycled copies (near duplicates by design): store every one, so storing is measured too.
    await importPaths(core.ctx, [folder], (r) => counts[r.status]++, { allowDuplicates: true });
    s = (performance.now() - t0) / 1000;
    cpu = process.cpuUsage(cpu0);
    await core.close();
    const via = `importPaths on a folder, ${defaultPoolSize()} extraction workers`;
    report(
      `import: CPU time per page (user+system, all threads)`,
      (cpu.user + cpu.system) / 1000 / PAGES,
      'ms',
      'none (load-independent)',
      null,
    );
    report(
      `import ${PAGES} HTML pages into a library (${via})`,
      PAGES / s,
      'pages/s',
      '>= 16.7 (1,000 in 60 s)',
      s <= 60,
    );
    report(`import ${PAGES} HTML pages: total time`, s, 's', '<= 60', s <= 60);
    console.log(`  ${counts.imported} imported, ${counts.duplicate} duplicate, ${counts.failed} failed`);
  } catch (err) {
    console.log(`  import into a library not measured: ${(err as Error).message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
