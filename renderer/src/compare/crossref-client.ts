// The cross-source types the compare views use, from the contract.
export type { Comparison, AlsoInMatch, ComparePair, ComparedArticle } from '../../../electron/core/api.js';
import type { ScholiaApi } from '../../../electron/core/api.js';

export function crossref(): ScholiaApi {
  return window.scholia;
}
