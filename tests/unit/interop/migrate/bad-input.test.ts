// Bad exports: each file fails on its own with a message that says what is wrong,
// nothing of it is written, and the rest of the batch goes on.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../../electron/core/core.js';
import type { ImportFileInput } from '../../../../electron/core/api.js';

const FIXTURES = path.resolve(__dirname, '../../../../electron/core/interop/migrate/fixtures');
const fixture = (name: string): ImportFileInput => ({
  name,
  dataBase64: readFileSync(path.join(FIXTURES, name)).toString('base64'),
});
const bytesFile = (name: string, data: Uint8Array | string): ImportFileInput => ({
  name,
  dataBase64: Buffer.from(typeof data === 'string' ? data : data).toString('base64'),
});

let dir: string;
let core: Core;
beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-migrate-'));
  core = await openCore({ libraryDir: dir, mode: 'cli' });
});
afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function counts() {
  return {
    articles: (await core.api.listArticles()).length,
    pending: (await core.api.listPending()).total,
    passages: (await core.api.listPassages()).length,
  };
}

describe('bad exports in a batch', () => {
  it('a truncated zip, broken CSV quoting and look-alikes fail one by one; the good files around them import', async () => {
    const omnivore = readFileSync(path.join(FIXTURES, 'omnivore-export.zip'));
    const results = await core.api.importFiles([
      fixture('pocket.csv'),
      bytesFile('omnivore-export.zip', omnivore.subarray(0, Math.floor(omnivore.length * 0.6))),
      bytesFile(
        'instapaper-export.csv',
        'URL,Title,Selection,Folder,Timestamp\nhttps://a.example/x,"Broken title,,Unread,1\nhttps://b.example/y,Fine,,Unread,2\n',
      ),
      bytesFile('contacts.csv', 'name,email,phone\nAnn,ann@example.org,123\n'),
      bytesFile('photos.zip', zipSync({ 'IMG_0001.jpg': new Uint8Array([0xff, 0xd8, 0xff]) })),
      bytesFile('refs.ris', 'Just some notes, not references.\n'),
      fixture('My Clippings.txt'),
    ]);
    expect(results.map((r) => [r.path, r.status])).toEqual([
      ['pocket.csv', 'imported'],
      ['omnivore-export.zip', 'failed'],
      ['instapaper-export.csv', 'failed'],
      ['contacts.csv', 'failed'],
      ['photos.zip', 'failed'],
      ['refs.ris', 'failed'],
      ['My Clippings.txt', 'imported'],
    ]);
    const error = (name: string) => results.find((r) => r.path === name)!.error;
    expect(error('omnivore-export.zip')).toMatch(/damaged or truncated zip archive.*nothing was imported/);
    expect(error('instapaper-export.csv')).toMatch(/broken CSV quoting.*nothing was imported/);
    expect(error('contacts.csv')).toBe(
      'contacts.csv is not a Pocket, Instapaper or Readwise CSV export (its columns: name, email, phone); nothing was imported from it.',
    );
    expect(error('photos.zip')).toMatch(/not an Omnivore or Pocket export/);
    expect(error('refs.ris')).toMatch(/not a RIS file/);
    // Only the two good files' contents: Pocket's 5 links, the Kindle books and their highlights.
    expect(await counts()).toEqual({ articles: 2, pending: 5, passages: 4 });
  });

  it('a Pocket export inside its emailed zip is read like the CSV itself', async () => {
    const zip = zipSync({ 'part_000000.csv': strToU8(readFileSync(path.join(FIXTURES, 'pocket.csv'), 'utf8')) });
    const [r] = await core.api.importFiles([bytesFile('pocket.zip', zip)]);
    expect(r).toMatchObject({ status: 'imported', kind: 'pocket-csv', pending: 5 });
  });

  it('a Pocket CSV saved under another name is still recognised by its content', async () => {
    const [r] = await core.api.importFiles([{ ...fixture('pocket.csv'), name: 'export.txt' }]);
    expect(r).toMatchObject({ status: 'imported', kind: 'pocket-csv', pending: 5 });
  });

  it('a 200,000-row CSV imports whole, in one write, and stays usable page by page', async () => {
    const rows = ['title,url,time_added,tags,status'];
    for (let i = 0; i < 200_000; i++)
      rows.push(`Article ${i},https://site${i % 50}.example.org/a/${i},${1600000000 + i},t${i % 7},unread`);
    const t0 = performance.now();
    const [r] = await core.api.importFiles([bytesFile('big.csv', rows.join('\n'))]);
    const seconds = (performance.now() - t0) / 1000;
    expect(r).toMatchObject({ status: 'imported', pending: 200_000 });
    const page = await core.api.listPending({ offset: 199_990, limit: 50 });
    expect(page.total).toBe(200_000);
    expect(page.entries.map((e) => e.title)).toEqual(Array.from({ length: 10 }, (_, i) => `Article ${199_990 + i}`));
    // Reopened from disk: the entries were written durably in library.json.
    await core.close();
    core = await openCore({ libraryDir: dir, mode: 'cli' });
    expect((await core.api.listPending()).total).toBe(200_000);
    console.log(`200k-row Pocket CSV: ${seconds.toFixed(1)} s`);
  }, 120_000);
});

describe('a write that fails part way', () => {
  it('takes back what the file had written: its articles leave the library, nothing of it stays live', async () => {
    const store = core.ctx.store as unknown as { putPassages: (p: unknown[]) => Promise<void> };
    const real = store.putPassages.bind(store);
    store.putPassages = async () => {
      throw new Error('disk full');
    };
    try {
      const [r] = await core.api.importFiles([fixture('omnivore-export.zip')]);
      expect(r!.status).toBe('failed');
      expect(r!.error).toMatch(/disk full/);
    } finally {
      store.putPassages = real;
    }
    expect(await counts()).toEqual({ articles: 0, pending: 0, passages: 0 });
    // The same file imports in full once the disk is fine again.
    const [again] = await core.api.importFiles([fixture('omnivore-export.zip')]);
    expect(again).toMatchObject({ status: 'imported', articles: 2, pending: 1 });
  });
});
