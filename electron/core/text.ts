// Facts about a text that several rooms need alike (import, articles, anchor):
// how many words it has, and a hash that ignores whitespace differences.
import { createHash } from 'node:crypto';

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Same text, same hash, however it is spaced or wrapped (exact-duplicate detection, re-anchoring checks). */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 32);
}
