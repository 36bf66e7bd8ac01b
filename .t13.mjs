import { readFileSync, readdirSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
const root='/work/shared/datasets/readability-test-pages/test-pages';
const pages = readdirSync(root).map(s => readFileSync(`${root}/${s}/source.html`,'utf8'));
const DP = createDOMPurify(new JSDOM('').window);
for (const p of pages) { const { document } = parseHTML(p); const r = new Readability(document).parse(); DP.sanitize(r?.content ?? ''); }
