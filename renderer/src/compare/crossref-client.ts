// The cross-source calls of window.scholia, typed. The renderer may import
// only the contract's types (electron/core/api.ts); until that contract
// re-exports the crossref room's types, their shapes are mirrored here and
// window.scholia is cast. Once ScholiaApi includes CrossrefApi, replace these
// with `import type { Comparison, AlsoInMatch } from '../../../electron/core/api.js'`.
import type { ArticleDetail, ScholiaApi } from '../../../electron/core/api.js';

export type SharedKind = 'exact' | 'near';

export interface ComparePair {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  similarity: number;
  kind: SharedKind;
}

export interface ComparedArticle {
  id: string;
  title: string;
  source: string;
  published: string | null;
}

export interface Comparison {
  a: ComparedArticle;
  b: ComparedArticle;
  pairs: ComparePair[];
}

export interface AlsoInMatch {
  articleId: string;
  title: string;
  source: string;
  start: number;
  end: number;
  text: string;
  similarity: number;
}

interface CrossrefCalls {
  compareArticles(aId: string, bId: string): Promise<Comparison>;
  passageAlsoIn(passageId: string): Promise<AlsoInMatch[]>;
  getArticle(id: string): Promise<ArticleDetail | null>;
}

export function crossref(): CrossrefCalls {
  return (window as unknown as { scholia: ScholiaApi & CrossrefCalls }).scholia;
}
