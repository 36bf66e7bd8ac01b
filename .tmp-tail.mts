import { readFileSync } from 'node:fs';
import { SearchIndex } from './electron/core/search/engine.js';
import { parseQuery } from './electron/core/search/query.js';
import { makeSnippet } from './electron/core/search/snippet.js';
import { vocabulary, Generator, articleDoc, noteDoc, queries } from './bench/search.bench.js';
const g = new Generator(vocabulary().words);
const ix = SearchIndex.deserialize(readFileSync('/tmp/ix10k.bin')).index;
const texts = new Map<string, string>();
for (let i = 0; i < 10000; i++) texts.set('a:a' + i, articleDoc(g, i).text);
for (let i = 0; i < 5000; i++) texts.set('n:n' + i, noteDoc(g, i, 10000).text);
const qs = queries(g, 400);
const rows: [string, number, number][] = [];
for (let r = 0; r < 2; r++) for (const q of qs) {
  const c = process.cpuUsage(); const out = ix.search(parseQuery(q), 20); const u = process.cpuUsage(c);
  const c2 = process.cpuUsage(); for (const h of out.hits) makeSnippet(texts.get(h.doc.key)!, out.terms); const u2 = process.cpuUsage(c2);
  if (r === 1) rows.push([q, (u.user + u.system) / 1000, (u2.user + u2.system) / 1000]);
}
rows.sort((a, b) => b[1] + b[2] - a[1] - a[2]);
for (const r of rows.slice(0, 25)) console.log(r[0].padEnd(45), r[1].toFixed(2), r[2].toFixed(2));
