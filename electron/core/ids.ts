import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Short, URL- and file-name-safe random id: `a_k3j9x0q2mzp1`. 12 chars of base36 ≈ 62 bits. */
export function newId(prefix: 'a' | 'n' | 'p' | 'r' | 'c' | 'f'): string {
  const bytes = randomBytes(12);
  let s = '';
  for (const b of bytes) s += ALPHABET[b % 36];
  return `${prefix}_${s}`;
}

/**
 * Names Windows reserves in every folder, with or without an extension
 * (`CON`, `nul.json`, `COM1.md`): a file by that name cannot be created or
 * opens a device instead.
 */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * Whether a string can be an id: ids become file names (articles/<id>.json,
 * notes/<id>.md), so only letters, digits, `_` and `-`, at most 100, never a
 * name Windows reserves. Every id we make passes; ids from backups, annotation
 * files and front ends are checked with this before they reach the disk.
 */
export function isValidId(id: unknown): id is string {
  return typeof id === 'string' && /^[A-Za-z0-9_-]{1,100}$/.test(id) && !WINDOWS_RESERVED.test(id);
}
