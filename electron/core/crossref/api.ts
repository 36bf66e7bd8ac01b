// This room's part of the ScholiaApi contract (composed in ../api.ts):
// cross-source passages, i.e. where several articles of the library carry
// the same passage (a quote word for word, a sentence with small edits), and
// the two articles side by side.
import type { IsoDate } from '../model.js';

export type SharedKind = 'exact' | 'near';

/** Where another article carries (nearly) the same passage. */
export interface SharedMatch {
  articleId: string;
  title: string;
  source: string;
  /** Offsets into the OTHER article's canonical text (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  text: string;
  /** 1 for the same words and punctuation; lower as the wording drifts apart. */
  similarity: number;
  /** 'exact': the same text (case, quote style and spacing aside); 'near': the same passage with small edits. */
  kind: SharedKind;
}

/** A span of THIS article that other articles share, with where each carries it. */
export interface SharedPassage {
  /** Offsets into this article's canonical text. Spans do not overlap. */
  start: number;
  end: number;
  text: string;
  matches: SharedMatch[];
}

export interface SharedPassagesOptions {
  /** Shortest shared passage, in words (default 8, at least 8). */
  minWords?: number;
}

export interface ComparedArticle {
  id: string;
  title: string;
  source: string;
  published: IsoDate | null;
}

/** One passage both articles carry: offsets into a's text and into b's text. */
export interface ComparePair {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  similarity: number;
  kind: SharedKind;
}

export interface Comparison {
  a: ComparedArticle;
  b: ComparedArticle;
  /** Ordered by aStart. A span of one side may pair with several of the other (a quote carried twice). */
  pairs: ComparePair[];
}

/** Another article that carries a highlighted passage's words. */
export interface AlsoInMatch {
  articleId: string;
  title: string;
  source: string;
  /** Offsets into the other article's canonical text: its counterpart of the passage. */
  start: number;
  end: number;
  text: string;
  /** How much of the passage it carries and how closely (0..1). */
  similarity: number;
}

export interface CrossrefApi {
  /** The spans of an article that other articles of the library share, in text order. */
  sharedPassages(articleId: string, opts?: SharedPassagesOptions): Promise<SharedPassage[]>;
  /** Two articles side by side: the passages they share, with offsets into both. */
  compareArticles(aId: string, bId: string): Promise<Comparison>;
  /** Other articles carrying a highlighted passage (e.g. the same quote in another outlet), best first. */
  passageAlsoIn(passageId: string): Promise<AlsoInMatch[]>;
}
