// Facts about a text that several rooms need alike (import, articles, anchor):
// how many words it has, and a hash that ignores whitespace differences.
import { createHash } from 'node:crypto';

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Counted, not collected: a 500-page PDF's text holds ~300,000 words. */
export function countWords(text: string): number {
  WORD.lastIndex = 0;
  let n = 0;
  while (WORD.exec(text)) n++;
  return n;
}

/** Same text, same hash, however it is spaced or wrapped (exact-duplicate detection, re-anchoring checks). */
export function contentHash(text: string): string {
  // The hash of the text's non-space runs joined by single spaces (its whitespace collapsed and
  // trimmed), fed in slices of ~16k characters rather than as one collapsed copy of the text.
  const hash = createHash('sha256');
  const run = /\S+/g;
  let slice: string[] = [];
  let size = 0;
  let first = true;
  const feed = () => {
    hash.update((first ? '' : ' ') + slice.join(' '));
    first = false;
    slice = [];
    size = 0;
  };
  for (let m = run.exec(text); m; m = run.exec(text)) {
    slice.push(m[0]);
    size += m[0].length + 1;
    if (size >= 16_384) feed();
  }
  if (slice.length) feed();
  return hash.digest('hex').slice(0, 32);
}
