// `npm run eval:metadata`: citation metadata of HTML imports on Mozilla Readability's test pages
// (../shared/datasets/readability-test-pages), beside Readability's own metadata (the baseline,
// run in the same process on the same pages: @mozilla/readability on jsdom, as its own tests do).
//
// Fields: exact title, author-name token F1, published date (same calendar day), site name
// (case-insensitive). Two golds:
//  - "raw": expected-metadata.json as shipped. It IS Readability's output, so the baseline scores
//    itself; bylines such as "by Lucas Nolan22 Dec 2016651" count as right there.
//  - "checked": the same file with the corrections in eval/metadata-corrections.json, each made by
//    reading the page (what its byline, headline, dateline and masthead say) and giving its reason.
// `--verbose` lists every page where Scholia and the gold differ.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractHtml } from '../electron/core/import/html-format.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const base = path.resolve(here, '../../shared/datasets/readability-test-pages');

interface Meta {
  title: string;
  byline: string;
  siteName: string;
  publishedTime: string;
}
type Gold = Meta;

const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** The words of a name list, lower-cased: "By Jane Doe, John Roe" → by jane doe john roe. */
function nameTokens(s: string): string[] {
  return (
    norm(s)
      .toLowerCase()
      .match(/\p{L}+/gu) ?? []
  );
}

export function tokenF1(got: string, expected: string): number {
  const a = nameTokens(got);
  const b = nameTokens(expected);
  if (!a.length && !b.length) return 1;
  if (!a.length || !b.length) return 0;
  const counts = new Map<string, number>();
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of a) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      overlap++;
      counts.set(t, c - 1);
    }
  }
  if (!overlap) return 0;
  const p = overlap / a.length;
  const r = overlap / b.length;
  return (2 * p * r) / (p + r);
}

/** The calendar day a date names, in the zone it was written in ("2015-07-24T05:36:09+01:00" → 2015-07-24). */
function day(s: string): string {
  const v = norm(s);
  if (!v) return '';
  const m = v.match(/^(\d{4}-\d{2}-\d{2})/);
  if (m && !/Z$|[+-]\d{2}:?\d{2}$/.test(v)) return m[1]!;
  const t = Date.parse(v);
  return Number.isNaN(t) ? v : new Date(t).toISOString().slice(0, 10);
}
const sameDay = (a: string, b: string): boolean => {
  if (!norm(a) && !norm(b)) return true;
  if (!norm(a) || !norm(b)) return false;
  // A timestamp with an offset may fall on the next UTC day: accept either reading.
  const plain = (x: string) => norm(x).slice(0, 10);
  return day(a) === day(b) || plain(a) === plain(b) || day(a) === plain(b) || plain(a) === day(b);
};
const sameSite = (a: string, b: string): boolean => norm(a).toLowerCase() === norm(b).toLowerCase();

interface Scores {
  title: number;
  author: number;
  date: number;
  site: number;
}

function score(got: Meta[], gold: Gold[]): Scores {
  const n = gold.length;
  let title = 0;
  let author = 0;
  let date = 0;
  let site = 0;
  gold.forEach((g, i) => {
    const x = got[i]!;
    if (norm(x.title) === norm(g.title)) title++;
    author += tokenF1(x.byline, g.byline);
    if (sameDay(x.publishedTime, g.publishedTime)) date++;
    if (sameSite(x.siteName, g.siteName)) site++;
  });
  return { title: title / n, author: author / n, date: date / n, site: site / n };
}

function readability(html: string): Meta {
  const dom = new JSDOM(html, { url: 'http://fakehost/test/page.html', virtualConsole: new VirtualConsole() });
  const r = new Readability(dom.window.document).parse();
  dom.window.close();
  return {
    title: r?.title ?? '',
    byline: r?.byline ?? '',
    siteName: r?.siteName ?? '',
    publishedTime: r?.publishedTime ?? '',
  };
}

function scholia(html: string): Meta {
  try {
    const a = extractHtml(html, 'source.html', 'http://fakehost/test/page.html');
    return { title: a.title, byline: a.author, siteName: a.source, publishedTime: a.published ?? '' };
  } catch {
    return { title: '', byline: '', siteName: '', publishedTime: '' };
  }
}

interface Correction {
  title?: string;
  byline?: string;
  siteName?: string;
  publishedTime?: string;
  why: string;
}

function main(): void {
  if (!existsSync(path.join(base, 'index.jsonl'))) {
    console.log(`eval:metadata skipped: ${base} is absent (the shared datasets are not checked out here).`);
    return;
  }
  const verbose = process.argv.includes('--verbose');
  const corrections = JSON.parse(readFileSync(path.join(here, 'metadata-corrections.json'), 'utf8')) as Record<
    string,
    Correction
  >;
  const slugs = readFileSync(path.join(base, 'index.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { slug: string }).slug);
  const raw: Gold[] = [];
  const checked: Gold[] = [];
  const ours: Meta[] = [];
  const theirs: Meta[] = [];
  let ourMs = 0;
  let theirMs = 0;
  for (const slug of slugs) {
    const dir = path.join(base, 'test-pages', slug);
    const html = readFileSync(path.join(dir, 'source.html'), 'utf8');
    const e = JSON.parse(readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8')) as Record<string, unknown>;
    const g: Gold = {
      title: norm(e.title as string),
      byline: norm(e.byline as string),
      siteName: norm(e.siteName as string),
      publishedTime: norm(e.publishedTime as string),
    };
    raw.push(g);
    const c = corrections[slug];
    checked.push(c ? { ...g, ...Object.fromEntries(Object.entries(c).filter(([k]) => k !== 'why')) } : g);
    let t = performance.now();
    ours.push(scholia(html));
    ourMs += performance.now() - t;
    t = performance.now();
    theirs.push(readability(html));
    theirMs += performance.now() - t;
  }
  const unknown = Object.keys(corrections).filter((s) => !slugs.includes(s));
  if (unknown.length) throw new Error(`metadata-corrections.json names pages not in the set: ${unknown.join(', ')}`);

  const fmt = (x: number) => x.toFixed(3);
  const row = (label: string, s: Scores) =>
    `${label.padEnd(34)} ${fmt(s.title)}   ${fmt(s.author)}    ${fmt(s.date)}  ${fmt(s.site)}`;
  console.log(`${slugs.length} pages, ${Object.keys(corrections).length} hand-checked corrections\n`);
  console.log(`${''.padEnd(34)} title   author F1  date   site`);
  for (const [name, gold] of [
    ['raw expected (Readability output)', raw],
    ['checked (corrections applied)', checked],
  ] as const) {
    console.log(name);
    console.log(row('  Readability 0.6 (jsdom) baseline', score(theirs, gold)));
    console.log(row('  Scholia', score(ours, gold)));
  }
  console.log(`\ntime: Scholia (whole import) ${Math.round(ourMs)} ms, Readability ${Math.round(theirMs)} ms`);
  const ok = (['title', 'author', 'date', 'site'] as const).every(
    (k) => score(ours, checked)[k] > score(theirs, checked)[k],
  );
  console.log(`target (better than the baseline on every field, checked gold): ${ok ? 'met' : 'NOT met'}`);
  if (verbose) {
    slugs.forEach((slug, i) => {
      const g = checked[i]!;
      const x = ours[i]!;
      const diffs: string[] = [];
      if (norm(x.title) !== g.title) diffs.push(`title: ${JSON.stringify(x.title)} ≠ ${JSON.stringify(g.title)}`);
      if (tokenF1(x.byline, g.byline) < 1)
        diffs.push(`byline: ${JSON.stringify(x.byline)} ≠ ${JSON.stringify(g.byline)}`);
      if (!sameDay(x.publishedTime, g.publishedTime))
        diffs.push(`date: ${JSON.stringify(x.publishedTime)} ≠ ${JSON.stringify(g.publishedTime)}`);
      if (!sameSite(x.siteName, g.siteName))
        diffs.push(`site: ${JSON.stringify(x.siteName)} ≠ ${JSON.stringify(g.siteName)}`);
      if (diffs.length) console.log(`${slug}\n  ${diffs.join('\n  ')}`);
    });
  }
  process.exitCode = ok ? 0 : 1;
}

main();
