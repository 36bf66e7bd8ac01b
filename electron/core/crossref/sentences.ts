// Sentences of a canonical text as runs of tokens: the unit in which two
// outlets rewrite each other ("said" for "vowed", a comma added), so the unit
// in which near-identical passages are aligned.

export interface Sentence {
  /** Token indices [from, to). */
  from: number;
  to: number;
}

/**
 * A sentence ends at . ! ? (and any closing quotes or brackets after them)
 * followed by white space and a capital, a digit or an opening quote; a
 * paragraph break always ends one. "If... it becomes" stays one sentence.
 */
const BOUNDARY = /[.!?…]+["'”’»)\]]*(?=\s+["'“‘«(]?[\p{Lu}\p{N}])|\n\s*\n/gu;

/** `starts`: where each word of the text starts. */
export function splitSentences(text: string, starts: ArrayLike<number>): Sentence[] {
  const ends: number[] = [];
  for (const m of text.matchAll(BOUNDARY)) ends.push(m.index + m[0].length);
  ends.push(Number.POSITIVE_INFINITY);
  const out: Sentence[] = [];
  let from = 0;
  let e = 0;
  for (let i = 0; i < starts.length; i++) {
    while (starts[i]! >= ends[e]!) {
      if (i > from) out.push({ from, to: i });
      from = i;
      e++;
    }
  }
  if (starts.length > from) out.push({ from, to: starts.length });
  return out;
}
