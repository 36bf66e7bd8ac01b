// What the story view shows, computed from the story's articles (pure over
// their prepared texts): who published when and whose words each carries from
// earlier ones, the quote matrix (quoted statements x outlets, verbatim or
// altered, with the speaker), what each outlet adds, and word diffs of the
// near-identical passages.
import type { StoryAddition, StoryArticle, StoryDiff, StoryQuote, QuoteCarrier } from './api.js';
import { alignPrepared, type AlignedPair, type PreparedText } from './match.js';
import { extractQuotes } from './quotes.js';
import { normaliseWord } from './tokens.js';
import { wordDiff } from '../word-diff.js';

export interface ViewArticle {
  id: string;
  title: string;
  source: string;
  published: string | null;
  url: string;
  prepared: PreparedText;
}

/** Shortest quote the matrix lists, in words. */
const QUOTE_MIN_WORDS = 4;
/** A quote keeping this share of the shorter one's words in order is the same statement, altered. */
const ALTERED_SHARE = 0.6;
/** Shortest sentence listed as an addition, in words. */
const ADDITION_MIN_WORDS = 6;
/** A sentence sharing this share of its content words with a sentence of another article is carried by it. */
const CARRIED_SHARE = 0.5;
const MAX_DIFFS = 40;

const STOP = new Set(
  'the a an and or but of to in on at for with by from as is are was were be been has have had it its this that these those he she they his her their we our you your i not no said says will would could should may might than then there which who whom what when where while also into over after before about'.split(
    ' ',
  ),
);

function words(s: string): string[] {
  return (s.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? []).map(normaliseWord);
}

function lcsLength(x: string[], y: string[]): number {
  const w = y.length + 1;
  const dp = new Uint16Array((x.length + 1) * w);
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      dp[i * w + j] = x[i] === y[j] ? dp[(i + 1) * w + j + 1]! + 1 : Math.max(dp[(i + 1) * w + j]!, dp[i * w + j + 1]!);
  return dp[0]!;
}

function contains(hay: string[], needle: string[]): boolean {
  if (needle.length > hay.length) return false;
  const h = ` ${hay.join(' ')} `;
  return h.includes(` ${needle.join(' ')} `);
}

/** Articles in publication order, unknown dates last (then by title). */
export function byPublication<T extends { published: string | null; title: string }>(list: T[]): T[] {
  return [...list].sort((a, b) =>
    a.published === b.published
      ? a.title.localeCompare(b.title)
      : a.published === null
        ? 1
        : b.published === null
          ? -1
          : a.published < b.published
            ? -1
            : 1,
  );
}

export function timeline(
  arts: ViewArticle[],
  pairsOf: (a: ViewArticle, b: ViewArticle) => AlignedPair[],
): StoryArticle[] {
  const ordered = byPublication(arts);
  return ordered.map((a, i) => {
    const carries: { articleId: string; words: number }[] = [];
    for (const e of ordered.slice(0, i)) {
      if (!e.published || !a.published || e.published >= a.published) continue;
      const exact = pairsOf(a, e).filter((p) => p.kind === 'exact' || p.tokenAligned);
      const w = exact.reduce((s, p) => s + p.aTok[1] - p.aTok[0], 0);
      if (w > 0) carries.push({ articleId: e.id, words: w });
    }
    return {
      id: a.id,
      title: a.title,
      source: a.source,
      published: a.published,
      url: a.url,
      carriesFromEarlier: carries,
    };
  });
}

export function quoteMatrix(arts: ViewArticle[]): StoryQuote[] {
  interface Cluster {
    rep: string[];
    text: string;
    carriers: QuoteCarrier[];
  }
  const clusters: Cluster[] = [];
  for (const a of byPublication(arts)) {
    for (const q of extractQuotes(a.prepared.text, QUOTE_MIN_WORDS)) {
      const w = words(q.text);
      let home: Cluster | undefined;
      let kind: QuoteCarrier['kind'] = 'verbatim';
      for (const c of clusters) {
        if (c.carriers.some((x) => x.articleId === a.id)) continue;
        if (contains(c.rep, w) || contains(w, c.rep) || c.rep.join(' ') === w.join(' ')) {
          home = c;
          kind = 'verbatim';
          break;
        }
        const shorter = Math.min(c.rep.length, w.length);
        if (
          shorter >= QUOTE_MIN_WORDS &&
          lcsLength(c.rep, w) >= ALTERED_SHARE * Math.max(shorter, 1) &&
          Math.abs(c.rep.length - w.length) <= Math.max(c.rep.length, w.length)
        ) {
          home = c;
          kind = 'altered';
          break;
        }
      }
      const carrier: QuoteCarrier = {
        articleId: a.id,
        start: q.start,
        end: q.end,
        text: q.text,
        kind,
        speaker: q.speaker,
      };
      if (home) home.carriers.push(carrier);
      else clusters.push({ rep: w, text: q.text, carriers: [{ ...carrier, kind: 'verbatim' }] });
    }
  }
  // Verbatim or altered against the wording most outlets carry (the earliest among equals), not the first seen.
  for (const c of clusters) {
    const forms = c.carriers.map((x) => words(x.text));
    const tally = new Map<string, number>();
    for (const f of forms) tally.set(f.join(' '), (tally.get(f.join(' ')) ?? 0) + 1);
    let best = forms[0]!;
    for (const f of forms) if (tally.get(f.join(' '))! > tally.get(best.join(' '))!) best = f;
    c.text = c.carriers[forms.indexOf(best)]!.text;
    c.carriers.forEach((x, i) => {
      x.kind = contains(best, forms[i]!) || contains(forms[i]!, best) ? 'verbatim' : 'altered';
    });
  }
  return clusters
    .map((c) => {
      const counts = new Map<string, number>();
      for (const x of c.carriers) if (x.speaker) counts.set(x.speaker, (counts.get(x.speaker) ?? 0) + 1);
      // The most named speaker; between equals, the longer name ("Antony Blinken" over "Blinken").
      const speaker = [...counts.entries()].sort((x, y) => y[1] - x[1] || y[0].length - x[0].length)[0]?.[0] ?? '';
      return { text: c.text, speaker, carriers: c.carriers };
    })
    .sort((x, y) => y.carriers.length - x.carriers.length);
}

export function additions(
  arts: ViewArticle[],
  pairsOf: (a: ViewArticle, b: ViewArticle) => AlignedPair[],
): StoryAddition[] {
  const sentenceWords = (a: ViewArticle) =>
    a.prepared.sentences.map((s) => {
      const start = a.prepared.starts[s.from]!;
      const end = a.prepared.ends[s.to - 1]!;
      const text = a.prepared.text.slice(start, end);
      return { start, end, text, n: s.to - s.from, content: new Set(words(text).filter((w) => !STOP.has(w))) };
    });
  const all = new Map(arts.map((a) => [a.id, sentenceWords(a)]));
  return arts.map((a) => {
    const shared: [number, number][] = [];
    for (const b of arts) if (b !== a) for (const p of pairsOf(a, b)) shared.push([p.aStart, p.aEnd]);
    const sentences = all.get(a.id)!.filter((s) => {
      if (s.n < ADDITION_MIN_WORDS) return false;
      if (shared.some(([x, y]) => x < s.end && s.start < y)) return false;
      for (const b of arts) {
        if (b === a) continue;
        for (const t of all.get(b.id)!) {
          let common = 0;
          for (const w of s.content) if (t.content.has(w)) common++;
          if (s.content.size && common >= CARRIED_SHARE * s.content.size) return false;
        }
      }
      return true;
    });
    return { articleId: a.id, sentences: sentences.map(({ start, end, text }) => ({ start, end, text })) };
  });
}

export function diffs(arts: ViewArticle[], pairsOf: (a: ViewArticle, b: ViewArticle) => AlignedPair[]): StoryDiff[] {
  const out: StoryDiff[] = [];
  for (let i = 0; i < arts.length; i++)
    for (let j = i + 1; j < arts.length; j++) {
      const a = arts[i]!;
      const b = arts[j]!;
      for (const p of pairsOf(a, b)) {
        if (p.kind !== 'near') continue;
        const x = a.prepared.text.slice(p.aStart, p.aEnd);
        const y = b.prepared.text.slice(p.bStart, p.bEnd);
        out.push({
          aId: a.id,
          bId: b.id,
          aStart: p.aStart,
          aEnd: p.aEnd,
          bStart: p.bStart,
          bEnd: p.bEnd,
          similarity: p.similarity,
          pieces: wordDiff(x, y),
        });
      }
    }
  return out.sort((x, y) => y.similarity - x.similarity).slice(0, MAX_DIFFS);
}

/** Pairs of two articles, computed once per pair (either order). */
export function pairCache(): (a: ViewArticle, b: ViewArticle) => AlignedPair[] {
  const memo = new Map<string, AlignedPair[]>();
  return (a, b) => {
    const k = `${a.id}|${b.id}`;
    let v = memo.get(k);
    if (!v) memo.set(k, (v = alignPrepared(a.prepared, b.prepared)));
    return v;
  };
}

/** Each article's spans that another article of the story carries, merged where they overlap. */
export function sharedSpans(
  arts: ViewArticle[],
  pairsOf: (a: ViewArticle, b: ViewArticle) => AlignedPair[],
): { articleId: string; start: number; end: number; kind: 'exact' | 'near' }[] {
  const out: { articleId: string; start: number; end: number; kind: 'exact' | 'near' }[] = [];
  for (const a of arts) {
    const spans: { start: number; end: number; kind: 'exact' | 'near' }[] = [];
    for (const b of arts)
      if (b !== a) for (const p of pairsOf(a, b)) spans.push({ start: p.aStart, end: p.aEnd, kind: p.kind });
    spans.sort((x, y) => x.start - y.start);
    const merged: typeof spans = [];
    for (const s of spans) {
      const last = merged[merged.length - 1];
      if (last && s.start <= last.end) {
        last.end = Math.max(last.end, s.end);
        if (s.kind === 'exact') last.kind = 'exact';
      } else merged.push({ ...s });
    }
    for (const m of merged) out.push({ articleId: a.id, ...m });
  }
  return out;
}
