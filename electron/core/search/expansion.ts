// Query expansion: the index terms a query word stands for (the word's stem,
// completions of the word being typed, typo corrections when it matches
// nothing) and, for long queries, terms lent by the first pass's best
// documents (pseudo-relevance feedback).
import { idf, type SearchOutcome } from './records.js';
import type { SearchIndex } from './search-index.js';
import { isStopWord, stemWord } from './text.js';

/** An index term standing for a query word, with its weight relative to the word itself. */
export interface Expansion {
  term: string;
  weight: number;
}

const MAX_PREFIX_EXPANSIONS = 40;
const MAX_TYPO_EXPANSIONS = 8;

/** Index terms a query word stands for, with weights: the word, its prefix completions, or typo corrections. */
export function expandWord(ix: SearchIndex, word: string, prefix: boolean): Expansion[] {
  const out: Expansion[] = [];
  const seen = new Set<string>();
  if (!isStopWord(word)) {
    const t = stemWord(word);
    if ((ix.terms.get(t)?.df ?? 0) > 0) {
      out.push({ term: t, weight: 1 });
      seen.add(t);
    }
  }
  if (prefix) {
    const cands: string[] = [];
    const list = ix.surfaces();
    for (let i = lowerBound(list, word); i < list.length; i++) {
      const s = list[i]!;
      if (!s.startsWith(word)) break;
      const t = ix.surfaceTerm.get(s)!;
      if (!seen.has(t)) {
        seen.add(t);
        cands.push(t);
      }
      if (cands.length > 2000) break;
    }
    // Short prefixes match many words: keep the commonest, which keeps typing fast.
    const cap = word.length <= 1 ? 8 : word.length === 2 ? 16 : MAX_PREFIX_EXPANSIONS;
    cands.sort((a, b) => (ix.terms.get(b)?.df ?? 0) - (ix.terms.get(a)?.df ?? 0));
    // And a budget of postings to read, so a prefix of common words stays fast at any library size.
    let budget = Math.max(20_000, 2 * ix.live);
    for (const t of cands.slice(0, cap)) {
      const df = ix.terms.get(t)?.df ?? 0;
      if (df > budget && out.length > 0) continue;
      budget -= df;
      out.push({ term: t, weight: ix.rank.prefixWeight });
    }
  }
  if (out.length === 0 && word.length >= 4 && !isStopWord(word)) {
    for (const t of typoTerms(ix, word)) out.push({ term: t, weight: ix.rank.typoWeight });
  }
  return out;
}

/** Terms of surface words within one edit (two for long words) of `word`: the fallback when it matches nothing. */
function typoTerms(ix: SearchIndex, word: string): string[] {
  const max = word.length >= 8 ? 2 : 1;
  const found = new Map<string, number>();
  for (const s of ix.surfaces()) {
    if (Math.abs(s.length - word.length) > max) continue;
    const d = boundedDistance(word, s, max);
    if (d <= max) {
      const t = ix.surfaceTerm.get(s)!;
      const prev = found.get(t);
      if (prev === undefined || d < prev) found.set(t, d);
    }
  }
  return [...found.entries()]
    .sort((a, b) => a[1] - b[1] || (ix.terms.get(b[0])?.df ?? 0) - (ix.terms.get(a[0])?.df ?? 0))
    .slice(0, MAX_TYPO_EXPANSIONS)
    .map(([t]) => t);
}

/** Expansion terms from the first pass's best documents (relevance model, idf-weighted). */
export function feedbackTerms(ix: SearchIndex, first: SearchOutcome): Expansion[] {
  const inQuery = new Set(first.terms);
  const cand = new Map<string, number>();
  const sum = first.hits.reduce((s, h) => s + h.score, 0) || 1;
  for (const h of first.hits) {
    const len = h.doc.lens[3] + h.doc.lens[0] || 1;
    h.doc.sig.forEach((t, i) => {
      if (inQuery.has(t)) return;
      const df = ix.terms.get(t)?.df ?? 0;
      if (df < 2) return;
      cand.set(t, (cand.get(t) ?? 0) + (h.score / sum) * (h.doc.sigTf[i]! / len) * idf(ix.docs.length, df));
    });
  }
  const top = [...cand.entries()].sort((a, b) => b[1] - a[1]).slice(0, ix.rank.feedbackTerms);
  const max = top[0]?.[1] ?? 1;
  return top.map(([term, w]) => ({ term, weight: (ix.rank.feedbackWeight * w) / max }));
}

export function lowerBound(arr: string[], x: string): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
const letterCounts = new Int32Array(65536);

/** Letters of `a` not matched by a letter of `b` (as multisets), counting up to max+1. */
function missingLetters(a: string, b: string, max: number): number {
  for (let j = 0; j < b.length; j++) letterCounts[b.charCodeAt(j)]!++;
  let missing = 0;
  for (let i = 0; i < a.length && missing <= max; i++) {
    const c = a.charCodeAt(i);
    if (letterCounts[c]! > 0) letterCounts[c]!--;
    else missing++;
  }
  for (let j = 0; j < b.length; j++) letterCounts[b.charCodeAt(j)] = 0;
  return missing;
}

/** Optimal-string-alignment distance, giving up (returning max+1) once it must exceed `max`. */
export function boundedDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  // One edit leaves one of the first two letters in place (or swaps them): a cheap first test.
  if (max === 1 && n > 1 && m > 1 && a[0] !== b[0] && a[1] !== b[1] && a[0] !== b[1] && a[1] !== b[0]) return 2;
  // Each edit brings at most one letter of `a` that `b` lacks: more such letters than edits rules it out.
  if (missingLetters(a, b, max) > max) return max + 1;
  if (m + 1 > rows[0]!.length) for (let k = 0; k < 3; k++) rows[k] = new Int32Array(m + 1);
  let prev2 = rows[0]!;
  let prev = rows[1]!;
  let cur = rows[2]!;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cost = ai === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, prev2[j - 2]! + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]!;
}
