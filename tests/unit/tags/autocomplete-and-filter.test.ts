// Tags as the sidebar and every tag field need them (issue 12, item 12): suggestions while typing
// (so `ukraine/drone` is not created beside `ukraine/drones` by accident), counts that say what they
// count, and a filter that finds passages and notes as well as articles.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core.js';
import { parseArgs } from '../../../electron/core/contract.js';
import { FIXTURES } from '../../sample-text.js';

const FILES = ['moscow-times-blinken-iranian-drones.txt', 'rferl-blinken-iranian-drones.txt'];
let dir: string;
let core: Core;
let mt: string;
let rfe: string;
let passage: string;
let note: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-tag-suggest-'));
  core = await openCore({ libraryDir: path.join(dir, 'library'), mode: 'cli' });
  const res = await core.api.importFiles(
    FILES.map((name) => ({ name, dataBase64: readFileSync(path.join(FIXTURES, name)).toString('base64') })),
  );
  [mt, rfe] = res.map((r) => r.id!) as [string, string];
  passage = (await core.api.addPassage({ articleId: mt, start: 0, end: 40 })).id;
  note = (await core.api.createNote({ title: 'Energy war', body: 'Strikes on power stations.' })).id;
  await core.api.addTags(
    [
      { kind: 'article', id: mt },
      { kind: 'article', id: rfe },
      { kind: 'passage', id: passage },
    ],
    ['ukraine/drones'],
  );
  await core.api.addTags([{ kind: 'note', id: note }], ['ukraine/energy', 'iran']);
  await core.api.addTags([{ kind: 'article', id: rfe }], ['iran', 'sanctions/drones']);
});
afterAll(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

it('suggests tags in use while one is typed: the path first, then a segment inside, most used first', async () => {
  expect(await core.api.suggestTags('ukraine/dro')).toEqual([{ tag: 'ukraine/drones', count: 3 }]);
  expect(await core.api.suggestTags('Dro')).toEqual([
    { tag: 'ukraine/drones', count: 3 },
    { tag: 'sanctions/drones', count: 1 },
  ]);
  expect((await core.api.suggestTags('u')).map((s) => s.tag)).toEqual(['ukraine', 'ukraine/drones', 'ukraine/energy']);
  expect((await core.api.suggestTags('', 2)).map((s) => s.tag)).toEqual(['ukraine', 'ukraine/drones']);
  expect(await core.api.suggestTags('zzz')).toEqual([]);
});

it('says what each count counts: articles, passages and notes', async () => {
  const tags = new Map((await core.api.listTags()).map((t) => [t.tag, t]));
  expect(tags.get('ukraine')).toMatchObject({ count: 4, articles: 2, passages: 1, notes: 1 });
  expect(tags.get('iran')).toMatchObject({ count: 2, articles: 1, passages: 0, notes: 1 });
});

it('filters every kind by a tag expression', async () => {
  expect(await core.api.filterByTags('ukraine')).toEqual({ articles: [mt, rfe], passages: [passage], notes: [note] });
  expect(await core.api.filterByTags('iran AND NOT ukraine/drones')).toEqual({
    articles: [],
    passages: [],
    notes: [note],
  });
  await expect(core.api.filterByTags('ukraine AND (')).rejects.toThrow(/not closed/);
  expect(() => parseArgs('suggestTags', ['dro', 0])).toThrow(/Invalid request to suggestTags/);
});
