// Node-side import of paths (CLI, desktop folder import): files as given,
// folders walked recursively for the formats Scholia reads.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ImportResult } from '../api.js';
import type { CoreContext } from '../context.js';
import { importInput, type ImportOptions } from './service.js';
import { IMPORT_EXTENSIONS } from '../import/registry.js';

/** Extensions picked up when walking a folder (a file named explicitly is always tried). */
export const FOLDER_EXTENSIONS = new Set(IMPORT_EXTENSIONS.map((e) => `.${e}`));
/** Larger files are refused before reading, with a clear message. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Yields every importable file under the given paths, in a stable order. */
export async function* walkPaths(paths: string[]): AsyncGenerator<{ path: string; error?: string }> {
  for (const p of paths) {
    let st;
    try {
      st = await fs.stat(p);
    } catch (err) {
      yield { path: p, error: describeFsError(err) };
      continue;
    }
    if (st.isDirectory()) yield* walkDir(p);
    else yield { path: p };
  }
}

async function* walkDir(dir: string): AsyncGenerator<{ path: string; error?: string }> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    yield { path: dir, error: describeFsError(err) };
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* walkDir(full);
    else if (e.isFile() && FOLDER_EXTENSIONS.has(path.extname(e.name).toLowerCase())) yield { path: full };
  }
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (err as Error).message;
}

/** Imports files and folders; calls onResult as each input finishes. */
export async function importPaths(
  ctx: CoreContext,
  paths: string[],
  onResult: (r: ImportResult) => void,
  opts: ImportOptions = {},
): Promise<ImportResult[]> {
  const all: ImportResult[] = [];
  const emit = (r: ImportResult) => {
    all.push(r);
    onResult(r);
  };
  for await (const f of walkPaths(paths)) {
    if (f.error) {
      emit({ path: f.path, status: 'failed', error: f.error });
      continue;
    }
    try {
      const st = await fs.stat(f.path);
      if (st.size > MAX_FILE_BYTES) {
        emit({
          path: f.path,
          status: 'failed',
          error: `file too large (${(st.size / 1048576).toFixed(0)} MB; limit 50 MB)`,
        });
        continue;
      }
      const bytes = new Uint8Array(await fs.readFile(f.path));
      const results = await importInput(ctx, { name: path.basename(f.path), bytes }, opts);
      for (const r of results) emit({ ...r, path: f.path });
    } catch (err) {
      if ((err as Error).name === 'StoreError') throw err;
      emit({ path: f.path, status: 'failed', error: describeFsError(err) });
    }
  }
  return all;
}
