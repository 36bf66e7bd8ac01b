// Acting on what the OS handed over: files are imported through the same
// contract call as the import button (so the usual duplicate report follows),
// links are checked against the library before the window is asked to open them.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ImportResult, ScholiaApi } from '../core/api.js';
import type { LinkTarget } from './protocol-links.js';

/** Files larger than this are refused before reading (the import limits are lower still). */
export const MAX_HANDED_FILE = 100 * 1024 * 1024;

export async function importHandedFiles(
  api: Pick<ScholiaApi, 'importFiles'>,
  files: string[],
): Promise<ImportResult[]> {
  const inputs: { name: string; dataBase64: string }[] = [];
  const unreadable: ImportResult[] = [];
  for (const file of files) {
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) throw new Error('not a file');
      if (stat.size > MAX_HANDED_FILE) throw new Error(`larger than ${MAX_HANDED_FILE / 1024 / 1024} MB`);
      inputs.push({ name: path.basename(file), dataBase64: (await fs.readFile(file)).toString('base64') });
    } catch (err) {
      const reason =
        (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : (err as Error).message;
      unreadable.push({ path: path.basename(file), status: 'failed', error: `Could not read the file: ${reason}.` });
    }
  }
  const results = inputs.length ? await api.importFiles(inputs) : [];
  return [...results, ...unreadable];
}

export type LinkCheck = { ok: true } | { ok: false; error: string };

/** An unknown id gets a message that says what the link was and why it goes nowhere. */
export async function resolveLink(
  api: Pick<ScholiaApi, 'getPassage' | 'getArticle'>,
  link: LinkTarget,
): Promise<LinkCheck> {
  if (link.kind === 'passage') {
    if (await api.getPassage(link.id)) return { ok: true };
    return {
      ok: false,
      error: `The link points to passage ${link.id}, which is not in this library (it may have been deleted, or the link comes from another library).`,
    };
  }
  if (await api.getArticle(link.id)) return { ok: true };
  return {
    ok: false,
    error: `The link points to article ${link.id}, which is not in this library (it may be in the trash, or the link comes from another library).`,
  };
}
