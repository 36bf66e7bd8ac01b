// Snippets: the stretch of a text where the query's words cluster, with the
// matched words marked «like this». Marks are plain characters so the CLI
// prints them as they are and the renderer turns them into <mark>; guillemets
// already in the text become ‹ › inside snippets so every « » is a mark.
import { analyze, WORD } from './text.js';

export const MARK_OPEN = '«';
export const MARK_CLOSE = '»';

export interface Snippet {
  text: string;
  /** Offset in the full text of the first marked word (where the reader should scroll), or -1. */
  offset: number;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const clean = (s: string) => s.replace(/\s+/g, ' ').replace(/«/g, '‹').replace(/»/g, '›');

interface Window {
  /** distinct matched terms × 1000 + matches: higher is better. */
  key: number;
  text: string;
  offset: number;
}

/** The best window of at most `maxWords` words inside src[from, to), or null when nothing matches there. */
function bestWindow(
  src: string,
  from: number,
  to: number,
  terms: ReadonlySet<string>,
  firsts: ReadonlySet<string>,
  maxWords: number,
): Window | null {
  const part = src.slice(from, to);
  const starts: number[] = [];
  const ends: number[] = [];
  const hit: (string | null)[] = [];
  const re = new RegExp(WORD.source, 'gu');
  for (let m = re.exec(part); m; m = re.exec(part)) {
    const raw = m[0];
    starts.push(m.index + from);
    ends.push(m.index + raw.length + from);
    // Most words cannot match: skip analysing those whose (ASCII) first letters start no term.
    const c0 = raw.charCodeAt(0);
    const c1 = raw.length > 1 ? raw.charCodeAt(1) : 0;
    if (c0 < 128 && c1 < 128 && !firsts.has(raw.slice(0, 2).toLowerCase())) {
      hit.push(null);
      continue;
    }
    const a = analyze(raw);
    hit.push(a.term !== null && terms.has(a.term) ? a.term : null);
  }
  // A word cut by the region's edges is not a word.
  if (from > 0 && starts.length && starts[0] === from) {
    starts.shift();
    ends.shift();
    hit.shift();
  }
  let bestStart = -1;
  let bestKey = -1;
  const counts = new Map<string, number>();
  let matches = 0;
  for (let i = 0, j = 0; i < starts.length; i++) {
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
    if (h && key > bestKey) {
      bestKey = key;
      bestStart = j;
    }
  }
  if (bestKey < 0) return null;
  let first = bestStart;
  while (!hit[first]) first++;
  // Start a few words before the first match, so it has context.
  const lo = Math.max(0, Math.min(bestStart, first - 4));
  const hi = Math.min(starts.length, lo + maxWords);
  let out = '';
  let cursor = starts[lo]!;
  for (let k = lo; k < hi; k++) {
    out += clean(src.slice(cursor, starts[k]));
    const w = clean(src.slice(starts[k]!, ends[k]));
    out += hit[k] ? MARK_OPEN + w + MARK_CLOSE : w;
    cursor = ends[k]!;
  }
  out += clean(/^[^\s\p{L}\p{N}]{0,2}/u.exec(src.slice(cursor, cursor + 2))?.[0] ?? '');
  const cutBefore = starts[lo]! > 0 && (lo > 0 || from > 0);
  const cutAfter = hi < starts.length || to < src.length;
  return { key: bestKey, text: (cutBefore ? '… ' : '') + out + (cutAfter ? ' …' : ''), offset: starts[first]! };
}

/** A word start the key pattern found, whose word is one of the query's terms. */
interface Hit {
  start: number;
  term: string;
}

/** A word starting exactly at lastIndex. */
const WORD_AT = new RegExp(WORD.source, 'uy');
const LETTER = /[\p{L}\p{N}\p{M}]/u;

/**
 * The best window of about `maxWords` words: most distinct matched terms,
 * then most matches. Only the matched words themselves are analysed: a
 * pattern of the terms' spellings finds where words may match, each is
 * checked, the densest cluster of checked matches is chosen, and only the few
 * hundred characters around it are tokenized to cut the snippet. A page of 20
 * results over 6,000-character articles costs well under a millisecond this
 * way; `exhaustive` tokenizes the whole text instead (the reference the tests
 * hold the fast path to).
 */
export function makeSnippet(
  text: string,
  terms: ReadonlySet<string>,
  maxWords = 28,
  opts: { exhaustive?: boolean } = {},
): Snippet {
  const head = (): Snippet => {
    const cut = text.length > 200 ? text.slice(0, 200).replace(/\s+\S*$/, '') + ' …' : text;
    return { text: clean(cut), offset: -1 };
  };
  if (terms.size === 0 || text.length === 0) return head();
  const firsts = new Set([...terms].map((t) => t.slice(0, 2)));
  const whole = (limit: number) => bestWindow(text, 0, Math.min(text.length, limit), terms, firsts, maxWords);
  if (opts.exhaustive || text.length <= 600) {
    const w = whole(Infinity);
    return w ? { text: w.text, offset: w.offset } : head();
  }
  // A stem is the start of its words, except that Porter turns a final y into i (happy → happi).
  const keys = [...new Set([...terms].map((t) => (t.length > 3 && t.endsWith('i') ? t.slice(0, -1) : t)))];
  // Only at the start of a word: "man" in "many" may match, in "human" it cannot.
  const re = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${keys.map(escapeRe).join('|')})`, 'giu');
  const hits: Hit[] = [];
  // Prefix completions of a short word ("u…" → "us", "up") can match everywhere: the first
  // stretch of the text gives as good a snippet as reading all of it.
  let looked = 0;
  for (let m = re.exec(text); m && hits.length < 400 && looked < 2000; m = re.exec(text)) {
    looked++;
    // After an apostrophe inside a word ("it's") is not the start of a word.
    const before = m.index > 1 ? text.charCodeAt(m.index - 1) : 0;
    if ((before === 39 || before === 0x2019) && LETTER.test(text[m.index - 2]!)) continue;
    WORD_AT.lastIndex = m.index;
    const w = WORD_AT.exec(text);
    if (!w) continue;
    re.lastIndex = m.index + w[0].length;
    const a = analyze(w[0]);
    if (a.term !== null && terms.has(a.term)) hits.push({ start: m.index, term: a.term });
  }
  if (hits.length === 0) {
    // Nothing found by spelling (accented text, unusual stems): read the beginning properly.
    const w = /[^\x00-\x7f]/.test(text) ? whole(50_000) : null;
    return w ? { text: w.text, offset: w.offset } : head();
  }
  // The densest cluster of matches within about a window's length of text.
  const span = maxWords * 6;
  const counts = new Map<string, number>();
  let best = 0;
  let bestKey = -1;
  for (let i = 0, j = 0; i < hits.length; i++) {
    const h = hits[i]!;
    counts.set(h.term, (counts.get(h.term) ?? 0) + 1);
    while (h.start - hits[j]!.start > span) {
      const o = hits[j++]!.term;
      const c = counts.get(o)! - 1;
      if (c) counts.set(o, c);
      else counts.delete(o);
    }
    const key = counts.size * 1000 + (i - j + 1);
    if (key > bestKey) {
      bestKey = key;
      best = j;
    }
  }
  // Cut the snippet from a little text around it (whole words at both ends).
  const at = hits[best]!.start;
  const from = Math.max(0, text.lastIndexOf(' ', Math.max(0, at - 60)) + 1);
  let to = text.indexOf(' ', Math.min(text.length, at + span + 200));
  if (to < 0) to = text.length;
  const w = bestWindow(text, from, to, terms, firsts, maxWords) ?? whole(50_000);
  return w ? { text: w.text, offset: w.offset } : head();
}
