// Snippets: the stretch of a text where the query's words cluster, with the
// matched words marked «like this». Marks are plain characters so the CLI
// prints them as they are and the renderer turns them into <mark>; guillemets
// already in the text become ‹ › inside snippets so every « » is a mark.
import { forEachWord } from './text.js';

export const MARK_OPEN = '«';
export const MARK_CLOSE = '»';

export interface Snippet {
  text: string;
  /** Offset in the full text of the first marked word (where the reader should scroll), or -1. */
  offset: number;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').replace(/«/g, '‹').replace(/»/g, '›');

/**
 * The best window of about `maxWords` words: most distinct matched terms,
 * then most matches. Texts beyond `scanChars` are not scanned (long books).
 */
export function makeSnippet(text: string, terms: ReadonlySet<string>, maxWords = 28, scanChars = 300_000): Snippet {
  const src = text.length > scanChars ? text.slice(0, scanChars) : text;
  const toks: { start: number; end: number }[] = [];
  const hit: (string | null)[] = [];
  forEachWord(src, (a, _pos, start, end) => {
    toks.push({ start, end });
    hit.push(a.term !== null && terms.has(a.term) ? a.term : null);
  });
  let bestStart = 0;
  let bestKey = -1;
  const counts = new Map<string, number>();
  let matches = 0;
  for (let i = 0, j = 0; i < toks.length; i++) {
    // window [j, i]
    const h = hit[i];
    if (h) {
      counts.set(h, (counts.get(h) ?? 0) + 1);
      matches++;
    }
    while (i - j + 1 > maxWords) {
      const o = hit[j++];
      if (o) {
        const c = counts.get(o)! - 1;
        if (c) counts.set(o, c);
        else counts.delete(o);
        matches--;
      }
    }
    const key = counts.size * 1000 + matches;
    if (key > bestKey && h) {
      bestKey = key;
      bestStart = j;
    }
  }
  if (toks.length === 0) return { text: clean(src.slice(0, 200)), offset: -1 };
  // Start the window a few words before its first match, so the match has context.
  let first = bestStart;
  while (first < toks.length && !hit[first]) first++;
  if (first >= toks.length) first = 0;
  const from = bestKey < 0 ? 0 : Math.max(0, Math.min(bestStart, first - 4));
  const to = Math.min(toks.length, from + maxWords);
  let out = from > 0 ? '… ' : '';
  let cursor = toks[from]!.start;
  for (let k = from; k < to; k++) {
    const t = toks[k]!;
    out += clean(src.slice(cursor, t.start));
    const w = clean(src.slice(t.start, t.end));
    out += hit[k] ? MARK_OPEN + w + MARK_CLOSE : w;
    cursor = t.end;
  }
  // Keep closing punctuation of the last word.
  const tail = /^[^\s\p{L}\p{N}]{0,2}/u.exec(src.slice(cursor))?.[0] ?? '';
  out += clean(tail);
  if (to < toks.length) out += ' …';
  return { text: out, offset: bestKey < 0 ? -1 : toks[first]!.start };
}
