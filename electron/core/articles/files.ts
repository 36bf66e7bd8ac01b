// Node-side import of paths (CLI, desktop folder import): files as given,
// folders walked recursively for the formats Scholia reads.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ImportResult } from '../api.js';
import type { CoreContext } from '../context.js';
import { importInterchangeInput, storeExtraction, type ImportOptions } from './service.js';
import { detectInterchange, readInterchangeAttachments, type InterchangeKind } from '../interop/api.js';
import {
  type Extraction,
  type ExtractionPool,
  type ImportInput,
  IMPORT_EXTENSIONS,
  createExtractionPool,
  extractWithReport,
  readAssets,
} from '../import/index.js';

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
    if (st.isDirectory()) {
      // Links inside the folder may point anywhere: they are followed only to files within it.
      let root: string;
      try {
        root = await fs.realpath(p);
      } catch (err) {
        yield { path: p, error: describeFsError(err) };
        continue;
      }
      yield* walkDir(p, root);
    } else yield { path: p };
  }
}

async function* walkDir(dir: string, root: string): AsyncGenerator<{ path: string; error?: string }> {
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
    if (e.isDirectory()) yield* walkDir(full, root);
    else if (e.isFile() && FOLDER_EXTENSIONS.has(path.extname(e.name).toLowerCase())) yield { path: full };
    else if (e.isSymbolicLink() && FOLDER_EXTENSIONS.has(path.extname(e.name).toLowerCase())) {
      const target = await fs.realpath(full).catch(() => null);
      const rel = target ? path.relative(root, target) : '..';
      const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
      const st = inside && target ? await fs.stat(target).catch(() => null) : null;
      if (st?.isFile()) yield { path: target! };
      else yield { path: full, error: 'not followed: a symbolic link to something outside the chosen folder' };
    }
    // Linked folders are not walked: they can lead out of the chosen folder or round in a loop.
  }
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (err as Error).message;
}

/** How importPaths extracts: in worker threads (bulk) or in this thread. */
export interface ImportPathsOptions extends ImportOptions {
  /**
   * An extraction pool to use (the caller closes it), or false to extract in this
   * thread. By default a pool is started when there are two files or more, and closed at the end.
   */
  pool?: ExtractionPool | false;
  /** The password for encrypted PDFs among the files (the CLI's --password). */
  password?: string;
}

/** One file made ready for its store step: already failed, interchange, or extracting. */
type Prepared =
  | { kind: 'failed'; error: string }
  | { kind: 'interchange'; interchange: InterchangeKind; input: ImportInput }
  | { kind: 'extract'; name: string; extraction: Promise<Extraction> };

/** Reads one file and starts its extraction (which may run ahead, in a worker). */
async function prepare(
  file: string,
  extract: (input: ImportInput) => Promise<Extraction>,
  password?: string,
): Promise<Prepared> {
  try {
    const st = await fs.stat(file);
    if (st.size > MAX_FILE_BYTES) {
      return { kind: 'failed', error: `file too large (${(st.size / 1048576).toFixed(0)} MB; limit 50 MB)` };
    }
    const input: ImportInput = { name: path.basename(file), bytes: new Uint8Array(await fs.readFile(file)) };
    if (/\.pdf$/i.test(file)) {
      if (password !== undefined) input.password = password;
    } else {
      // Pictures beside an HTML/Markdown file go with it (read here: extraction never touches the disk).
      const assets = await readAssets(file, Buffer.from(input.bytes).toString('utf8'));
      if (assets) input.assets = assets;
    }
    // Interchange files change the library in place, so they wait for their turn in the store step.
    const interchange = detectInterchange(input.bytes, input.name);
    if (interchange) {
      // A reference export's snapshots sit beside it (Zotero's "Export Files"): read here, with its path.
      const files = await readInterchangeAttachments(file, interchange, input.bytes);
      if (files) input.assets = files;
      return { kind: 'interchange', interchange, input };
    }
    const extraction = extract(input);
    extraction.catch(() => {}); // handled in its turn by storeExtraction; not an unhandled rejection meanwhile
    return { kind: 'extract', name: input.name, extraction };
  } catch (err) {
    return { kind: 'failed', error: describeFsError(err) };
  }
}

/**
 * Imports files and folders; calls onResult as each input finishes, in input order.
 * Extraction (CPU-bound: Readability, DOMPurify) runs ahead in a worker pool while
 * earlier files are stored; storing stays sequential, so duplicates within a batch
 * are found exactly as in a one-by-one import.
 */
export async function importPaths(
  ctx: CoreContext,
  paths: string[],
  onResult: (r: ImportResult) => void,
  opts: ImportPathsOptions = {},
): Promise<ImportResult[]> {
  const { pool: given, password, ...importOpts } = opts;
  const all: ImportResult[] = [];
  const emit = (r: ImportResult) => {
    all.push(r);
    onResult(r);
  };
  let pool: ExtractionPool | null = given || null;
  let ownPool = false;
  const extract = (input: ImportInput) => (pool ? pool.extract(input) : extractWithReport(input));
  // Enough files in flight to keep every worker busy while this thread stores.
  const lookahead = () => (pool && pool.size > 0 ? pool.size * 2 + 1 : 1);

  const files = walkPaths(paths)[Symbol.asyncIterator]();
  const ahead: { path: string; prepared: Promise<Prepared> }[] = [];
  let walked = 0;
  let walkDone = false;
  const fill = async () => {
    while (!walkDone && ahead.length < lookahead()) {
      const next = await files.next();
      if (next.done) {
        walkDone = true;
        break;
      }
      const f = next.value;
      // A pool pays off from the second file on; a single file is read in this thread.
      if (++walked === 2 && given === undefined) {
        pool = createExtractionPool();
        ownPool = true;
      }
      ahead.push({
        path: f.path,
        prepared: f.error ? Promise.resolve({ kind: 'failed', error: f.error }) : prepare(f.path, extract, password),
      });
    }
  };

  try {
    for (;;) {
      await fill();
      const head = ahead.shift();
      if (!head) break;
      const p = await head.prepared;
      if (p.kind === 'failed') {
        emit({ path: head.path, status: 'failed', error: p.error });
        continue;
      }
      try {
        const results =
          p.kind === 'interchange'
            ? await importInterchangeInput(ctx, p.interchange, p.input)
            : await storeExtraction(ctx, p.name, p.extraction, importOpts);
        for (const r of results) emit({ ...r, path: head.path });
      } catch (err) {
        if ((err as Error).name === 'StoreError') throw err;
        emit({ path: head.path, status: 'failed', error: describeFsError(err) });
      }
    }
  } finally {
    if (ownPool) await pool?.close();
  }
  return all;
}
