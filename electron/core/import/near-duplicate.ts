// Near-duplicate detection: the same article saved twice from different places
// (another outlet's syndicated copy, a re-saved page with a changed footer) shares
// most of its text without being byte-identical. We compare MinHash signatures of
// word 4-shingles: their share of equal slots estimates the Jaccard similarity of the
// two shingle sets. A signature is 64 32-bit values, stored as a compact string
// ("m1:" + base64, 347 characters) in the article's metadata so the library can be
// checked without reading any article body.

const SLOTS = 64;
const SHINGLE = 4;
const PREFIX = 'm1:';
/** Share of shingles in common above which two texts count as the same article. */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;

/** A 32-bit mixer (murmur3 finaliser): turns one hash into SLOTS independent ones. */
function mix(h: number, seed: number): number {
  let x = (h ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** fnv1a of a shingle: its words joined by single spaces, hashed without building the string. */
function shingleHash(words: readonly string[], from: number, count: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < count; k++) {
    const w = words[(from + k) % SHINGLE]!;
    if (k > 0) h = Math.imul(h ^ 0x20, 0x01000193);
    for (let i = 0; i < w.length; i++) {
      h ^= w.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  return h >>> 0;
}

/**
 * The MinHash fingerprint of a text ("" for a text without words). The words are read one at a
 * time through a window of SHINGLE, never gathered: a 500-page PDF's text holds ~300,000.
 */
export function textFingerprint(text: string): string {
  const word = /[\p{L}\p{N}]+/gu;
  const lower = text.toLowerCase();
  const mins = new Uint32Array(SLOTS).fill(0xffffffff);
  const take = (h: number) => {
    for (let s = 0; s < SLOTS; s++) {
      const v = mix(h, s + 1);
      if (v < mins[s]!) mins[s] = v;
    }
  };
  const window: string[] = [];
  let seen = 0;
  for (let m = word.exec(lower); m; m = word.exec(lower)) {
    window[seen % SHINGLE] = m[0];
    seen++;
    if (seen >= SHINGLE) take(shingleHash(window, seen - SHINGLE, SHINGLE));
  }
  if (seen === 0) return '';
  // A text shorter than one shingle is one shingle of all its words.
  if (seen < SHINGLE) take(shingleHash(window, 0, seen));
  return PREFIX + Buffer.from(mins.buffer).toString('base64');
}

/**
 * Decoded signatures of recently compared fingerprints: a duplicate check compares the
 * new article with every article in the library, import after import.
 */
const decoded = new Map<string, Uint32Array | null>();
const DECODED_CACHE = 50_000;

function decode(fp: string): Uint32Array | null {
  const hit = decoded.get(fp);
  if (hit !== undefined) return hit;
  const sig = decodeUncached(fp);
  if (decoded.size >= DECODED_CACHE) decoded.clear();
  decoded.set(fp, sig);
  return sig;
}

function decodeUncached(fp: string): Uint32Array | null {
  if (!fp.startsWith(PREFIX)) return null;
  const buf = Buffer.from(fp.slice(PREFIX.length), 'base64');
  if (buf.length !== SLOTS * 4) return null;
  return new Uint32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length));
}

/** Estimated share of shingles two fingerprinted texts have in common (0..1). */
export function fingerprintSimilarity(a: string, b: string): number {
  return signatureSimilarity(decode(a), decode(b));
}

function signatureSimilarity(x: Uint32Array | null, y: Uint32Array | null): number {
  if (!x || !y) return 0;
  let same = 0;
  for (let i = 0; i < SLOTS; i++) if (x[i] === y[i]) same++;
  return same / SLOTS;
}

export interface FingerprintedArticle {
  id: string;
  /** From ArticleMeta.fingerprint; candidates without one are skipped. */
  fingerprint?: string;
}

export interface NearDuplicate {
  id: string;
  /** Estimated share of text in common, 0..1. */
  similarity: number;
}

/**
 * The most similar existing article whose text is mostly the same as `text` (or whose
 * fingerprint is, when a fingerprint is passed), or null when none is.
 */
export function findNearDuplicate(
  text: string,
  candidates: Iterable<FingerprintedArticle>,
  opts: { threshold?: number; fingerprint?: string } = {},
): NearDuplicate | null {
  const fp = opts.fingerprint ?? textFingerprint(text);
  const sig = decode(fp);
  if (!sig) return null;
  const threshold = opts.threshold ?? NEAR_DUPLICATE_THRESHOLD;
  let best: NearDuplicate | null = null;
  for (const c of candidates) {
    if (!c.fingerprint) continue;
    const s = signatureSimilarity(sig, decode(c.fingerprint));
    if (s >= threshold && (!best || s > best.similarity)) best = { id: c.id, similarity: s };
  }
  return best;
}
