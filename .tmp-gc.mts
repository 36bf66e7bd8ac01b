import { readFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { SearchIndex } from './electron/core/search/engine.js';
import { parseQuery } from './electron/core/search/query.js';
import { makeSnippet } from './electron/core/search/snippet.js';
import { vocabulary, Generator, articleDoc, queries } from './bench/search.bench.js';
const g = new Generator(vocabulary().words);
const ix = SearchIndex.deserialize(readFileSync('/tmp/ix10k.bin')).index;
const texts = new Map<string, string>();
for (let i = 0; i < 2000; i++) texts.set('a:a' + i, articleDoc(g, i).text);
const any = [...texts.values()];
const gcs: { start: number; duration: number; kind: number }[] = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) gcs.push({ start: e.startTime, duration: e.duration, kind: (e as any).detail?.kind }); }).observe({ entryTypes: ['gc'] });
const qs = queries(g, 400);
const rows: { q: string; t0: number; wall: number; cpu: number }[] = [];
for (let r = 0; r < 2; r++) qs.forEach((q, i) => {
  const t0 = performance.now(); const c = process.cpuUsage();
  const out = ix.search(parseQuery(q), 20);
  out.hits.forEach((h, k) => makeSnippet(texts.get(h.doc.key) ?? any[(i + k) % any.length]!, out.terms));
  const u = process.cpuUsage(c);
  if (r === 1) rows.push({ q, t0, wall: performance.now() - t0, cpu: (u.user + u.system) / 1000 });
});
await new Promise((r) => setTimeout(r, 100));
const p = (a: number[], q: number) => [...a].sort((x, y) => x - y)[Math.floor(a.length * q)]!;
console.log('wall p50/p95', p(rows.map((r) => r.wall), 0.5).toFixed(2), p(rows.map((r) => r.wall), 0.95).toFixed(2), 'cpu p50/p95', p(rows.map((r) => r.cpu), 0.5).toFixed(2), p(rows.map((r) => r.cpu), 0.95).toFixed(2));
const slow = rows.sort((a, b) => b.wall - a.wall).slice(0, 12);
for (const s of slow) {
  const gc = gcs.filter((x) => x.start >= s.t0 && x.start <= s.t0 + s.wall).reduce((a, x) => a + x.duration, 0);
  console.log(s.q.padEnd(40), s.wall.toFixed(2), 'cpu', s.cpu.toFixed(2), 'gc', gc.toFixed(2));
}
console.log('total gc ms', gcs.reduce((a, x) => a + x.duration, 0).toFixed(1), 'count', gcs.length);
