// Find in article and the words a search matched: character ranges in the canonical text that the
// reader marks beside the highlights.
import type { Range } from '../shared/segments.js';

/** Every occurrence of `query` in `text`, ignoring case; none for an empty query. */
export function findAll(text: string, query: string): Range[] {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return [];
  const hay = text.toLocaleLowerCase();
  // Lower-casing can change lengths (e.g. 'İ'); then offsets would drift, so search the text as is.
  const same = hay.length === text.length;
  const src = same ? hay : text;
  const needle = same ? q : query.trim();
  const out: Range[] = [];
  for (let i = src.indexOf(needle); i >= 0; i = src.indexOf(needle, i + needle.length))
    out.push({ start: i, end: i + needle.length });
  return out;
}

/** The words a search snippet marked («like this»): what the reader marks in the opened article. */
export function snippetTerms(snippet: string): string[] {
  const out = new Set<string>();
  for (const m of snippet.matchAll(/«([^«»]+)»/g)) {
    const t = m[1]!.trim();
    if (t) out.add(t);
  }
  return [...out];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole-word occurrences of any of `terms` in `text`, ignoring case. */
export function findTerms(text: string, terms: readonly string[]): Range[] {
  if (!terms.length) return [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const out: Range[] = [];
  for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}
