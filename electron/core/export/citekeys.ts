// Citation keys shared by CSL-JSON (`id`) and BibTeX, so `[@doe2022drones]`
// in Pandoc and `\cite{doe2022drones}` in LaTeX name the same source.
import type { ArticleMeta } from '../model.js';
import { dateParts, parseAuthors } from './citation.js';

const STOP = new Set([
  'the',
  'a',
  'an',
  'of',
  'on',
  'in',
  'and',
  'to',
  'for',
  'le',
  'la',
  'les',
  'der',
  'die',
  'das',
  'el',
]);

function ascii(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim();
}

/** Assigns each article a distinct key: first author's (or outlet's) name + year + first title word. */
export function citationKeys(articles: readonly ArticleMeta[]): Map<string, string> {
  const keys = new Map<string, string>();
  const used = new Set<string>();
  for (const a of articles) {
    const first = parseAuthors(a.author)[0];
    const who = ascii(first?.family ?? first?.literal ?? a.source).split(' ')[0] ?? '';
    const year = dateParts(a.published)?.[0] ?? '';
    const word =
      ascii(a.title)
        .split(' ')
        .find((w) => w.length > 2 && !STOP.has(w.toLowerCase())) ?? '';
    let base = `${who.toLowerCase()}${year}${word.toLowerCase()}` || 'source';
    if (/^\d/.test(base)) base = `s${base}`;
    let key = base;
    for (let i = 0; used.has(key); i++) key = base + suffix(i);
    used.add(key);
    keys.set(a.id, key);
  }
  return keys;
}

/** a, b, …, z, aa, ab, … */
function suffix(i: number): string {
  let s = '';
  let n = i;
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

/** The sources a citation export covers: articles in scope, then articles the notes cite. */
export function citedSources(bundle: {
  articles: { meta: ArticleMeta }[];
  citedArticles: ArticleMeta[];
}): ArticleMeta[] {
  return [...bundle.articles.map((a) => a.meta), ...bundle.citedArticles];
}
