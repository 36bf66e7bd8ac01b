// Collections (saved searches and saved tag filters, issue 12 item 10) kept in the library, and
// Select → Delete: several items to the trash at once, all or nothing, each restorable (Undo).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core.js';
import { parseArgs } from '../../../electron/core/contract.js';
import { FIXTURES } from '../../sample-text.js';

let dir: string;
let core: Core;
let ids: string[];
beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-collections-'));
  core = await openCore({ libraryDir: path.join(dir, 'library'), mode: 'cli' });
  const res = await core.api.importFiles([
    { name: 'basil.jsonl', dataBase64: readFileSync(path.join(FIXTURES, 'basil-sample.jsonl')).toString('base64') },
  ]);
  ids = res.map((r) => r.id!);
});
afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

it('saves searches and tag filters by name, lists them by name, updates and deletes them, across a reopen', async () => {
  const mattis = await core.api.saveCollection({ name: '  Mattis   resignation ', query: 'mattis after:2018-06' });
  expect(mattis).toMatchObject({ name: 'Mattis resignation', query: 'mattis after:2018-06' });
  const tagged = await core.api.saveCollection({ name: 'Congress', tagFilter: 'congress AND NOT archived' });
  expect(tagged.tagFilter).toBe('congress AND NOT archived');
  expect((await core.api.listCollections()).map((c) => c.name)).toEqual(['Congress', 'Mattis resignation']);

  // What a front end does to open one: run its question.
  const hits = await core.api.searchPage(mattis.query!);
  expect(hits.total).toBeGreaterThanOrEqual(3);

  const renamed = await core.api.saveCollection({ id: mattis.id, name: 'Defense secretary', query: 'mattis' });
  expect(renamed).toMatchObject({ id: mattis.id, createdAt: mattis.createdAt, query: 'mattis' });
  await core.api.deleteCollection(tagged.id);

  await core.close();
  core = await openCore({ libraryDir: path.join(dir, 'library'), mode: 'cli' });
  expect(await core.api.listCollections()).toEqual([renamed]);
});

it('refuses a collection it could not run, with a message', async () => {
  await core.api.saveCollection({ name: 'Mattis', query: 'mattis' });
  const refused = async (input: Parameters<Core['api']['saveCollection']>[0], msg: RegExp) =>
    expect(core.api.saveCollection(input)).rejects.toThrow(msg);
  await refused({ name: '   ', query: 'x' }, /needs a name/);
  await refused({ name: 'Both', query: 'x', tagFilter: 'y' }, /either a search or a tag filter/);
  await refused({ name: 'Neither' }, /either a search or a tag filter/);
  await refused({ name: 'Bad date', query: 'mattis before:2022-13-45' }, /is not a date/);
  await refused({ name: 'Bad filter', tagFilter: '(((' }, /not closed/);
  await refused({ name: 'MATTIS', query: 'defense' }, /already exists/);
  await refused({ id: 'c_missing', name: 'Ghost', query: 'x' }, /No collection/);
  await expect(core.api.deleteCollection('c_missing')).rejects.toThrow(/No collection/);
  expect(() => parseArgs('saveCollection', [{ name: 'x', query: 'y', colour: 'red' }])).toThrow(/Invalid request/);
  expect(await core.api.listCollections()).toHaveLength(1);
});

it('moves a selection to the trash at once, refuses it whole when one id is wrong, and each comes back', async () => {
  const [a, b, c] = ids as [string, string, string];
  const p = await core.api.addPassage({ articleId: a, start: 0, end: 20 });
  const q = await core.api.addPassage({ articleId: c, start: 0, end: 20 });
  const n = await core.api.createNote({ body: 'A note to throw away' });

  await expect(
    core.api.moveToTrash([
      { kind: 'article', id: b },
      { kind: 'note', id: 'n_missing' },
    ]),
  ).rejects.toThrow(/Nothing was moved to the trash: no note n_missing/);
  expect(await core.api.listTrash()).toEqual([]);

  const res = await core.api.moveToTrash([
    { kind: 'passage', id: p.id }, // goes with its article, selected too
    { kind: 'article', id: a },
    { kind: 'article', id: b },
    { kind: 'passage', id: q.id },
    { kind: 'note', id: n.id },
  ]);
  expect(res.trashed).toEqual([a, b, q.id, n.id]);
  expect((await core.api.listArticles()).map((x) => x.id)).not.toContain(a);
  expect(await core.api.getPassage(q.id)).toBeNull();

  for (const id of res.trashed) await core.api.restoreFromTrash(id);
  expect(await core.api.listTrash()).toEqual([]);
  expect((await core.api.getPassage(p.id))?.articleId).toBe(a);
  expect(await core.api.listArticles()).toHaveLength(ids.length);
});
