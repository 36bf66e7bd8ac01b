// Search through the real core on a temporary library: imported articles,
// a passage and a note, then edits, and the index file across reopenings.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { parseArgs } from '../../../electron/core/contract.js';
import { openCore, type Core } from '../../../electron/core/core.js';
import { INDEX_FILE } from '../../../electron/core/search/persist.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');
const FILES = ['moscow-times-blinken-iranian-drones.txt', 'rferl-blinken-iranian-drones.txt'];
const PASSAGE =
  'kill Ukrainian civilians and destroy the infrastructure they rely on for electricity, for water, for heat';

let dir: string;
let core: Core;
let ids: string[];
const libraryDir = () => path.join(dir, 'library');
const open = () => openCore({ libraryDir: libraryDir(), mode: 'cli' });

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-search-'));
  core = await open();
  const results = await core.api.importFiles(
    FILES.map((name) => ({ name, dataBase64: readFileSync(path.join(fixtures, name)).toString('base64') })),
  );
  ids = results.map((r) => r.id!);
});

afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

it('finds articles, passages and notes with snippets that mark the matched words', async () => {
  const [mt, rf] = ids;
  const text = (await core.api.getArticle(mt!))!.text;
  const start = text.indexOf(PASSAGE);
  const p = await core.api.addPassage({ articleId: mt!, start, end: start + PASSAGE.length, color: 'yellow' });
  const note = await core.api.createNote({
    title: 'Energy war',
    body: `Compare [the quote](scholia://passage/${p.id}): civilians, infrastructure.`,
    articleId: rf!,
  });

  const results = await core.api.search('infrastructure ', { limit: 10 });
  const byType = Object.fromEntries(results.map((r) => [`${r.type}:${r.id}`, r]));
  expect(Object.keys(byType).sort()).toEqual(
    [`article:${mt}`, `article:${rf}`, `note:${note.id}`, `passage:${p.id}`].sort(),
  );
  const passage = byType[`passage:${p.id}`]!;
  expect(passage.articleId).toBe(mt);
  expect(passage.snippet).toContain('«infrastructure»');
  const article = byType[`article:${rf}`]!;
  expect(article.snippet).toMatch(/«infrastructure»/);
  // The reader can scroll to the match.
  const rfText = (await core.api.getArticle(rf!))!.text;
  expect(rfText.slice(article.matchOffset!, article.matchOffset! + 14)).toBe('infrastructure');
  // Passage links in a note are not words of the note, and offsets still point into its body.
  expect(await core.api.search(`${p.id} type:note`)).toEqual([]);
  const [hit] = await core.api.search('civilians type:note');
  expect(note.body.slice(hit!.matchOffset!, hit!.matchOffset! + 9)).toBe('civilians');
});

it('follows edits as they happen: tags, new notes, deletions', async () => {
  const [mt, rf] = ids;
  expect(await core.api.search('tag:ukraine')).toEqual([]);
  await core.api.addTags([{ kind: 'article', id: mt! }], ['Ukraine/Drones']);
  expect((await core.api.search('tag:ukraine')).map((r) => r.id)).toEqual([mt]);
  const note = await core.api.createNote({
    title: 'Follow-up',
    body: 'Check the Shahed serial numbers.',
    articleId: rf!,
  });
  expect((await core.api.search('shahed serial')).map((r) => r.id)).toEqual([note.id]);
  expect((await core.api.search('has:notes')).map((r) => r.id)).toEqual([rf]);
  await core.api.deleteNote(note.id);
  expect(await core.api.search('shahed serial')).toEqual([]);
  await core.api.deleteArticle(rf!);
  expect((await core.api.search('blinken ')).map((r) => r.id)).toEqual([mt]);
});

it('keeps the index in the library folder and catches up with changes made while it was not looking', async () => {
  const [mt] = ids;
  await core.api.search('blinken ');
  const file = path.join(libraryDir(), INDEX_FILE);
  const saved = readFileSync(file);
  expect(saved.subarray(0, 14).toString()).toBe('SCHOLIA-SEARCH');
  await core.close();

  // Another session edits the library without searching (so without touching the index).
  core = await open();
  await core.api.updateArticle(mt!, { tags: ['iran'] });
  await core.close();

  core = await open();
  expect((await core.api.search('tag:iran')).map((r) => r.id)).toEqual([mt]);
});

it('rebuilds a damaged index instead of failing or returning wrong results', async () => {
  await core.api.search('blinken ');
  await core.close();
  const file = path.join(libraryDir(), INDEX_FILE);
  writeFileSync(file, readFileSync(file).subarray(0, 200)); // a crash mid-copy, a bad disk
  core = await open();
  expect((await core.api.search('blinken ')).length).toBe(2);
  expect(readFileSync(file).length).toBeGreaterThan(200);
});

it('validates search arguments at the contract', () => {
  expect(parseArgs('search', ['drones'])).toEqual(['drones']);
  expect(parseArgs('search', ['drones', { limit: 5 }])).toEqual(['drones', { limit: 5 }]);
  expect(() => parseArgs('search', ['drones', { limit: 0 }])).toThrow(/Invalid request to search/);
  expect(() => parseArgs('search', [42])).toThrow();
});
