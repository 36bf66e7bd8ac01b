// Citation keys shared by CSL-JSON (`id`) and BibTeX, so `[@doe2022drones]`
// in Pandoc and `\cite{doe2022drones}` in LaTeX name the same source.
import type { ArticleMeta } from '../model.js';
import { citationKeysFor } from '../citation-data.js';

/**
 * Each article's key: the key pinned on it (made at import, edited by the user), else one made
 * for this export (articles of older libraries until they are pinned), unique among all.
 */
export function citationKeys(articles: readonly ArticleMeta[]): Map<string, string> {
  return citationKeysFor(articles);
}

/** The sources a citation export covers: articles in scope, then articles the notes cite. */
export function citedSources(bundle: {
  articles: { meta: ArticleMeta }[];
  citedArticles: ArticleMeta[];
}): ArticleMeta[] {
  return [...bundle.articles.map((a) => a.meta), ...bundle.citedArticles];
}
