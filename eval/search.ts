// `npm run eval:search`: ranking quality on the Cranfield collection
// (1,400 aeronautics abstracts, 225 natural-language queries, graded judgments),
// through the same index and query parser the app uses, side by side with
// MiniSearch (defaults) and Lunr (defaults: stemming and stop words).
//
// MAP over the top 1,000; nDCG@10 with linear gains (the graded relevance, as
// trec_eval computes it). Relevance > 0 is relevant.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import lunr from 'lunr';
import { SearchIndex } from '../electron/core/search/search-index.js';
import { parseQuery } from '../electron/core/search/query.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.resolve(here, '../../shared/datasets/ir/cranfield');
const DEPTH = 1000;

interface Doc {
  id: string;
  title: string;
  text: string;
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(path.join(dir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

export function averagePrecision(ranked: string[], rel: Map<string, number>): number {
  let hits = 0;
  let sum = 0;
  ranked.forEach((id, i) => {
    if ((rel.get(id) ?? 0) > 0) {
      hits++;
      sum += hits / (i + 1);
    }
  });
  const nRel = [...rel.values()].filter((r) => r > 0).length;
  return nRel ? sum / nRel : 0;
}

export function ndcgAt(ranked: string[], rel: Map<string, number>, k: number): number {
  const dcg = (gains: number[]) => gains.slice(0, k).reduce((s, g, i) => s + g / Math.log2(i + 2), 0);
  const ideal = dcg([...rel.values()].filter((r) => r > 0).sort((a, b) => b - a));
  return ideal ? dcg(ranked.map((id) => Math.max(0, rel.get(id) ?? 0))) / ideal : 0;
}

type Ranker = (query: string) => string[];

function evaluate(
  name: string,
  rank: Ranker,
  queries: { id: string; text: string }[],
  qrels: Map<string, Map<string, number>>,
) {
  let map = 0;
  let ndcg = 0;
  let n = 0;
  const t0 = performance.now();
  for (const q of queries) {
    const rel = qrels.get(q.id);
    if (!rel || ![...rel.values()].some((r) => r > 0)) continue;
    const ranked = rank(q.text).slice(0, DEPTH);
    map += averagePrecision(ranked, rel);
    ndcg += ndcgAt(ranked, rel, 10);
    n++;
  }
  const ms = (performance.now() - t0) / n;
  return { name, map: map / n, ndcg: ndcg / n, n, ms };
}

export function scholiaRanker(docs: Doc[]): Ranker {
  const ix = new SearchIndex();
  for (const d of docs) ix.add({ type: 'article', id: d.id, title: d.title, text: d.text, stamp: '1' });
  return (q) => ix.search(parseQuery(q), DEPTH).hits.map((h) => h.doc.id);
}

function main(): void {
  if (!existsSync(path.join(dir, 'docs.jsonl'))) {
    console.log(`eval:search skipped: the Cranfield collection is not at ${dir} (see ../shared/datasets/README.md)`);
    return;
  }
  const docs = readJsonl<Doc>('docs.jsonl');
  const queries = readJsonl<{ id: string; text: string }>('queries.jsonl');
  const qrels = new Map<string, Map<string, number>>();
  for (const r of readJsonl<{ query_id: string; doc_id: string; relevance: number }>('qrels.jsonl')) {
    let m = qrels.get(r.query_id);
    if (!m) qrels.set(r.query_id, (m = new Map()));
    m.set(r.doc_id, r.relevance);
  }

  const mini = new MiniSearch<Doc>({ fields: ['title', 'text'] });
  mini.addAll(docs);
  const lunrIx = lunr(function () {
    this.ref('id');
    this.field('title');
    this.field('text');
    for (const d of docs) this.add(d);
  });

  const rows = [
    evaluate('Scholia (BM25F, positions)', scholiaRanker(docs), queries, qrels),
    evaluate('MiniSearch 7 (defaults)', (q) => mini.search(q).map((r) => String(r.id)), queries, qrels),
    evaluate(
      'Lunr 2 (defaults)',
      (q) => lunrIx.query((b) => b.term(lunr.tokenizer(q), {})).map((r) => r.ref),
      queries,
      qrels,
    ),
  ];
  console.log(`Cranfield: ${docs.length} documents, ${rows[0]!.n} judged queries\n`);
  console.log(`${'engine'.padEnd(30)} ${'MAP'.padStart(7)} ${'nDCG@10'.padStart(8)} ${'ms/query'.padStart(9)}`);
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(30)} ${r.map.toFixed(4).padStart(7)} ${r.ndcg.toFixed(4).padStart(8)} ${r.ms.toFixed(2).padStart(9)}`,
    );
  }
  const s = rows[0]!;
  const ok = s.map >= 0.33 && s.ndcg >= 0.39;
  console.log(
    `\nTarget: Scholia MAP >= 0.33 and nDCG@10 >= 0.39: ${ok ? 'PASS' : 'MISS'} (MAP ${s.map.toFixed(4)}, nDCG@10 ${s.ndcg.toFixed(4)})`,
  );
  process.exitCode = ok ? 0 : 1;
}

main();
