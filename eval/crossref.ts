// `npm run eval:crossref`: cross-source passage matching on real news.
//
// BASIL (../shared/datasets/news/basil): 300 articles, 100 events each
// reported by the New York Times, Fox News and HuffPost. Every article is
// asked sharedPassages() through the real service (shingle index, candidates,
// word-level matching), and the articles it names are scored:
//   precision = share of the related article pairs it reports that cover the
//               same event;
//   recall    = share of the same-event pairs that carry a common QUOTE that
//               it reports. Ground truth "common quote": the two articles
//               share a run of 8 consecutive words (case and punctuation
//               aside) lying inside quotation marks (“…” or "…", a quote left
//               open at a paragraph's end runs to that end) and inside one
//               paragraph, in BOTH texts.
//   quote coverage = share of those shared quoted 8-word runs that lie inside
//               a passage sharedPassages() reports for the right other article.
// The samples (tests/fixtures): the drone quote must be found as shared
// (exact) and the Canada sentence as a near match.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCrossrefService } from '../electron/core/crossref/service.js';
import { sharedSpans } from '../electron/core/crossref/match.js';
import { tokenize } from '../electron/core/crossref/tokens.js';
import { textLibrary, type TextDoc } from './crossref-library.js';
import { canonicalSample } from '../tests/sample-text.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const basilDir = path.resolve(here, '../../shared/datasets/news/basil');

interface Basil {
  id: string;
  title: string;
  source: string;
  date: string;
  event_id: string;
  text: string;
}

/** Character ranges inside quotation marks. */
export function quotedRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let offset = 0;
  for (const para of text.split('\n\n')) {
    let open = -1;
    for (let i = 0; i < para.length; i++) {
      const c = para[i]!;
      if (c === '“' || (c === '"' && open < 0)) {
        if (open < 0) open = i + 1;
      } else if ((c === '”' || c === '"') && open >= 0) {
        out.push([offset + open, offset + i]);
        open = -1;
      }
    }
    if (open >= 0) out.push([offset + open, offset + para.length]);
    offset += para.length + 2;
  }
  return out;
}

/** 8-word runs lying wholly inside quotation marks and one paragraph, by their words, with where each starts. */
function quotedShingles(text: string): Map<string, number> {
  const tokens = tokenize(text);
  const ranges = quotedRanges(text);
  const inQuote = tokens.map((t) => ranges.some(([s, e]) => t.start >= s && t.end <= e));
  const out = new Map<string, number>();
  for (let i = 0; i + 8 <= tokens.length; i++) {
    let ok = true;
    for (let j = i; j < i + 8 && ok; j++) ok = inQuote[j]!;
    if (!ok || text.slice(tokens[i]!.start, tokens[i + 7]!.end).includes('\n\n')) continue;
    const key = tokens
      .slice(i, i + 8)
      .map((t) => t.norm)
      .join(' ');
    if (!out.has(key)) out.set(key, tokens[i]!.start);
  }
  return out;
}

const sample = canonicalSample;

function samples(): boolean {
  const mt = sample('moscow-times-blinken-iranian-drones.txt');
  const rfe = sample('rferl-blinken-iranian-drones.txt');
  const pairs = sharedSpans(mt, rfe);
  const checks: [string, string, 'exact' | 'near'][] = [
    [
      'drone quote',
      'kill Ukrainian civilians and destroy the infrastructure they rely on for electricity, for water, for heat',
      'exact',
    ],
    [
      'Canada sentence',
      "Canada and the United States will keep working with our allies and partners to expose, to deter and to counter Iran's provision of these weapons",
      'near',
    ],
  ];
  let ok = true;
  console.log('Samples (The Moscow Times / RFE/RL):');
  for (const [name, phrase, kind] of checks) {
    const at = mt.indexOf(phrase);
    const p = pairs.find((q) => q.aStart <= at && q.aEnd >= at + phrase.length);
    const pass = p !== undefined && p.kind === kind;
    ok &&= pass;
    console.log(
      `  ${pass ? 'PASS' : 'FAIL'}  ${name}: ${p ? `${p.kind} ${p.similarity}  “${rfe.slice(p.bStart, p.bEnd).slice(0, 70)}…”` : 'not found'} (expected ${kind})`,
    );
  }
  console.log(`  ${pairs.length} shared passages in all`);
  return ok;
}

async function basil(): Promise<void> {
  const file = path.join(basilDir, 'articles.jsonl');
  if (!existsSync(file)) {
    console.log(`BASIL: skipped, ${file} is absent (the ../shared/datasets folder is not checked out here).`);
    return;
  }
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Basil);
  const event = new Map(rows.map((r) => [r.id, r.event_id]));
  const docs: TextDoc[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    source: r.source,
    published: r.date,
    text: r.text,
  }));
  const crossref = createCrossrefService(textLibrary(docs));
  const t0 = performance.now();
  await crossref.warm();
  const tIndex = performance.now() - t0;

  const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const reported = new Set<string>();
  /** For each (article, other): the spans of the article shared with that other. */
  const spans = new Map<string, [number, number][]>();
  let passages = 0;
  const t1 = performance.now();
  for (const r of rows) {
    for (const s of await crossref.sharedPassages(r.id)) {
      passages++;
      for (const m of s.matches) {
        reported.add(key(r.id, m.articleId));
        const k = `${r.id}>${m.articleId}`;
        spans.set(k, [...(spans.get(k) ?? []), [s.start, s.end]]);
      }
    }
  }
  const tQuery = performance.now() - t1;

  const sameEvent = [...reported].filter((k) => {
    const [a, b] = k.split('|') as [string, string];
    return event.get(a) === event.get(b);
  });

  // Ground truth: pairs that share a quoted 8-word run.
  const shingles = new Map(rows.map((r) => [r.id, quotedShingles(r.text)]));
  let truthSame = 0;
  let truthCross = 0;
  let found = 0;
  let quoteRuns = 0;
  let quoteCovered = 0;
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      const a = rows[i]!;
      const b = rows[j]!;
      const sa = shingles.get(a.id)!;
      const sb = shingles.get(b.id)!;
      const common = [...sa.keys()].filter((k) => sb.has(k));
      if (common.length === 0) continue;
      if (a.event_id !== b.event_id) {
        truthCross++;
        continue;
      }
      truthSame++;
      if (reported.has(key(a.id, b.id))) found++;
      const mine = spans.get(`${a.id}>${b.id}`) ?? [];
      for (const c of common) {
        quoteRuns++;
        const at = sa.get(c)!;
        if (mine.some(([s, e]) => s <= at && at < e)) quoteCovered++;
      }
    }
  }

  const pct = (x: number, n: number) => (n ? `${((100 * x) / n).toFixed(1)}%` : 'n/a');
  console.log(`BASIL: ${rows.length} articles, ${new Set(event.values()).size} events`);
  console.log(`  index built in ${tIndex.toFixed(0)} ms; ${rows.length} sharedPassages() in ${tQuery.toFixed(0)} ms`);
  console.log(`  ${passages} shared passages reported, ${reported.size} related article pairs`);
  console.log(
    `  precision (same event)      ${pct(sameEvent.length, reported.size)}  (${sameEvent.length}/${reported.size})`,
  );
  console.log(`  recall (quote-sharing pairs) ${pct(found, truthSame)}  (${found}/${truthSame})`);
  console.log(`  quote coverage (8-word runs) ${pct(quoteCovered, quoteRuns)}  (${quoteCovered}/${quoteRuns})`);
  console.log(`  (pairs of different events that share a quoted 8-word run: ${truthCross})`);
  const wrong = [...reported].filter((k) => !sameEvent.includes(k)).slice(0, 5);
  for (const k of wrong) {
    const [a, b] = k.split('|') as [string, string];
    const s = spans.get(`${a}>${b}`)?.[0];
    const text = s ? rows.find((r) => r.id === a)!.text.slice(s[0], s[1]) : '';
    console.log(`  cross-event: ${a} / ${b}: “${text.replace(/\s+/g, ' ').slice(0, 100)}”`);
  }
}

const ok = samples();
await basil();
if (!ok) process.exitCode = 1;
