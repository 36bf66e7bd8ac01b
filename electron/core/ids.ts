import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Short, URL- and file-name-safe random id: `a_k3j9x0q2mzp1`. 12 chars of base36 ≈ 62 bits. */
export function newId(prefix: 'a' | 'n' | 'p' | 'r' | 'c'): string {
  const bytes = randomBytes(12);
  let s = '';
  for (const b of bytes) s += ALPHABET[b % 36];
  return `${prefix}_${s}`;
}
