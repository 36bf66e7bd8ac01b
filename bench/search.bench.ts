// Search at library scale: a generated library of 10k articles (~1,000 words,
// words drawn from a Zipf distribution over the real vocabulary of the BBC and
// Cranfield texts when ../shared/datasets is present, else over generated
// words) and 5k notes, indexed directly (no store). Then the same at 50k
// articles, reported without targets.
//
// Query latency includes reading the texts of the results shown from disk (one
// file of all texts, as the app reads bodies from the library folder) and
// cutting their snippets.
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SearchIndex, type IndexDoc } from '../electron/core/search/search-index.js';
import { parseQuery } from '../electron/core/search/query.js';
import { makeSnippet } from '../electron/core/search/snippet.js';
import { percentile, report } from './report.js';
import { rng } from './rng.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const datasets = path.resolve(here, '../../shared/datasets');

/** Words ranked by frequency in real text (or generated when the datasets are absent). */
function vocabulary(): { words: string[]; real: boolean } {
  const files = [path.join(datasets, 'news/bbc/bbc.jsonl'), path.join(datasets, 'ir/cranfield/docs.jsonl')];
  const counts = new Map<string, number>();
  for (const f of files) {
    if (!existsSync(f)) continue;
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { text } = JSON.parse(line) as { text: string };
      for (const m of text.matchAll(/\p{L}+/gu)) {
        const w = m[0];
        counts.set(w, (counts.get(w) ?? 0) + 1);
      }
    }
  }
  if (counts.size > 1000) {
    return { words: [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w), real: true };
  }
  const r = rng(7);
  const syl = ['ka', 'to', 'ri', 'ne', 'sa', 'mo', 'lu', 'pe', 'di', 'ga', 'vo', 'ch', 'an', 'er', 'is', 'ul'];
  const words = new Set<string>();
  while (words.size < 40_000) {
    let w = '';
    const n = 1 + Math.floor(r() * 4);
    for (let i = 0; i < n; i++) w += syl[Math.floor(r() * syl.length)];
    words.add(w);
  }
  return { words: [...words], real: false };
}

class Generator {
  private cdf: Float64Array;
  constructor(readonly words: string[]) {
    this.cdf = new Float64Array(words.length);
    let s = 0;
    for (let i = 0; i < words.length; i++) {
      s += 1 / Math.pow(i + 1, 1.0);
      this.cdf[i] = s;
    }
    for (let i = 0; i < words.length; i++) this.cdf[i]! /= s;
  }
  word(r: () => number): string {
    const x = r();
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return this.words[lo]!;
  }
  text(seed: number, n: number): string {
    const r = rng(seed);
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      let w = this.word(r);
      if (i % 14 === 0) w = w[0]!.toUpperCase() + w.slice(1);
      out.push(i % 14 === 13 ? w + '.' : w);
      if (i % 120 === 119) out.push('\n\n');
    }
    return out.join(' ');
  }
}

const SOURCES = [
  'The Moscow Times',
  'RFE/RL',
  'BBC News',
  'The Guardian',
  'Reuters',
  'Kyiv Independent',
  'Le Monde',
  'Meduza',
];
const TAGS = [
  'ukraine',
  'ukraine/drones',
  'ukraine/energy',
  'russia',
  'russia/economy',
  'iran',
  'sanctions',
  'archive',
];

function articleDoc(g: Generator, i: number): IndexDoc {
  const r = rng(i * 7919 + 1);
  const date = new Date(Date.UTC(2015, 0, 1) + Math.floor(r() * 3650) * 86_400_000).toISOString().slice(0, 10);
  return {
    type: 'article',
    id: `a${i}`,
    title: g.text(i * 31 + 5, 6 + Math.floor(r() * 6)).replace(/\n|\./g, ''),
    source: SOURCES[i % SOURCES.length]!,
    author: `Author ${i % 500}`,
    text: g.text(i * 31 + 7, 800 + Math.floor(r() * 400)),
    published: date,
    date,
    tags: r() < 0.4 ? [TAGS[Math.floor(r() * TAGS.length)]!] : [],
    stamp: '1',
  };
}

function noteDoc(g: Generator, i: number, articles: number): IndexDoc {
  const r = rng(i * 104729 + 3);
  return {
    type: 'note',
    id: `n${i}`,
    articleId: r() < 0.5 ? `a${Math.floor(r() * articles)}` : null,
    title: g.text(i * 17 + 11, 4).replace(/\n|\./g, ''),
    text: g.text(i * 17 + 13, 150 + Math.floor(r() * 200)),
    date: '2023-01-01',
    tags: r() < 0.3 ? [TAGS[Math.floor(r() * TAGS.length)]!] : [],
    stamp: '1',
  };
}

function memMB(): number {
  globalThis.gc?.();
  globalThis.gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1e6;
}

/** A realistic mix: 1-3 words (common and rare), phrases, prefixes while typing, filters. */
function queries(g: Generator, n: number): string[] {
  const r = rng(99);
  const content = g.words.slice(150, 6000); // below the function words
  const pick = () => content[Math.floor(Math.pow(r(), 2) * content.length)]!.toLowerCase();
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = i % 10;
    if (k < 2) out.push(pick() + ' ');
    else if (k < 4) out.push(`${pick()} ${pick()} `);
    else if (k < 5) out.push(`${pick()} ${pick()} ${pick()} `);
    else if (k < 6) {
      // A phrase that occurs: two consecutive words of a generated text.
      const t = g
        .text(1000 + i, 40)
        .toLowerCase()
        .split(/\s+/)
        .filter((w) => /^\p{L}+$/u.test(w));
      const j = Math.floor(r() * (t.length - 2));
      out.push(`"${t[j]} ${t[j + 1]}" `);
    } else if (k < 8) {
      const w = pick();
      out.push(`${pick()} ${w.slice(0, Math.max(2, Math.ceil(w.length * 0.6)))}`); // typing the second word
    } else if (k < 9) out.push(`${pick()} tag:ukraine after:2019-01-01 `);
    else out.push(`${pick()} ${pick()} type:note -${pick()} `);
  }
  return out;
}

async function run(nArticles: number, nNotes: number, withTargets: boolean, g: Generator): Promise<void> {
  const label = `${nArticles / 1000}k articles + ${nNotes / 1000}k notes`;
  const ok = (v: boolean) => (withTargets ? v : null);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-bench-'));
  const textFile = path.join(dir, 'texts.bin');
  const where = new Map<string, [number, number]>();
  let ix: SearchIndex | null = new SearchIndex();
  let buildMs = 0;
  {
    const fd = openSync(textFile, 'w');
    let off = 0;
    const put = (d: IndexDoc) => {
      const bytes = Buffer.from(d.text, 'utf8');
      writeSync(fd, bytes);
      where.set(SearchIndex.keyOf(d.type, d.id), [off, bytes.length]);
      off += bytes.length;
      const t = performance.now();
      ix!.add(d);
      buildMs += performance.now() - t;
    };
    for (let i = 0; i < nArticles; i++) put(articleDoc(g, i));
    for (let i = 0; i < nNotes; i++) put(noteDoc(g, i, nArticles));
    closeSync(fd);
  }
  report(
    `search ${label}: build index (in memory, texts generated outside the timing)`,
    buildMs / 1000,
    's',
    'none',
    null,
  );
  const textFd = openSync(textFile, 'r');
  try {
    const file = path.join(dir, 'search-index.bin');
    const ts = performance.now();
    const bytes = ix.serialize({ format: 1 });
    report(`search ${label}: index save (serialize)`, (performance.now() - ts) / 1000, 's', 'none', null);
    writeFileSync(file, bytes);
    report(`search ${label}: index file`, bytes.length / 1e6, 'MB', 'none', null);
    ix = null;
    const before = memMB();
    // Median of 3 loads (read the file + decode); the last one is kept.
    const loads: number[] = [];
    let loaded!: SearchIndex;
    for (let k = 0; k < 3; k++) {
      if (k > 0) globalThis.gc?.();
      const t1 = performance.now();
      loaded = SearchIndex.deserialize(readFileSync(file)).index;
      loads.push((performance.now() - t1) / 1000);
    }
    const loadS = percentile(loads, 50);
    report(`search ${label}: index load (median of 3)`, loadS, 's', '<= 1.5 s', ok(loadS <= 1.5));
    const heap = memMB() - before;
    report(`search ${label}: index memory (heap + buffers)`, heap, 'MB', '<= 250 MB', ok(heap <= 250));

    const textOf = (key: string): string => {
      const [off, len] = where.get(key)!;
      const b = Buffer.alloc(len);
      readSync(textFd, b, 0, len, off);
      return b.toString('utf8');
    };
    const qs = queries(g, 400);
    // Each query runs 3 times (fresh parse, search, disk reads, snippets every time). On a shared
    // machine a single timing mostly measures the scheduler (a query of 1.5 ms CPU was seen taking
    // 160 ms of wall time at load 11 on 2 cores), so the target is checked on each query's best of
    // its 3 runs; the single-run wall and CPU-time percentiles are printed beside it.
    const best = new Array<number>(qs.length).fill(Infinity);
    const single: number[] = [];
    const cpu: number[] = [];
    let results = 0;
    for (let rep = 0; rep < 4; rep++) {
      qs.forEach((q, i) => {
        const s = performance.now();
        const c = process.cpuUsage();
        const out = loaded.search(parseQuery(q), 20);
        for (const h of out.hits) makeSnippet(textOf(h.doc.key), out.terms);
        const wall = performance.now() - s;
        const u = process.cpuUsage(c);
        if (rep === 0) return; // warm-up: the JIT compiles the hot paths once per process
        best[i] = Math.min(best[i]!, wall);
        if (rep === 1) {
          single.push(wall);
          cpu.push((u.user + u.system) / 1000);
          results += out.hits.length;
        }
      });
    }
    const p95 = percentile(best, 95);
    report(`search ${label}: query p95 (mix; 20 results, snippets; best of 3)`, p95, 'ms', '<= 10 ms', ok(p95 <= 10));
    report(`search ${label}: query median (best of 3)`, percentile(best, 50), 'ms', 'none', null);
    report(`search ${label}: query p95, single run (wall clock)`, percentile(single, 95), 'ms', 'none', null);
    report(`search ${label}: query p95, single run (CPU time)`, percentile(cpu, 95), 'ms', 'none', null);
    report(`search ${label}: mean results per query`, results / qs.length, '', 'none', null);

    // A misspelling that is no word of the vocabulary: the fallback scans the vocabulary.
    let typoMs = Infinity;
    let corrected = 0;
    for (let k = 0; k < 3; k++) {
      const t = performance.now();
      corrected = loaded.search(parseQuery('parliamnet '), 20).hits.length;
      typoMs = Math.min(typoMs, performance.now() - t);
    }
    report(`search ${label}: typo fallback query (best of 3, ${corrected} results)`, typoMs, 'ms', 'none', null);

    // An edit reindexes the whole article (remove + add); best of 3 per edit, as for queries.
    const upd: number[] = [];
    const updSingle: number[] = [];
    for (let e = 0; e < 40; e++) {
      let b = Infinity;
      for (let rep = 0; rep < 3; rep++) {
        const doc = articleDoc(g, (e * 97) % nArticles);
        doc.text += ` edited ${rep}`;
        const s = performance.now();
        loaded.add(doc);
        const t = performance.now() - s;
        b = Math.min(b, t);
        if (rep === 0) updSingle.push(t);
      }
      upd.push(b);
    }
    const up95 = percentile(upd, 95);
    report(
      `search ${label}: incremental update of one article (p95, best of 3)`,
      up95,
      'ms',
      '<= 20 ms',
      ok(up95 <= 20),
    );
    report(`search ${label}: incremental update, single run (p95)`, percentile(updSingle, 95), 'ms', 'none', null);
  } finally {
    closeSync(textFd);
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function (): Promise<void> {
  const { words, real } = vocabulary();
  console.log(
    `load average: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${os.cpus().length} cores`,
  );
  console.log(
    `vocabulary: ${words.length} ${real ? 'real words (BBC + Cranfield)' : 'generated words (datasets absent)'}`,
  );
  const g = new Generator(words);
  await run(10_000, 5_000, true, g);
  if (process.env.SCHOLIA_BENCH_SKIP_50K) console.log('50k run skipped (SCHOLIA_BENCH_SKIP_50K)');
  else await run(50_000, 5_000, false, g);
}

export { vocabulary, Generator, articleDoc, noteDoc, queries };
