import { writeFileSync } from 'node:fs';
import { SearchIndex } from './electron/core/search/engine.js';
import { vocabulary, Generator, articleDoc, noteDoc } from './bench/search.bench.js';
const N = 10000;
const g = new Generator(vocabulary().words);
const ix = new SearchIndex();
for (let i = 0; i < N; i++) ix.add(articleDoc(g, i));
for (let i = 0; i < N / 2; i++) ix.add(noteDoc(g, i, N));
writeFileSync('/tmp/ix10k.bin', ix.serialize({}));
