import { readFileSync } from 'node:fs';
import { SearchIndex } from './electron/core/search/engine.js';
const ix = SearchIndex.deserialize(readFileSync('/tmp/ix10k.bin')).index as any;
const docs = ix.docs;
for (let r = 0; r < 5; r++) {
  let t = performance.now(); let n = 0;
  for (let k = 0; k < 100; k++) for (let i = 0; i < 5720; i++) { const d = docs[i * 2]; if (d.date > '2020') n++; }
  console.log('date loop', ((performance.now() - t) / 100).toFixed(3));
  t = performance.now();
  for (let k = 0; k < 100; k++) { const a = new Float64Array(15000); for (let i = 0; i < 5720; i++) a[i*2] += 1; }
  console.log('typed', ((performance.now() - t) / 100).toFixed(3));
}
console.log(process.execArgv);
