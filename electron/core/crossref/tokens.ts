// Words of a canonical text with their offsets, normalised so that the same
// words match whatever typography an outlet uses (curly or straight quotes,
// case, accents). Punctuation is not a token: "to deter and" and "to deter,
// and" are the same words, and the difference shows up in the score instead.

export interface Token {
  /** Normalised form (lower case, accents and apostrophe style folded). */
  norm: string;
  /** Offsets into the text (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’‘ʼ][\p{L}\p{N}]+)*/gu;

export function normaliseWord(w: string): string {
  const lower = w.toLowerCase().replace(/[’‘ʼ]/g, "'");
  // Only pay for Unicode decomposition when there is something to fold.
  return /[^\x00-\x7f]/.test(lower) ? lower.normalize('NFKD').replace(/\p{M}/gu, '') : lower;
}

/** The words of a text as parallel arrays: what matching and indexing use (no object per word). */
export interface WordTable {
  starts: Int32Array;
  ends: Int32Array;
  /** hashString(normaliseWord(word)) of each word. */
  hashes: Uint32Array;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Length in code units of the letter or digit at i, 0 when there is none. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  const cp = text.codePointAt(i)!;
  const ch = String.fromCodePoint(cp);
  return LETTER_OR_DIGIT.test(ch) ? ch.length : 0;
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x2018 || c === 0x2bc;
}

/**
 * The words of a text, as WORD finds them, scanned by hand: a library's
 * worth of text makes millions of words, and an object and a string for each
 * would keep the garbage collector busier than the matching itself.
 */
export function scanWords(text: string): WordTable {
  let cap = 64;
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let hashes = new Uint32Array(cap);
  let n = 0;
  const len = text.length;
  let i = 0;
  while (i < len) {
    let w = wordCharAt(text, i);
    if (w === 0) {
      i++;
      continue;
    }
    const start = i;
    let ascii = true;
    let h = 0x811c9dc5;
    for (;;) {
      if (w === 0) {
        // An apostrophe joins two runs of letters ("it's", "Tehran’s").
        const c = text.charCodeAt(i);
        if (isApostrophe(c) && i + 1 < len && wordCharAt(text, i + 1) > 0) {
          if (c !== 39) ascii = false;
          h = Math.imul(h ^ 39, 0x01000193);
          i++;
          w = wordCharAt(text, i);
          continue;
        }
        break;
      }
      const c = text.charCodeAt(i);
      if (c >= 128) ascii = false;
      h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), 0x01000193);
      i += w;
      w = i < len ? wordCharAt(text, i) : 0;
      if (i >= len) break;
    }
    if (n === cap) {
      cap *= 2;
      const s2 = new Int32Array(cap);
      s2.set(starts);
      starts = s2;
      const e2 = new Int32Array(cap);
      e2.set(ends);
      ends = e2;
      const h2 = new Uint32Array(cap);
      h2.set(hashes);
      hashes = h2;
    }
    starts[n] = start;
    ends[n] = i;
    hashes[n] = ascii ? h >>> 0 : hashString(normaliseWord(text.slice(start, i)));
    n++;
  }
  return { starts: starts.slice(0, n), ends: ends.slice(0, n), hashes: hashes.slice(0, n) };
}

/** The words with their normalised forms (for tests and evaluations; matching uses scanWords). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    out.push({ norm: normaliseWord(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** 32-bit FNV-1a of a string: token identities as numbers, for cheap shingle hashing. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function tokenHashes(tokens: Token[]): Uint32Array {
  const out = new Uint32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) out[i] = hashString(tokens[i]!.norm);
  return out;
}

/**
 * Hashes of every run of k consecutive tokens: out[i] covers tokens i..i+k-1.
 * Empty when there are fewer than k tokens.
 */
export function shingleHashes(hashes: Uint32Array, k: number): Uint32Array {
  const n = Math.max(0, hashes.length - k + 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x9e3779b9;
    for (let j = 0; j < k; j++) {
      h = Math.imul(h ^ hashes[i + j]!, 0x85ebca6b);
      h ^= h >>> 13;
    }
    out[i] = h >>> 0;
  }
  return out;
}

/**
 * Winnowing (Schleimer, Wilkerson & Aiken 2003): the minimum hash of every
 * window of w consecutive shingles. Two texts that share a run of at least
 * w + k - 1 tokens are guaranteed to select a common fingerprint, while only
 * about 2/(w+1) of the shingles are kept.
 */
export function winnow(shingles: Uint32Array, w: number): Set<number> {
  const out = new Set<number>();
  if (shingles.length === 0) return out;
  if (shingles.length <= w) {
    let min = shingles[0]!;
    for (const s of shingles) if (s < min) min = s;
    out.add(min);
    return out;
  }
  for (let i = 0; i + w <= shingles.length; i++) {
    let min = shingles[i]!;
    for (let j = 1; j < w; j++) {
      const s = shingles[i + j]!;
      if (s < min) min = s;
    }
    out.add(min);
  }
  return out;
}
