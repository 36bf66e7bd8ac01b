// Text analysis shared by indexing, querying and snippets: one definition of
// "a word" and "a term", so a query word always meets the same term the
// indexer produced from the text.
import { stemmer } from 'stemmer';

/**
 * Bumped whenever tokenization, folding, stop words or stemming change: an
 * index built by another analyzer version is rebuilt rather than trusted.
 */
export const ANALYZER_VERSION = 1;

/** Letters and digits of any script; apostrophes inside a word keep "don't" whole. */
/** What a word is: letters, digits and combining marks of any script. */
export const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;
const MARKS = /\p{M}+/gu;
const LATIN_ASCII = /^[a-z]+$/;

/** Case and accent folding: "Zürich" and "zurich" are one word; "Ёлка" is "елка". */
export function fold(word: string): string {
  let w = word.toLowerCase();
  if (/[^\x00-\x7f]/.test(w)) {
    w = w.normalize('NFKD').replace(MARKS, '');
    // Letters that NFKD does not decompose but readers treat as plain letters.
    w = w.replace(/[ßæœøłđ]/g, (c) => ({ ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd' })[c] ?? c);
  }
  return w.replace(/’/g, "'");
}

export interface Token {
  /** The folded surface form. */
  word: string;
  start: number;
  end: number;
}

/** Words of a text with their character offsets (offsets into the original string). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    out.push({ word: fold(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Folded words only (no offsets). */
export function words(text: string): string[] {
  const out: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) out.push(fold(m[0]));
  return out;
}

/** What a word as written analyses to: its folded form and its index term (null for a stop word). */
export interface Analyzed {
  folded: string;
  term: string | null;
}

const analyzedCache = new Map<string, Analyzed>();

/** fold + termOf for a word as written, cached: indexing and snippets see the same words over and over. */
export function analyze(raw: string): Analyzed {
  let a = analyzedCache.get(raw);
  if (a === undefined) {
    const folded = fold(raw);
    a = { folded, term: termOf(folded) };
    if (analyzedCache.size > 500_000) analyzedCache.clear();
    analyzedCache.set(raw, a);
  }
  return a;
}

/** Calls `each` for every word of a text with its analysis and its position (every word counts, stop words too). */
export function forEachWord(
  text: string,
  each: (a: Analyzed, pos: number, start: number, end: number) => void,
): number {
  WORD.lastIndex = 0;
  let pos = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    each(analyze(m[0]), pos++, m.index, m.index + m[0].length);
  }
  return pos;
}

// English function words (the common core of the SMART and NLTK lists). They
// carry no topic, and dropping them keeps the index small; phrase queries still
// respect the gaps they leave (positions count every word).
const STOP = new Set(
  (
    "a about above after again against all am an and any are aren't as at be because been before being below " +
    "between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each " +
    "few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself " +
    "him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most " +
    "mustn't my myself no nor not of off on once only or other ought our ours ourselves out over own same shan't " +
    "she she'd she'll she's should shouldn't so some such than that that's the their theirs them themselves then " +
    "there there's these they they'd they'll they're they've this those through to too under until up very was " +
    "wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while who who's " +
    "whom why why's with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves " +
    'also may might must shall will within without upon via per whether yet thus however'
  ).split(/\s+/),
);

export function isStopWord(folded: string): boolean {
  return STOP.has(folded);
}

const stemCache = new Map<string, string>();

/**
 * The index term for a folded word: English (ASCII Latin) words are Porter-
 * stemmed ("drones" → "drone"); other scripts are kept whole, since a wrong
 * stemmer harms more than none (prefix search covers their endings).
 */
export function stemWord(folded: string): string {
  let s = stemCache.get(folded);
  if (s !== undefined) return s;
  const bare = folded.replace(/'s$/, '').replace(/'/g, '');
  s = LATIN_ASCII.test(bare) && bare.length > 2 ? stemmer(bare) : bare;
  if (stemCache.size > 200_000) stemCache.clear();
  stemCache.set(folded, s);
  return s;
}

/** The term a folded word indexes as, or null for a stop word. */
export function termOf(folded: string): string | null {
  if (STOP.has(folded)) return null;
  return stemWord(folded);
}
