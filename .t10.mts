import { readFileSync, readdirSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { sanitizeHtml } from './electron/core/import/sanitize.js';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
const root='/work/shared/datasets/readability-test-pages/test-pages';
const contents: string[] = [];
for (const slug of readdirSync(root)) { const { document } = parseHTML(readFileSync(`${root}/${slug}/source.html`,'utf8')); contents.push(new Readability(document as any).parse()?.content ?? ''); }
console.log('content KB avg', contents.reduce((s,c)=>s+c.length,0)/contents.length/1024);
for (let round=0; round<2; round++) { const t=performance.now(); for (const c of contents) sanitizeHtml(c); console.log('sanitize jsdom ms/page', (performance.now()-t)/contents.length); }
const w = new JSDOM('').window; const DP = createDOMPurify(w as any);
let t=performance.now(); for (const c of contents) DP.sanitize(c); console.log('plain DP jsdom ms/page', (performance.now()-t)/contents.length);
t=performance.now(); for (const c of contents) DP.sanitize(c, {RETURN_DOM_FRAGMENT: true}); console.log('DP frag', (performance.now()-t)/contents.length);
t=performance.now(); for (const c of contents) new w.DOMParser().parseFromString(c, 'text/html'); console.log('jsdom parse only', (performance.now()-t)/contents.length);
t=performance.now(); for (const c of contents) parseHTML(c); console.log('linkedom parse only', (performance.now()-t)/contents.length);
