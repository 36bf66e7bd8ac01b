// Cross-source passages at library scale: 2,000 articles (the 300 BASIL news
// articles, 100 events x 3 outlets, plus BBC News articles when
// ../shared/datasets is present; else generated articles in which groups of
// three carry the same quoted sentences), served through the real service
// from texts held in memory (no disk reads in the figures).
//   build: the shingle index over every article (first question's cost);
//   query: sharedPassages() on one article, p95 over 200 articles, with the
//          prepared-text cache cold for the article asked (the usual case:
//          the reader opens an article).
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCrossrefService } from '../electron/core/crossref/service.js';
import { ShingleIndex } from '../electron/core/crossref/shingle-index.js';
import { textLibrary, type TextDoc } from '../eval/crossref-library.js';
import { percentile, report } from './report.js';
import { rng } from './rng.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const datasets = path.resolve(here, '../../shared/datasets');
const N = 2000;

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

function realArticles(): TextDoc[] | null {
  const basil = path.join(datasets, 'news/basil/articles.jsonl');
  const bbc = path.join(datasets, 'news/bbc/bbc.jsonl');
  if (!existsSync(basil) || !existsSync(bbc)) return null;
  const docs: TextDoc[] = readJsonl<{ id: string; title: string; source: string; text: string }>(basil).map((r) => ({
    id: r.id,
    title: r.title,
    source: r.source,
    text: r.text,
  }));
  for (const r of readJsonl<{ id: string; title: string; text: string }>(bbc)) {
    if (docs.length >= N) break;
    docs.push({ id: `bbc-${r.id}`, title: r.title, source: 'BBC News', text: r.text });
  }
  return docs;
}

/** ~600-word articles of random words; every three share four quoted sentences. */
function generatedArticles(): TextDoc[] {
  const r = rng(11);
  const syl = ['ka', 'to', 'ri', 'ne', 'sa', 'mo', 'lu', 'pe', 'di', 'ga', 'vo', 'an', 'er', 'is', 'ul'];
  const vocab: string[] = [];
  for (let i = 0; i < 20_000; i++) {
    let w = '';
    for (let n = 1 + Math.floor(r() * 3); n > 0; n--) w += syl[Math.floor(r() * syl.length)];
    vocab.push(w);
  }
  const word = () => vocab[Math.floor(Math.pow(r(), 2.5) * vocab.length)]!;
  const sentence = (n: number) => {
    const w = Array.from({ length: n }, word);
    return `${w[0]![0]!.toUpperCase()}${w.join(' ').slice(1)}.`;
  };
  const docs: TextDoc[] = [];
  let quotes: string[] = [];
  for (let i = 0; i < N; i++) {
    if (i % 3 === 0) quotes = Array.from({ length: 4 }, () => sentence(15 + Math.floor(r() * 15)));
    const paras: string[] = [];
    for (let p = 0; p < 20; p++) {
      paras.push(p % 5 === 2 ? `“${quotes[p / 5 - 0.4]}” he said.` : `${sentence(14)} ${sentence(12)}`);
    }
    docs.push({ id: `gen-${i}`, title: `Article ${i}`, source: `Outlet ${i % 3}`, text: paras.join('\n\n') });
  }
  return docs;
}

export default async function (): Promise<void> {
  const real = realArticles();
  const docs = real ?? generatedArticles();
  console.log(
    real
      ? `${docs.length} articles: BASIL + BBC News`
      : `${docs.length} generated articles (../shared/datasets absent)`,
  );
  const words = docs.reduce((s, d) => s + d.text.split(/\s+/).length, 0);
  const crossref = createCrossrefService(textLibrary(docs));
  const t0 = performance.now();
  await crossref.warm();
  const build = (performance.now() - t0) / 1000;
  report(
    `crossref index build, ${docs.length} articles (${Math.round(words / 1000)}k words)`,
    build,
    's',
    '≤ 5 s',
    build <= 5,
  );

  // Reopening a library loads the saved index (crossref-index.bin) instead of rereading every article.
  const standalone = new ShingleIndex();
  for (const d of docs) standalone.add(d.id, d.text, 'v');
  const saved = standalone.serialize();
  const t1 = performance.now();
  ShingleIndex.deserialize(saved);
  report(
    `crossref index load from disk, ${docs.length} articles (${(saved.length / 1e6).toFixed(1)} MB)`,
    performance.now() - t1,
    'ms',
    '(no target)',
    null,
  );
  const r = rng(5);
  const pick = () => docs[Math.floor(r() * docs.length)]!.id;
  // A running app has compiled its hot code: the first 20 questions warm up
  // the JIT and are not counted.
  for (let i = 0; i < 20; i++) await crossref.sharedPassages(pick());
  (globalThis as { gc?: () => void }).gc?.();
  const asked = Array.from({ length: 200 }, pick);
  const times: number[] = [];
  const cpu: number[] = [];
  let found = 0;
  for (const id of asked) {
    const u = process.cpuUsage();
    const t = performance.now();
    const shared = await crossref.sharedPassages(id);
    times.push(performance.now() - t);
    const d = process.cpuUsage(u);
    cpu.push((d.user + d.system) / 1000);
    if (shared.length) found++;
  }
  const p95 = percentile(times, 95);
  report('crossref sharedPassages() on one article, p95', p95, 'ms', '≤ 50 ms', p95 <= 50);
  report('crossref sharedPassages() median', percentile(times, 50), 'ms', '(no target)', null);
  // CPU time is what the work costs; wall time above also counts waiting for
  // a core when the machine is busy (load average printed for that reason).
  report('crossref sharedPassages() CPU time, p95', percentile(cpu, 95), 'ms', '(no target)', null);
  console.log(`      (load average while measuring: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`);
  report('crossref articles asked that share a passage', found, `/ ${asked.length}`, '(no target)', null);
}
