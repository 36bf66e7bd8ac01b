import { readFileSync } from 'node:fs';
import { SearchIndex, DEFAULT_RANK } from './electron/core/search/engine.js';
import { parseQuery } from './electron/core/search/query.js';
const ix = SearchIndex.deserialize(readFileSync('/tmp/ix10k.bin')).index;
const cpu = (f: () => void, n = 50) => { f(); const c = process.cpuUsage(); for (let i = 0; i < n; i++) f(); const u = process.cpuUsage(c); return ((u.user + u.system) / 1000 / n).toFixed(2); };
for (const q of ['part ', 'odds ', 'part odds ', 'since arsen', 'the ']) {
  ix.rank = DEFAULT_RANK;
  const a = cpu(() => ix.search(parseQuery(q), 20));
  ix.rank = { ...DEFAULT_RANK, proximity: 0 };
  const b = cpu(() => ix.search(parseQuery(q), 20));
  console.log(q, a, 'noprox', b, ix.search(parseQuery(q), 20).total);
}
