// Tags through the real core on a temporary library: the two sample articles,
// a passage and a note tagged, renamed, merged and counted.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core.js';
import { parseArgs } from '../../../electron/core/contract.js';
import type { TagTarget } from '../../../electron/core/tags/api.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');
const FILES = ['moscow-times-blinken-iranian-drones.txt', 'rferl-blinken-iranian-drones.txt'];

let dir: string;
let core: Core;
let mt: TagTarget;
let rf: TagTarget;
let passage: TagTarget;
let note: TagTarget;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-tags-'));
  core = await openCore({ libraryDir: path.join(dir, 'library'), mode: 'cli' });
  const res = await core.api.importFiles(
    FILES.map((name) => ({ name, dataBase64: readFileSync(path.join(fixtures, name)).toString('base64') })),
  );
  mt = { kind: 'article', id: res[0]!.id! };
  rf = { kind: 'article', id: res[1]!.id! };
  const p = await core.api.addPassage({ articleId: mt.id, start: 0, end: 20, color: 'yellow' });
  passage = { kind: 'passage', id: p.id };
  const n = await core.api.createNote({ title: 'Energy war', body: 'Strikes on power stations.' });
  note = { kind: 'note', id: n.id };
});

afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

const tagsOf = async (t: TagTarget) =>
  t.kind === 'article'
    ? core.ctx.store.getArticleMeta(t.id)!.tags
    : t.kind === 'passage'
      ? core.ctx.store.getPassage(t.id)!.tags
      : (await core.ctx.store.getNote(t.id))!.tags;

it('tags articles, passages and notes and counts parents with their sub-tags', async () => {
  expect(await core.api.addTags([mt, passage], ['Ukraine/Drones', 'iran'])).toEqual({ changed: 2 });
  await core.api.addTags([rf, note], ['ukraine']);
  expect(await core.api.addTags([rf], ['UKRAINE '])).toEqual({ changed: 0 }); // already there
  expect(await tagsOf(passage)).toEqual(['ukraine/drones', 'iran']);
  expect(await core.api.listTags()).toEqual([
    { tag: 'iran', count: 2, ownCount: 2, articles: 1, passages: 1, notes: 0 },
    { tag: 'ukraine', count: 4, ownCount: 2, articles: 2, passages: 1, notes: 1 },
    { tag: 'ukraine/drones', count: 2, ownCount: 2, articles: 1, passages: 1, notes: 0 },
  ]);
  // The note keeps its body.
  expect((await core.api.getNote(note.id))!.body).toBe('Strikes on power stations.');
});

it('removes exactly the named tags', async () => {
  await core.api.addTags([mt], ['ukraine', 'ukraine/drones']);
  await core.api.removeTags([mt], ['Ukraine']);
  expect(await tagsOf(mt)).toEqual(['ukraine/drones']);
});

it('renames a tag everywhere, sub-tags and colour following', async () => {
  await core.api.addTags([mt, passage], ['ukraine/drones']);
  await core.api.addTags([rf, note], ['ukraine']);
  await core.api.setTagColor('ukraine', '#1e90ff');
  expect(await core.api.renameTag('ukraine', 'war/ukraine')).toEqual({ changed: 4 });
  expect(await tagsOf(mt)).toEqual(['war/ukraine/drones']);
  expect(await tagsOf(note)).toEqual(['war/ukraine']);
  const tags = await core.api.listTags();
  expect(tags.map((t) => t.tag)).toEqual(['war', 'war/ukraine', 'war/ukraine/drones']);
  expect(tags.find((t) => t.tag === 'war/ukraine')!.color).toBe('#1e90ff');
  // Search follows the rename.
  expect((await core.api.search('tag:war type:article')).map((r) => r.id).sort()).toEqual([mt.id, rf.id].sort());
  await expect(core.api.renameTag('war', 'war/inner')).rejects.toThrow(/inside itself/);
});

it('merges several tags into one without duplicates', async () => {
  await core.api.addTags([mt], ['drones', 'uav']);
  await core.api.addTags([rf], ['uav/shahed']);
  await core.api.addTags([passage], ['unmanned']);
  expect(await core.api.mergeTags(['uav', 'unmanned'], 'drones')).toEqual({ changed: 3 });
  expect(await tagsOf(mt)).toEqual(['drones']);
  expect(await tagsOf(rf)).toEqual(['drones/shahed']);
  expect(await tagsOf(passage)).toEqual(['drones']);
});

it('filters the library by a tag expression', async () => {
  await core.api.addTags([mt], ['ukraine/drones', 'iran']);
  await core.api.addTags([rf], ['ukraine']);
  expect(await core.api.filterArticles('ukraine AND NOT iran')).toEqual([rf.id]);
  expect((await core.api.filterArticles('ukraine')).sort()).toEqual([mt.id, rf.id].sort());
  await expect(core.api.filterArticles('ukraine AND (')).rejects.toThrow();
});

it('validates tag arguments at the contract', () => {
  expect(() => parseArgs('addTags', [[{ kind: 'article', id: 'a1' }], []])).toThrow();
  expect(() => parseArgs('addTags', [[{ kind: 'book', id: 'a1' }], ['x']])).toThrow();
  expect(parseArgs('renameTag', ['a', 'b'])).toEqual(['a', 'b']);
});
