// The one trash room: articles (with their passages), notes and passages go in
// through their own rooms, and come back or go for good through listTrash,
// restoreFromTrash and emptyTrash, with the other rooms (search) told.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core.js';
import { API_METHODS } from '../../../electron/core/contract.js';
import { FIXTURES } from '../../sample-text.js';

const MT = 'moscow-times-blinken-iranian-drones.txt';
const QUOTE =
  'kill Ukrainian civilians and destroy the infrastructure they rely on for electricity, for water, for heat';

let dir: string;
let core: Core;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-trash-'));
  core = await openCore({ libraryDir: path.join(dir, 'library'), mode: 'cli' });
});

afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

it('keeps the public method names of the trash', () => {
  expect(API_METHODS).toEqual(expect.arrayContaining(['listTrash', 'restoreFromTrash', 'emptyTrash']));
});

it('trashes an article with its passages, hides them from search, and brings both back', async () => {
  const [r] = await core.api.importFiles([
    { name: MT, dataBase64: readFileSync(path.join(FIXTURES, MT)).toString('base64') },
  ]);
  const id = r!.id!;
  const text = (await core.api.getArticle(id))!.text;
  const start = text.indexOf(QUOTE);
  const passage = await core.api.addPassage({ articleId: id, start, end: start + QUOTE.length });
  const passageHits = async () =>
    (await core.api.search('infrastructure type:passage')).filter((h) => h.id === passage.id).length;
  expect(await passageHits()).toBe(1);

  await core.api.deleteArticle(id);
  expect((await core.api.listTrash()).map((t) => [t.kind, t.id])).toEqual([['article', id]]);
  expect(await core.api.listArticles()).toEqual([]);
  expect(await passageHits()).toBe(0);

  await core.api.restoreFromTrash(id);
  expect(await core.api.listTrash()).toEqual([]);
  expect((await core.api.getPassage(passage.id))?.articleId).toBe(id);
  expect(await passageHits()).toBe(1);
});

it('empties the trash for good: a trashed note cannot be restored afterwards', async () => {
  const note = await core.api.createNote({ body: 'A thought to throw away' });
  await core.api.deleteNote(note.id);
  expect((await core.api.listTrash()).map((t) => t.kind)).toEqual(['note']);
  await core.api.emptyTrash();
  expect(await core.api.listTrash()).toEqual([]);
  await expect(core.api.restoreFromTrash(note.id)).rejects.toThrow(/Nothing with id/);
  expect(await core.api.getNote(note.id)).toBeNull();
});
