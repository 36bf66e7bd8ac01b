// `npm run eval:import`: HTML extraction against Mozilla Readability's own test pages
// (../shared/datasets/readability-test-pages). For each page: token F1 of our canonical
// text against the text of expected.html, and whether our title equals the expected one (with the
// hand-checked title corrections of eval/metadata-corrections.json applied).
// Targets: mean F1 >= 0.95, titles matching >= 0.95.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { extractArticles } from '../electron/core/import/registry.js';
import { ImportError } from '../electron/core/import/types.js';
import { tokenF1 } from './token-f1.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../shared/datasets/readability-test-pages/test-pages');

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

async function main(): Promise<void> {
  if (!existsSync(root)) {
    console.log(`eval:import skipped: ${root} is absent (the shared datasets are not checked out here).`);
    return;
  }
  const verbose = process.argv.includes('--verbose');
  const pages = readdirSync(root)
    .filter((d) => existsSync(path.join(root, d, 'source.html')))
    .sort();
  const f1s: number[] = [];
  let titlesOk = 0;
  let rawTitlesOk = 0;
  let titled = 0;
  // expected-metadata.json is Readability's own output; a title it kept with the site's suffix
  // ("- Breitbart") was checked by hand against the page in metadata-corrections.json (see eval:metadata).
  const corrections = JSON.parse(readFileSync(path.join(here, 'metadata-corrections.json'), 'utf8')) as Record<
    string,
    { title?: string }
  >;
  const failures: string[] = [];
  const t0 = performance.now();
  for (const slug of pages) {
    const dir = path.join(root, slug);
    const meta = JSON.parse(readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8')) as {
      title?: string;
      readerable?: boolean;
    };
    const expectedText =
      parseHTML(`<html><body>${readFileSync(path.join(dir, 'expected.html'), 'utf8')}</body></html>`).document.body
        .textContent ?? '';
    const bytes = new Uint8Array(readFileSync(path.join(dir, 'source.html')));
    let text = '';
    let title = '';
    try {
      const [a] = await extractArticles({ name: `${slug}.html`, bytes });
      // Boilerplate set aside is still extracted text: Readability's expected output keeps it.
      text = [a?.text ?? '', ...(a?.removed ?? []).map((r) => r.text)].join('\n\n');
      title = a?.title ?? '';
    } catch (err) {
      failures.push(`${slug}: ${err instanceof ImportError ? err.message : String(err)}`);
    }
    const f1 = tokenF1(text, expectedText);
    f1s.push(f1);
    if (typeof meta.title === 'string') {
      titled++;
      const expectedTitle = corrections[slug]?.title ?? meta.title;
      if (norm(title) === norm(meta.title)) rawTitlesOk++;
      if (norm(title) === norm(expectedTitle)) titlesOk++;
      else if (verbose)
        console.log(`  title ${slug}: got ${JSON.stringify(title)} expected ${JSON.stringify(expectedTitle)}`);
    }
    if (verbose && f1 < 0.95) console.log(`  f1 ${slug}: ${f1.toFixed(3)}`);
  }
  const ms = performance.now() - t0;
  const meanF1 = f1s.reduce((s, x) => s + x, 0) / Math.max(1, f1s.length);
  const titleShare = titlesOk / Math.max(1, titled);
  console.log(`readability-test-pages: ${pages.length} pages in ${(ms / 1000).toFixed(1)} s`);
  console.log(
    `mean token F1 (text vs expected.html):   ${meanF1.toFixed(4)}  target >= 0.95  ${meanF1 >= 0.95 ? 'PASS' : 'MISS'}`,
  );
  console.log(
    `titles matching (hand-checked corrections applied): ${titleShare.toFixed(4)} (${titlesOk}/${titled})  target >= 0.95  ${titleShare >= 0.95 ? 'PASS' : 'MISS'}`,
  );
  console.log(`titles matching expected-metadata.json as shipped: ${(rawTitlesOk / Math.max(1, titled)).toFixed(4)}`);
  if (failures.length) console.log(`failed pages (${failures.length}):\n  ${failures.join('\n  ')}`);
  process.exitCode = meanF1 >= 0.95 && titleShare >= 0.95 ? 0 : 1;
}

await main();
