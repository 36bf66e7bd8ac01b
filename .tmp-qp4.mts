import { readFileSync } from 'node:fs';
import { SearchIndex } from './electron/core/search/engine.js';
import { parseQuery } from './electron/core/search/query.js';
const ix = SearchIndex.deserialize(readFileSync('/tmp/ix10k.bin')).index;
for (let r = 0; r < 300; r++) ix.search(parseQuery('part '), 20);
console.log((globalThis as any).TT.map((x: number) => (x / 300).toFixed(2)));
