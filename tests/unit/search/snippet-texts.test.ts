// The snippet text cache beside the search index: used only while current,
// survives reopening, shrugs off damage, and never changes what users see.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core.js';
import { SNIPPET_FILE, SNIPPET_MAP_FILE, SnippetTexts } from '../../../electron/core/search/snippet-texts.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures');
let dir: string;
const file = () => path.join(dir, SNIPPET_FILE);
const mapFile = () => path.join(dir, SNIPPET_MAP_FILE);

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-snippets-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('returns a text only for the version it was taken from, and keeps it across reopening', async () => {
  const t = new SnippetTexts(file(), mapFile());
  await t.open();
  t.put('a:1', 'v1', 'Drones struck Kyiv — «appalling», said Blinken.');
  t.put('n:2', 'v1', 'My note');
  expect(t.get('a:1', 'v1')).toBe('Drones struck Kyiv — «appalling», said Blinken.');
  expect(t.get('a:1', 'v2')).toBeUndefined(); // the article changed since
  t.put('a:1', 'v2', 'Edited text');
  expect(t.get('a:1', 'v2')).toBe('Edited text');
  t.restamp('n:2', 'v1', 'v9'); // tags changed, not the words
  expect(t.get('n:2', 'v9')).toBe('My note');
  t.drop('n:2');
  expect(t.get('n:2', 'v9')).toBeUndefined();
  await t.save();
  t.close();

  const again = new SnippetTexts(file(), mapFile());
  await again.open();
  expect(again.get('a:1', 'v2')).toBe('Edited text');
  expect(again.get('n:2', 'v9')).toBeUndefined();
  expect(again.stats()).toMatchObject({ entries: 1, live: Buffer.byteLength('Edited text') });
  again.close();
});

it('ignores a damaged map or one from another file, and starts afresh from a damaged file', async () => {
  const t = new SnippetTexts(file(), mapFile());
  await t.open();
  t.put('a:1', 's', 'text one');
  await t.save();
  t.close();

  writeFileSync(mapFile(), '{"version":1,"generation":"x", "entries": [["a:1", 16, 8, "s"]]}');
  const other = new SnippetTexts(file(), mapFile());
  await other.open();
  expect(other.get('a:1', 's')).toBeUndefined();
  other.close();

  writeFileSync(mapFile(), '{ torn');
  writeFileSync(file(), 'short');
  const fresh = new SnippetTexts(file(), mapFile());
  await fresh.open();
  expect(fresh.get('a:1', 's')).toBeUndefined();
  fresh.put('a:1', 's', 'works again');
  expect(fresh.get('a:1', 's')).toBe('works again');
  fresh.close();
});

it('drops entries that point past the end of a truncated file', async () => {
  const t = new SnippetTexts(file(), mapFile());
  await t.open();
  t.put('a:1', 's', 'first');
  t.put('a:2', 's', 'second text');
  await t.save();
  t.close();
  writeFileSync(file(), readFileSync(file()).subarray(0, statSync(file()).size - 3));
  const again = new SnippetTexts(file(), mapFile());
  await again.open();
  expect(again.get('a:1', 's')).toBe('first');
  expect(again.get('a:2', 's')).toBeUndefined();
  again.close();
});

it('compacts replaced texts away when opened', async () => {
  const t = new SnippetTexts(file(), mapFile());
  await t.open();
  const big = 'x'.repeat(1024 * 1024);
  for (let i = 0; i < 6; i++) t.put('a:1', `v${i}`, big + i); // five dead copies
  await t.save();
  t.close();
  expect(statSync(file()).size).toBeGreaterThan(6 * 1024 * 1024);
  const again = new SnippetTexts(file(), mapFile());
  await again.open();
  expect(statSync(file()).size).toBeLessThan(1.1 * 1024 * 1024);
  expect(again.get('a:1', 'v5')).toBe(big + 5);
  again.close();
});

it('search snippets follow edits to the text, through the core, and come from the cache after reopening', async () => {
  const libraryDir = path.join(dir, 'library');
  let core = await openCore({ libraryDir, mode: 'cli' });
  const [r] = await core.api.importFiles([
    {
      name: 'rferl.txt',
      dataBase64: readFileSync(path.join(fixtures, 'rferl-blinken-iranian-drones.txt')).toString('base64'),
    },
  ]);
  const id = r!.id!;
  const [hit] = await core.api.search('Ottawa');
  expect(hit!.snippet).toContain('«Ottawa»');
  const text = (await core.api.getArticle(id))!.text;
  await core.api.editArticleText(id, text.replace('Ottawa', 'Toronto'));
  const [after] = await core.api.search('Toronto');
  expect(after!.snippet).toContain('«Toronto»');
  expect(await core.api.search('Ottawa')).toEqual([]);
  await core.close();

  // Reopened with the article's own file gone, the snippet still comes (from the cache, current version).
  rmSync(path.join(libraryDir, 'articles', `${id}.json`));
  core = await openCore({ libraryDir, mode: 'cli' });
  const [cached] = await core.api.search('Toronto');
  expect(cached!.snippet).toContain('«Toronto»');
  await core.close();

  // Without the cache too, the search still answers (the article's title matches; its snippet is empty).
  rmSync(path.join(libraryDir, SNIPPET_FILE));
  rmSync(path.join(libraryDir, SNIPPET_MAP_FILE));
  core = await openCore({ libraryDir, mode: 'cli' });
  const [titled] = await core.api.search('Blinken appalling');
  expect(titled!.id).toBe(id);
  expect(titled!.snippet).toBe('');
  await core.close();
});
