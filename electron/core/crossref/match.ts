// Passages two texts share, found by words, placed by characters.
//
// 1. Exact runs: every run of SEED_K words of one text is looked up in a hash
//    map of the other's, and each hit is extended word by word along its
//    diagonal (a quote carried word for word is one long run). Runs shorter
//    than minWords are dropped so that stock phrases ("the United States and
//    its allies") do not count as shared passages.
// 2. Near sentences: sentences linked by a shared run of SEED_K words are
//    aligned by longest common subsequence of words; a pair that keeps most of its words
//    in order ("said" for "vowed", a word added) is a near match when no
//    single exact run already covers most of it.
// Punctuation is not a word, so "to deter and" / "to deter, and" form one
// run; comparing the two spans' characters then labels it 'near'.
import { splitSentences, type Sentence } from './sentences.js';
import { scanWords, shingleHashes } from './tokens.js';

export type MatchKind = 'exact' | 'near';

export interface MatchPair {
  /** Offsets into each text (UTF-16 code units, end exclusive). */
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  /** 1 for identical passages; lower as the wording drifts apart. */
  similarity: number;
  kind: MatchKind;
}

/** A pair with the word indices it covers (for mapping a sub-span across). */
export interface AlignedPair extends MatchPair {
  aTok: [number, number];
  bTok: [number, number];
  /** True when the words correspond one to one (an exact run), so any sub-span maps across. */
  tokenAligned: boolean;
}

export interface MatchOptions {
  /** Shortest shared passage, in words (default 8). */
  minWords?: number;
  /** Lowest word similarity for a near-identical sentence pair (default 0.6). */
  minNearSimilarity?: number;
}

export const DEFAULT_MIN_WORDS = 8;
/** Seed length in words: below any minWords we accept, so seeds never miss a run. */
export const SEED_K = 5;
const DEFAULT_NEAR = 0.6;
/** Share of the shorter sentence's words a near pair must keep in order. */
const NEAR_COVERAGE = 0.6;
/** A run this much of a near pair's longer side stays an exact match instead. */
const RUN_DOMINATES = 0.75;
/** Repeated phrases (a refrain, a boilerplate line) must not make matching quadratic. */
const MAX_POSITIONS = 64;
/** Sentences longer than this (lists, run-on text) are not aligned word by word. */
const MAX_SENTENCE_WORDS = 400;

/** A text prepared once for many comparisons (the library index caches these). */
export interface PreparedText {
  text: string;
  /** Word i is text.slice(starts[i], ends[i]). */
  starts: Int32Array;
  ends: Int32Array;
  hashes: Uint32Array;
  seeds: Uint32Array;
  sentences: Sentence[];
}

export function prepareText(text: string): PreparedText {
  const { starts, ends, hashes } = scanWords(text);
  return { text, starts, ends, hashes, seeds: shingleHashes(hashes, SEED_K), sentences: splitSentences(text, starts) };
}

interface Run {
  a: number;
  b: number;
  len: number;
}

/** Where each hash occurs (at most MAX_POSITIONS places). */
function positions(hashes: Uint32Array): Map<number, number[]> {
  const where = new Map<number, number[]>();
  for (let j = 0; j < hashes.length; j++) {
    const h = hashes[j]!;
    const list = where.get(h);
    if (!list) where.set(h, [j]);
    else if (list.length < MAX_POSITIONS) list.push(j);
  }
  return where;
}

/** Lookup tables of a prepared text, built on first use and kept with it (texts are compared many times). */
interface Lookups {
  seedsAt: Map<number, number[]>;
  /** The sentence each word belongs to. */
  sentenceOf: Int32Array;
  /** 1 where a paragraph break follows the word. */
  breakAfter: Uint8Array;
}
const lookups = new WeakMap<PreparedText, Lookups>();

function lookupsOf(t: PreparedText): Lookups {
  let l = lookups.get(t);
  if (!l) {
    const sentenceOf = new Int32Array(t.hashes.length);
    t.sentences.forEach((s, k) => sentenceOf.fill(k, s.from, s.to));
    const breakAfter = new Uint8Array(t.hashes.length);
    for (let at = t.text.indexOf('\n\n'); at >= 0; at = t.text.indexOf('\n\n', at + 2)) {
      // The word before the break: the last word ending at or before it.
      let lo = 0;
      let hi = t.ends.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (t.ends[mid]! <= at) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (found >= 0) breakAfter[found] = 1;
    }
    l = { seedsAt: positions(t.seeds), sentenceOf, breakAfter };
    lookups.set(t, l);
  }
  return l;
}

/** Maximal runs of identical words of at least minWords (SEED_K or more). */
export function exactRuns(a: PreparedText, b: PreparedText, minWords = SEED_K): Run[] {
  // The lookup table is a's (the article asked about, compared with many
  // others: built once), and b's seeds are walked in order.
  const where = lookupsOf(a).seedsAt;
  // How far along each diagonal (a - b) a run already reaches in b: a later
  // seed inside a found run is the same run.
  const reach = new Map<number, number>();
  const runs: Run[] = [];
  const ah = a.hashes;
  const bh = b.hashes;
  for (let j = 0; j < b.seeds.length; j++) {
    const list = where.get(b.seeds[j]!);
    if (!list) continue;
    for (const i of list) {
      const diag = i - j;
      if ((reach.get(diag) ?? -1) > j) continue;
      let len = 0;
      while (i + len < ah.length && j + len < bh.length && ah[i + len] === bh[j + len]) len++;
      if (len < SEED_K) continue; // a hash collision, not shared words
      reach.set(diag, j + len);
      if (len >= minWords) runs.push({ a: i, b: j, len });
    }
  }
  return runs;
}

/**
 * Below this many words, a run that is mostly capitalised words is a person's
 * name and title ("Senator Mark Warner of Virginia, the top Democrat on the
 * Senate Intelligence Committee"), which news stories repeat whatever the
 * story: not a shared passage.
 */
const SHORT_RUN = 12;
const NAME_SHARE = 0.4;

function isNamePhrase(t: PreparedText, from: number, len: number): boolean {
  let caps = 0;
  // The first word may be capitalised because it starts a sentence.
  for (let i = from + 1; i < from + len; i++) {
    const at = t.starts[i]!;
    const c = t.text.charCodeAt(at);
    if (c >= 65 && c <= 90) caps++;
    else if (c > 127 && /\p{Lu}/u.test(t.text[at]!)) caps++;
  }
  return caps >= NAME_SHARE * len;
}

/** Characters as a reader compares them: case, quote and dash styles and spacing folded. */
function foldChars(s: string): string {
  return s
    .toLowerCase()
    .replace(/[“”„‟«»″]/g, '"')
    .replace(/[‘’‚‛ʼ′]/g, "'")
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words and punctuation marks: what a reader sees differ between two wordings. */
function fineTokens(s: string): string[] {
  return foldChars(s).match(/[\p{L}\p{N}']+|[^\s\p{L}\p{N}]/gu) ?? [];
}

/** Dice coefficient of two multisets of fine tokens. */
function dice(x: string[], y: string[]): number {
  if (x.length + y.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const t of x) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of y) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      common++;
      counts.set(t, c - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

/** Similarity of two spans' characters, punctuation included: 1 when a reader sees the same text. */
export function spanSimilarity(x: string, y: string): number {
  if (foldChars(x) === foldChars(y)) return 1;
  return Math.min(0.999, dice(fineTokens(x), fineTokens(y)));
}

/** Longest common subsequence of two word ranges: the matched index pairs, in order. */
function lcs(ah: Uint32Array, a0: number, a1: number, bh: Uint32Array, b0: number, b1: number): [number, number][] {
  const n = a1 - a0;
  const m = b1 - b0;
  const w = m + 1;
  const dp = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * w + j] =
        ah[a0 + i] === bh[b0 + j] ? dp[(i + 1) * w + j + 1]! + 1 : Math.max(dp[(i + 1) * w + j]!, dp[i * w + j + 1]!);
    }
  }
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (ah[a0 + i] === bh[b0 + j]) {
      out.push([a0 + i, b0 + j]);
      i++;
      j++;
    } else if (dp[(i + 1) * w + j]! >= dp[i * w + j + 1]!) i++;
    else j++;
  }
  return out;
}

interface Near {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
  similarity: number;
}

/**
 * Sentence pairs that keep most of their words in order. Only sentences
 * linked by a shared run of SEED_K words are aligned: a sentence with small
 * edits keeps such a run, and a library of unrelated sentences costs nothing.
 */
function nearSentences(a: PreparedText, b: PreparedText, seeds: Run[], minWords: number, minSim: number): Near[] {
  const sentA = lookupsOf(a).sentenceOf;
  const sentB = lookupsOf(b).sentenceOf;
  const linked = new Set<number>();
  for (const r of seeds) {
    for (let t = 0; t < r.len; t++) {
      const sa = a.sentences[sentA[r.a + t]!]!;
      // A sentence carried whole by one run is an exact match already.
      if (r.a <= sa.from && r.a + r.len >= sa.to) continue;
      linked.add(sentA[r.a + t]! * 2 ** 21 + sentB[r.b + t]!);
    }
  }
  const found: Near[] = [];
  for (const key of linked) {
    const sa = a.sentences[Math.floor(key / 2 ** 21)]!;
    const sb = b.sentences[key % 2 ** 21]!;
    const len = sa.to - sa.from;
    const lenB = sb.to - sb.from;
    if (len < minWords || len > MAX_SENTENCE_WORDS || lenB < minWords || lenB > MAX_SENTENCE_WORDS) continue;
    const pairs = lcs(a.hashes, sa.from, sa.to, b.hashes, sb.from, sb.to);
    // Most of the shorter sentence must be carried: two sentences that only
    // share a name and its title ("Senate Majority Leader Mitch McConnell,
    // R-Ky., said") are not the same sentence.
    if (pairs.length < minWords || pairs.length < NEAR_COVERAGE * Math.min(len, lenB)) continue;
    // Trim to the aligned region: a long sentence that carries a short one
    // plus a clause of its own matches on the part they share.
    const a0 = pairs[0]![0];
    const a1 = pairs[pairs.length - 1]![0] + 1;
    const b0 = pairs[0]![1];
    const b1 = pairs[pairs.length - 1]![1] + 1;
    const similarity = (2 * pairs.length) / (a1 - a0 + (b1 - b0));
    if (a1 - a0 < SHORT_RUN && isNamePhrase(a, a0, a1 - a0)) continue;
    if (similarity >= minSim) found.push({ a0, a1, b0, b1, similarity });
  }
  // Each region of either text in at most one near pair, the best first.
  found.sort((x, y) => y.similarity - x.similarity || y.a1 - y.a0 - (x.a1 - x.a0));
  const kept: Near[] = [];
  for (const f of found) {
    if (kept.some((k) => (f.a0 < k.a1 && k.a0 < f.a1) || (f.b0 < k.b1 && k.b0 < f.b1))) continue;
    kept.push(f);
  }
  return kept;
}

/**
 * Runs cut where either text starts a new paragraph: a passage is read within
 * its paragraph, and the side-by-side view aligns paragraph with paragraph.
 * Pieces shorter than minWords (a paragraph's last few words) are dropped:
 * every passage reported has at least minWords words.
 */
function splitAtParagraphs(a: PreparedText, b: PreparedText, runs: Run[], minWords: number): Run[] {
  const ba = lookupsOf(a).breakAfter;
  const bb = lookupsOf(b).breakAfter;
  const out: Run[] = [];
  for (const r of runs) {
    let from = 0;
    for (let t = 0; t < r.len; t++) {
      const last = t === r.len - 1;
      if (last || ba[r.a + t] || bb[r.b + t]) {
        const len = t + 1 - from;
        if (len >= minWords) out.push({ a: r.a + from, b: r.b + from, len });
        from = t + 1;
      }
    }
  }
  return out;
}

/** All the passages two prepared texts share, ordered by their place in a. */
export function alignPrepared(a: PreparedText, b: PreparedText, opts: MatchOptions = {}): AlignedPair[] {
  const minWords = Math.max(SEED_K, opts.minWords ?? DEFAULT_MIN_WORDS);
  const seeds = exactRuns(a, b, SEED_K);
  const runs = splitAtParagraphs(
    a,
    b,
    seeds.filter((r) => r.len >= minWords),
    minWords,
  ).filter((r) => !(r.len < SHORT_RUN && isNamePhrase(a, r.a, r.len)));
  const near = nearSentences(a, b, seeds, minWords, opts.minNearSimilarity ?? DEFAULT_NEAR);
  const dropped = new Set<Run>();
  const out: AlignedPair[] = [];
  for (const n of near) {
    const inside = runs.filter((r) => r.a < n.a1 && n.a0 < r.a + r.len && r.b < n.b1 && n.b0 < r.b + r.len);
    const longest = Math.max(0, ...inside.map((r) => r.len));
    if (longest >= RUN_DOMINATES * Math.max(n.a1 - n.a0, n.b1 - n.b0)) continue;
    // A run reaching outside the sentence is a longer copied passage: it wins.
    const contained = inside.every((r) => r.a >= n.a0 && r.a + r.len <= n.a1 && r.b >= n.b0 && r.b + r.len <= n.b1);
    if (!contained) continue;
    for (const r of inside) dropped.add(r);
    out.push({
      aStart: a.starts[n.a0]!,
      aEnd: a.ends[n.a1 - 1]!,
      bStart: b.starts[n.b0]!,
      bEnd: b.ends[n.b1 - 1]!,
      similarity: round(n.similarity),
      kind: 'near',
      aTok: [n.a0, n.a1],
      bTok: [n.b0, n.b1],
      tokenAligned: false,
    });
  }
  for (const r of runs) {
    if (dropped.has(r)) continue;
    const aStart = a.starts[r.a]!;
    const aEnd = a.ends[r.a + r.len - 1]!;
    const bStart = b.starts[r.b]!;
    const bEnd = b.ends[r.b + r.len - 1]!;
    const similarity = spanSimilarity(a.text.slice(aStart, aEnd), b.text.slice(bStart, bEnd));
    out.push({
      aStart,
      aEnd,
      bStart,
      bEnd,
      similarity: round(similarity),
      kind: similarity === 1 ? 'exact' : 'near',
      aTok: [r.a, r.a + r.len],
      bTok: [r.b, r.b + r.len],
      tokenAligned: true,
    });
  }
  return out.sort((x, y) => x.aStart - y.aStart || x.bStart - y.bStart);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The passages two canonical texts share (pure; see the header for how). */
export function sharedSpans(a: string, b: string, opts: MatchOptions = {}): MatchPair[] {
  return alignPrepared(prepareText(a), prepareText(b), opts).map(
    ({ aStart, aEnd, bStart, bEnd, similarity, kind }) => ({ aStart, aEnd, bStart, bEnd, similarity, kind }),
  );
}
