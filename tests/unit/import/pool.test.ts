// Bulk import in worker threads (import/pool.ts) must give exactly what in-thread
// import gives: same titles, same order, same statuses and per-file errors.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../electron/core/api.js';
import { type ImportPathsOptions, importPaths } from '../../../electron/core/articles/files.js';
import { openCore } from '../../../electron/core/core.js';
import { createExtractionPool } from '../../../electron/core/import/pool.js';
import { extractWithReport } from '../../../electron/core/import/registry.js';
import { type Extraction, ImportError } from '../../../electron/core/import/types.js';
import { fixtures, hasShared, sharedDatasets } from './helpers.js';

const MT = 'moscow-times-blinken-iranian-drones.txt';
const RFERL = 'rferl-blinken-iranian-drones.txt';
const pagesRoot = path.join(sharedDatasets, 'readability-test-pages', 'test-pages');

let tmp: string;
let folder: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'scholia-pool-'));
  folder = path.join(tmp, 'in');
  mkdirSync(path.join(folder, 'sub'), { recursive: true });
  copyFileSync(path.join(fixtures, MT), path.join(folder, 'a-mt.txt'));
  copyFileSync(path.join(fixtures, RFERL), path.join(folder, 'sub', 'b-rferl.txt'));
  // The same file twice: the second is an exact duplicate of the first.
  copyFileSync(path.join(fixtures, MT), path.join(folder, 'c-mt-again.txt'));
  writeFileSync(path.join(folder, 'd-empty.html'), '');
  writeFileSync(
    path.join(folder, 'e-binary.html'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0]),
  );
  writeFileSync(
    path.join(folder, 'f-batch.jsonl'),
    [
      JSON.stringify({ title: 'Line one', text: 'A first article in a batch, with enough words to stand alone.' }),
      '{not json',
      JSON.stringify({ title: 'Line three', text: 'A third line, a different article about something else entirely.' }),
    ].join('\n'),
  );
  if (hasShared) {
    // Real saved pages, so Readability and DOMPurify run in the workers.
    for (const d of readdirSync(pagesRoot).sort().slice(0, 8)) {
      copyFileSync(path.join(pagesRoot, d, 'source.html'), path.join(folder, `g-${d}.html`));
    }
  } else {
    console.log(`pool test: ${sharedDatasets} is absent; using the fixtures only (no saved HTML pages).`);
  }
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function importFolder(name: string, pool: ImportPathsOptions['pool']): Promise<ImportResult[]> {
  const lib = path.join(tmp, name);
  const core = await openCore({ libraryDir: lib, mode: 'cli' });
  try {
    const printed: ImportResult[] = [];
    const all = await importPaths(core.ctx, [folder], (r) => printed.push(r), { pool });
    expect(printed).toEqual(all);
    return all;
  } finally {
    await core.close();
  }
}

const visible = (rs: ImportResult[]) =>
  rs.map((r) => ({ path: r.path, status: r.status, title: r.title, error: r.error }));

describe('extraction pool', () => {
  // Imports the folder twice (in thread, then on two workers): 24 s seen on a loaded 2-core machine.
  it('imports a folder with the same titles, order, statuses and errors as in-thread import', async () => {
    const inThread = await importFolder('lib-thread', false);
    const pool = createExtractionPool({ size: 2 });
    let viaPool: ImportResult[];
    try {
      expect(await pool.started).toBe(true); // workers really ran (not the in-thread fallback)
      viaPool = await importFolder('lib-pool', pool);
    } finally {
      await pool.close();
    }
    expect(visible(viaPool)).toEqual(visible(inThread));

    // The folder exercises every outcome, in walk order.
    const statuses = viaPool.map((r) => `${path.basename(r.path)}:${r.status}`);
    expect(statuses.slice(0, 8)).toEqual([
      'a-mt.txt:imported',
      'c-mt-again.txt:duplicate',
      'd-empty.html:failed',
      'e-binary.html:failed',
      'f-batch.jsonl:imported',
      'f-batch.jsonl:imported',
      'f-batch.jsonl:failed',
      ...(hasShared ? ['g-001.html:imported'] : ['b-rferl.txt:imported']),
    ]);
    expect(statuses.at(-1)).toBe('b-rferl.txt:imported');
    expect(viaPool[0]!.title).toBe("Russia's Use of Iranian Drones in Ukraine 'Appalling': Blinken");
    expect(viaPool.at(-1)!.title).toBe("Blinken Calls Russia's Use Of Iranian Drones In Ukraine 'Appalling'");
    expect(viaPool[2]!.error).toMatch(/empty/);
  }, 120_000);

  it('returns what extractWithReport returns, and its per-file errors as ImportError', async () => {
    const pool = createExtractionPool({ size: 1 });
    try {
      const bytes = new Uint8Array(readFileSync(path.join(fixtures, RFERL)));
      const expected = await extractWithReport({ name: RFERL, bytes: bytes.slice() });
      // Removed blocks get fresh random ids on every extraction: compare everything else.
      const withoutIds = (e: Extraction) =>
        e.articles.map((a) => ({ ...a, removed: a.removed.map(({ id: _id, ...rest }) => rest) }));
      const got = await pool.extract({ name: RFERL, bytes });
      expect(bytes.length).toBe(0); // moved to the worker, not copied
      expect(withoutIds(got)).toEqual(withoutIds(expected));
      expect(got.articles[0]!.removed.length).toBeGreaterThan(0);
      expect(await pool.started).toBe(true);

      const failure = pool.extract({ name: 'empty.txt', bytes: new Uint8Array(0) });
      await expect(failure).rejects.toBeInstanceOf(ImportError);
      await expect(failure).rejects.toThrow('empty.txt is empty (0 bytes): nothing to import.');
    } finally {
      await pool.close();
    }
  });

  it('extracts in this thread when no worker can start', async () => {
    const pool = createExtractionPool({
      size: 2,
      entry: { script: path.join(tmp, 'no-such-worker.cjs'), eval: false },
    });
    try {
      const bytes = new Uint8Array(readFileSync(path.join(fixtures, MT)));
      const extraction = await pool.extract({ name: MT, bytes });
      expect(await pool.started).toBe(false);
      expect(extraction.articles[0]!.title).toBe("Russia's Use of Iranian Drones in Ukraine 'Appalling': Blinken");
    } finally {
      await pool.close();
    }
  });
});
