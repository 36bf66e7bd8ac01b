import { readFileSync } from 'node:fs';
import { SearchIndex } from './electron/core/search/engine.js';
import { PostingCursor } from './electron/core/search/postings.js';
import { parseQuery } from './electron/core/search/query.js';
const ix = SearchIndex.deserialize(readFileSync('/tmp/ix10k.bin')).index as any;
const e = ix.terms.get('part');
console.log(e.df, e.lists.map((l: any) => l && [l.count, l.len]));
let t = performance.now();
for (let r = 0; r < 50; r++) { const c = new PostingCursor(e.lists[3]); let n = 0; while (c.next()) n++; }
console.log('decode', (performance.now() - t) / 50);
t = performance.now();
for (let r = 0; r < 50; r++) ix.scoreTerm('part', 1).forEach((d: number) => (ix.acc[d] = 0));
console.log('scoreTerm', (performance.now() - t) / 50);
t = performance.now();
for (let r = 0; r < 50; r++) ix.search(parseQuery('part '), 20);
console.log('search', (performance.now() - t) / 50);
