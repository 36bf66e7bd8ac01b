import { makeSnippet } from './electron/core/search/snippet.js';
import { vocabulary, Generator, articleDoc } from './bench/search.bench.js';
const g = new Generator(vocabulary().words);
const docs = Array.from({ length: 200 }, (_, i) => articleDoc(g, i));
for (const terms of [['theme'], ['part', 'odd'], ['man', 'unit', 'us', 'use', 'under', 'up', 'univers', 'un']]) {
  const set = new Set(terms);
  for (let r = 0; r < 3; r++) { const t = performance.now(); for (const d of docs) makeSnippet(d.text, set); console.log(terms.join(','), ((performance.now() - t) / docs.length).toFixed(3), 'ms/snippet'); }
}
console.log(makeSnippet(docs[0]!.text, new Set(['part','odd'])));
