// Pure shaping of pairwise matches into what the API answers: shared spans of
// one article (grouped, non-overlapping) and a passage's counterparts.
import type { AlsoInMatch, SharedMatch, SharedPassage } from './api.js';
import type { ArticleMeta } from '../model.js';
import type { AlignedPair, PreparedText } from './match.js';

export interface OtherArticle {
  id: string;
  title: string;
  source: string;
  meta: ArticleMeta;
  prepared: PreparedText;
}

/**
 * The spans of `text` that other articles share. Overlapping spans (one outlet
 * quotes a sentence, another the whole paragraph) are merged into one span,
 * so a reader can mark them without nesting; each match keeps its own offsets.
 */
export function groupShared(
  text: string,
  found: { aStart: number; aEnd: number; match: SharedMatch }[],
): SharedPassage[] {
  const sorted = [...found].sort((x, y) => x.aStart - y.aStart || y.aEnd - x.aEnd);
  const out: SharedPassage[] = [];
  for (const f of sorted) {
    const last = out[out.length - 1];
    if (last && f.aStart < last.end) {
      last.end = Math.max(last.end, f.aEnd);
      last.matches.push(f.match);
    } else {
      out.push({ start: f.aStart, end: f.aEnd, text: '', matches: [f.match] });
    }
  }
  for (const p of out) {
    p.text = text.slice(p.start, p.end);
    p.matches.sort(
      (x, y) => y.similarity - x.similarity || x.articleId.localeCompare(y.articleId) || x.start - y.start,
    );
  }
  return out;
}

/**
 * Where one other article carries the passage [start, end) of `self`, from
 * the pairs of the two texts: exact runs map word for word, near sentences
 * map to the whole counterpart sentence. Null when it carries less than half
 * of the passage's words (and fewer than minWords of them).
 */
export function counterpart(
  self: PreparedText,
  start: number,
  end: number,
  other: OtherArticle,
  pairs: AlignedPair[],
  minWords: number,
): AlsoInMatch | null {
  const inPassage = (i: number): boolean => self.ends[i]! > start && self.starts[i]! < end;
  let total = 0;
  for (let i = 0; i < self.hashes.length; i++) if (inPassage(i)) total++;
  if (total === 0) return null;
  const covered = new Set<number>();
  const pieces: { bStart: number; bEnd: number; similarity: number; words: number }[] = [];
  for (const p of pairs) {
    const mine: number[] = [];
    for (let i = p.aTok[0]; i < p.aTok[1]; i++) if (inPassage(i) && !covered.has(i)) mine.push(i);
    if (mine.length === 0) continue;
    for (const i of mine) covered.add(i);
    const theirs = other.prepared;
    if (p.tokenAligned) {
      const b0 = p.bTok[0] + (mine[0]! - p.aTok[0]);
      const b1 = p.bTok[0] + (mine[mine.length - 1]! - p.aTok[0]);
      pieces.push({
        bStart: theirs.starts[b0]!,
        bEnd: theirs.ends[b1]!,
        similarity: p.similarity,
        words: mine.length,
      });
    } else {
      pieces.push({ bStart: p.bStart, bEnd: p.bEnd, similarity: p.similarity, words: mine.length });
    }
  }
  const words = covered.size;
  if (words * 2 < total && words < minWords) return null;
  pieces.sort((x, y) => x.bStart - y.bStart);
  // Pieces of one passage close together in the other text are one counterpart
  // (a quote with a word changed); far apart, the best piece stands for it.
  const first = pieces[0]!;
  const lastPiece = pieces[pieces.length - 1]!;
  const spread = lastPiece.bEnd - first.bStart;
  const best = [...pieces].sort((x, y) => y.words - x.words)[0]!;
  const joined = spread <= 3 * (end - start) + 200;
  const bStart = joined ? first.bStart : best.bStart;
  const bEnd = joined ? Math.max(...pieces.map((p) => p.bEnd)) : best.bEnd;
  const used = joined ? pieces : [best];
  const usedWords = used.reduce((s, p) => s + p.words, 0);
  const sim = used.reduce((s, p) => s + p.similarity * p.words, 0) / usedWords;
  return {
    articleId: other.id,
    title: other.title,
    source: other.source,
    start: bStart,
    end: bEnd,
    text: other.prepared.text.slice(bStart, bEnd),
    similarity: Math.round(sim * Math.min(1, usedWords / total) * 1000) / 1000,
  };
}
