import { readFileSync, readdirSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { maxNestingDepth } from './electron/core/import/html-depth.js';
import { sanitizeHtml } from './electron/core/import/sanitize.js';
import { htmlBlocks } from './electron/core/import/html-text.js';
const root='/work/shared/datasets/readability-test-pages/test-pages';
const depths = readdirSync(root).map(s => [maxNestingDepth(readFileSync(`${root}/${s}/source.html`,'utf8')), s] as const).sort((a,b)=>b[0]-a[0]);
console.log(depths.slice(0,5));
for (const n of [200, 400, 990]) {
  const html = `<html><body>${'<div>'.repeat(n)}<p>${'Deep but real words. '.repeat(30)}</p>${'</div>'.repeat(n)}</body></html>`;
  let t = performance.now(); const { document } = parseHTML(html); const tp = performance.now() - t;
  t = performance.now(); const r = new Readability(document as any).parse(); const tr = performance.now() - t;
  t = performance.now(); htmlBlocks(r?.content ?? ''); const tb = performance.now() - t;
  t = performance.now(); sanitizeHtml(r?.content ?? ''); const ts = performance.now() - t;
  console.log(n, tp.toFixed(0), tr.toFixed(0), tb.toFixed(0), ts.toFixed(0));
}
