// Refuses a --library folder that holds no library, for every command that does not create one:
// a typo (`--library /typo`) must not quietly create an empty library and report "0 articles".
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CoreError } from '../core/errors.js';
import { INDEX_FILE } from '../core/store/index.js';

/** Folders a library holds even when its index is gone (the store then explains the damage itself). */
const CONTENT = ['articles', 'notes', 'backups'];

export function requireLibrary(dir: string): void {
  if (existsSync(path.join(dir, INDEX_FILE))) return;
  if (CONTENT.some((d) => existsSync(path.join(dir, d)))) return;
  const why = existsSync(dir) ? 'holds no Scholia library' : 'does not exist';
  throw new NoLibraryError(
    `no library at ${dir}: the folder ${why}. Check --library (or $SCHOLIA_LIBRARY); ` +
      '`scholia import` creates a library.',
  );
}

/** Not a usage mistake of the command's own arguments: exit 1 with the message, no usage text. */
export class NoLibraryError extends CoreError<'not-found'> {
  constructor(message: string) {
    super(message, 'not-found');
  }
}
