import { readFileSync, readdirSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { decodeBytes } from './electron/core/import/decode.js';
import { maxNestingDepth } from './electron/core/import/html-depth.js';
import { htmlBlocks } from './electron/core/import/html-text.js';
import { sanitizeHtml } from './electron/core/import/sanitize.js';
const root='/work/shared/datasets/readability-test-pages/test-pages';
const T: Record<string, number> = {};
const time = <X>(k: string, f: () => X): X => { const t=performance.now(); const r=f(); T[k]=(T[k]??0)+performance.now()-t; return r; };
for (const slug of readdirSync(root)) {
  const bytes = new Uint8Array(readFileSync(`${root}/${slug}/source.html`));
  const {text} = time('decode', () => decodeBytes(bytes, 'x.html', {html:true}));
  time('depth', () => maxNestingDepth(text, 1000));
  const { document } = time('parse', () => parseHTML(text));
  const r = time('readability', () => new Readability(document as any).parse());
  time('blocks', () => htmlBlocks(r?.content ?? ''));
  time('sanitize', () => sanitizeHtml(r?.content ?? ''));
}
console.log(T);
