// `npm run eval:search`: ranking quality on the Cranfield collection
// (1,400 aeronautics abstracts, 225 natural-language queries, graded judgments),
// through the same index and query parser the app uses, side by side with
// MiniSearch (defaults) and Lunr (defaults: stemming and stop words).
//
// MAP over the top 1,000; nDCG@10 with linear gains (the graded relevance, as
// trec_eval computes it). Relevance > 0 is relevant.
//
// The ranking parameters (DEFAULT_RANK) were tuned on Cranfield's queries, so
// Cranfield's figures flatter them. Beside them, a collection never used for
// tuning: BASIL (300 news articles, 100 events each reported by three outlets).
// Each headline is a query for the same event's two other articles (the
// article itself left out), the search a reader makes to find other coverage.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import lunr from 'lunr';
import { SearchIndex } from '../electron/core/search/search-index.js';
import { parseQuery } from '../electron/core/search/query.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.resolve(here, '../../shared/datasets/ir/cranfield');
const basilFile = path.resolve(here, '../../shared/datasets/news/basil/articles.jsonl');
const DEPTH = 1000;

interface Doc {
  id: string;
  title: string;
  text: string;
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(path.resolve(dir, file), 'utf8')
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

/** A query's plain words: headlines carry no query syntax (a leading '-', quotes, "OR" are words here). */
function plainWords(text: string): string {
  return (text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []).join(' ');
}

function evaluate(
  name: string,
  rank: Ranker,
  queries: { id: string; text: string; exclude?: string }[],
  qrels: Map<string, Map<string, number>>,
) {
  let map = 0;
  let ndcg = 0;
  let n = 0;
  const t0 = performance.now();
  for (const q of queries) {
    const rel = qrels.get(q.id);
    if (!rel || ![...rel.values()].some((r) => r > 0)) continue;
    const ranked = rank(q.text)
      .filter((id) => id !== q.exclude)
      .slice(0, DEPTH);
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

function engines(docs: Doc[]): [string, Ranker][] {
  const mini = new MiniSearch<Doc>({ fields: ['title', 'text'] });
  mini.addAll(docs);
  const lunrIx = lunr(function () {
    this.ref('id');
    this.field('title');
    this.field('text');
    for (const d of docs) this.add(d);
  });
  return [
    ['Scholia (BM25F, positions)', scholiaRanker(docs)],
    ['MiniSearch 7 (defaults)', (q) => mini.search(q).map((r) => String(r.id))],
    ['Lunr 2 (defaults)', (q) => lunrIx.query((b) => b.term(lunr.tokenizer(q), {})).map((r) => r.ref)],
  ];
}

type Row = ReturnType<typeof evaluate>;

function table(rows: Row[]): void {
  console.log(`${'engine'.padEnd(30)} ${'MAP'.padStart(7)} ${'nDCG@10'.padStart(8)} ${'ms/query'.padStart(9)}`);
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(30)} ${r.map.toFixed(4).padStart(7)} ${r.ndcg.toFixed(4).padStart(8)} ${r.ms.toFixed(2).padStart(9)}`,
    );
  }
}

/** BASIL as a known-event collection: each headline's relevant documents are its event's other two articles. */
function basil(): void {
  if (!existsSync(basilFile)) {
    console.log(`\nBASIL skipped: not at ${basilFile}`);
    return;
  }
  const articles = readJsonl<{ id: string; title: string; text: string; event_id: string }>(basilFile);
  const docs: Doc[] = articles.map((a) => ({ id: a.id, title: a.title, text: a.text }));
  const qrels = new Map<string, Map<string, number>>();
  const queries = articles.map((a) => {
    const rel = new Map<string, number>();
    for (const b of articles) if (b.event_id === a.event_id && b.id !== a.id) rel.set(b.id, 1);
    qrels.set(a.id, rel);
    return { id: a.id, text: plainWords(a.title), exclude: a.id };
  });
  const rows = engines(docs).map(([name, rank]) => evaluate(name, rank, queries, qrels));
  console.log(
    `\nBASIL (never used for tuning): ${docs.length} news articles, ${rows[0]!.n} headline queries, ` +
      `each for its event's other 2 articles\n`,
  );
  table(rows);
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

  const rows = engines(docs).map(([name, rank]) => evaluate(name, rank, queries, qrels));
  console.log(`Cranfield (the ranking was tuned on it): ${docs.length} documents, ${rows[0]!.n} judged queries\n`);
  table(rows);
  const s = rows[0]!;
  const ok = s.map >= 0.33 && s.ndcg >= 0.39;
  console.log(
    `\nTarget: Scholia MAP >= 0.33 and nDCG@10 >= 0.39: ${ok ? 'PASS' : 'MISS'} (MAP ${s.map.toFixed(4)}, nDCG@10 ${s.ndcg.toFixed(4)})`,
  );
  basil();
  process.exitCode = ok ? 0 : 1;
}

main();
