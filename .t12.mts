import { readFileSync, readdirSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
const root='/work/shared/datasets/readability-test-pages/test-pages';
const pages = readdirSync(root).map(s => readFileSync(`${root}/${s}/source.html`,'utf8'));
const strip = (h: string) => h.replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi, '').replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '').replace(/<!--[\s\S]*?-->/g, '').replace(/<svg\b[^>]*>[\s\S]*?<\/svg\s*>/gi, '<svg></svg>');
let before = 0, after = 0;
for (const p of pages) { before += p.length; after += strip(p).length; }
console.log('bytes', before, after);
for (const variant of ['raw', 'stripped', 'raw', 'stripped']) {
  let tp = 0, tr = 0;
  for (const p of pages) { const h = variant === 'raw' ? p : strip(p); let t = performance.now(); const { document } = parseHTML(h); tp += performance.now() - t; t = performance.now(); new Readability(document as any).parse(); tr += performance.now() - t; }
  console.log(variant, 'parse', (tp/pages.length).toFixed(1), 'readability', (tr/pages.length).toFixed(1));
}
