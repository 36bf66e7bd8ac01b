// Passages through the real core on a temporary library: the sample articles
// imported as a user would, highlighted, cited by notes, edited.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { parseArgs } from '../../../electron/core/contract.js';
import { openCore, type Core } from '../../../electron/core/core.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');
const FILES = ['moscow-times-blinken-iranian-drones.txt', 'rferl-blinken-iranian-drones.txt'];
const PASSAGE =
  'kill Ukrainian civilians and destroy the infrastructure they rely on for electricity, for water, for heat';

let dir: string;
let core: Core;
let ids: string[];

async function open(): Promise<Core> {
  return openCore({ libraryDir: path.join(dir, 'library'), mode: 'cli' });
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-passages-'));
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

async function textOf(id: string): Promise<string> {
  return (await core.api.getArticle(id))!.text;
}

async function highlight(articleId: string, quote = PASSAGE) {
  const text = await textOf(articleId);
  const start = text.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  return core.api.addPassage({ articleId, start, end: start + quote.length, color: 'green' });
}

it('stores a highlight with its selectors and lists it in reading order, across a reopen', async () => {
  const [mt] = ids;
  const p = await highlight(mt!);
  const first = await highlight(mt!, (await textOf(mt!)).slice(0, 20));
  expect(p.quote.exact).toBe(PASSAGE);
  expect(p.quote.prefix.length).toBe(32);
  expect(p.state).toBe('anchored');
  expect(p.color).toBe('green');
  await core.close();
  core = await open();
  const list = await core.api.listPassages({ articleId: mt! });
  expect(list.map((x) => x.id)).toEqual([first.id, p.id]);
  expect((await core.api.getPassage(p.id))?.quote.exact).toBe(PASSAGE);
});

it('refuses a selection outside the text', async () => {
  const text = await textOf(ids[0]!);
  await expect(
    core.api.addPassage({ articleId: ids[0]!, start: text.length - 1, end: text.length + 5 }),
  ).rejects.toThrow(/not inside the article's text/);
});

it('keeps passages through an edit before them, and orphans one whose text is deleted', async () => {
  const [mt] = ids;
  const p = await highlight(mt!);
  const text = await textOf(mt!);
  const inserted = 'The user added this sentence. ';
  const edited = text.slice(0, p.position.start - 1) + ' ' + inserted + text.slice(p.position.start);
  const changed: string[] = [];
  core.ctx.events.on('passage:changed', (id) => changed.push(id));
  const report = await core.api.editArticleText(mt!, edited);
  expect(report).toEqual({ moved: 1, fuzzy: 0, orphaned: 0, unchanged: 0 });
  const moved = (await core.api.getPassage(p.id))!;
  expect(moved.position.start).toBe(p.position.start + inserted.length);
  expect((await textOf(mt!)).slice(moved.position.start, moved.position.end)).toBe(PASSAGE);
  expect(changed).toEqual([p.id]);

  const gone = await core.api.editArticleText(mt!, (await textOf(mt!)).replace(PASSAGE, ''));
  expect(gone).toEqual({ moved: 0, fuzzy: 0, orphaned: 1, unchanged: 0 });
  const orphan = (await core.api.getPassage(p.id))!;
  expect(orphan.state).toBe('orphan');
  expect(orphan.quote.exact).toBe(PASSAGE);

  // Re-attached by a new selection, it is anchored again on that text.
  const now = await textOf(mt!);
  const re = await core.api.reattachPassage(p.id, 0, 10);
  expect(re.state).toBe('anchored');
  expect(re.quote.exact).toBe(now.slice(0, 10));
});

it('updates the article record (words, date) and reports a typo fix inside a passage as fuzzy', async () => {
  const [mt] = ids;
  const p = await highlight(mt!);
  const before = (await core.api.getArticle(mt!))!;
  const edited = (await textOf(mt!)).replace('for electricity', 'for electrcity') + '\n\nThree more words.';
  const report = await core.api.editArticleText(mt!, edited);
  expect(report.fuzzy).toBe(1);
  const after = (await core.api.getArticle(mt!))!;
  expect(after.words).toBe(before.words + 3);
  expect(after.text).toBe(edited);
  expect((await core.api.getPassage(p.id))!.state).toBe('fuzzy');
});

it('restores a removed boilerplate block where it stood and keeps passages in place', async () => {
  // A paragraph set aside as import does with boilerplate (done here through the store, so the
  // test does not depend on which blocks the importer recognises).
  const [mt] = ids;
  const meta = core.ctx.store.getArticleMeta(mt!)!;
  const body = (await core.ctx.store.getArticleBody(mt!))!;
  // The paragraph just before the passage's own is the block set aside.
  const passageParagraph = body.text.lastIndexOf('\n\n', body.text.indexOf(PASSAGE));
  expect(passageParagraph).toBeGreaterThan(0);
  const before = body.text.lastIndexOf('\n\n', passageParagraph - 1);
  const start = before === -1 ? 0 : before + 2;
  const prompt = body.text.slice(start, passageParagraph);
  const text = body.text.slice(0, start) + body.text.slice(start + prompt.length + 2);
  const removed = [{ id: 'r_caption', text: prompt, reason: 'photo caption', at: start }];
  await core.ctx.store.putArticle(meta, { ...body, text, removed });
  const p = await highlight(mt!);
  expect(p.position.start).toBeGreaterThan(start);

  const report = await core.api.restoreRemovedBlock(mt!, 'r_caption');
  expect(report).toEqual({ moved: 1, fuzzy: 0, orphaned: 0, unchanged: 0 });
  const after = (await core.api.getArticle(mt!))!;
  expect(after.text).toBe(body.text);
  expect(after.removed).toEqual([]);
  const now = (await core.api.getPassage(p.id))!;
  expect(after.text.slice(now.position.start, now.position.end)).toBe(PASSAGE);
  await expect(core.api.restoreRemovedBlock(mt!, 'r_caption')).rejects.toThrow(/No removed block/);
});

it('lists the notes citing a passage, following note edits and deletion', async () => {
  const [mt, rferl] = ids;
  const a = await highlight(mt!);
  const b = await highlight(rferl!);
  const note = await core.api.createNote({
    body: `Both outlets quote it: [“kill Ukrainian civilians”](scholia://passage/${a.id}) and [same](scholia://passage/${b.id}).`,
  });
  expect((await core.api.getPassage(a.id))!.notes).toEqual([note.id]);
  expect((await core.api.notesForPassage(b.id)).map((n) => n.id)).toEqual([note.id]);

  await core.api.saveNote(note.id, { body: `Only one now: [x](scholia://passage/${b.id})` });
  expect((await core.api.getPassage(a.id))!.notes).toEqual([]);
  expect((await core.api.listPassages({ articleId: rferl! }))[0]!.notes).toEqual([note.id]);

  await core.api.deleteNote(note.id);
  expect((await core.api.getPassage(b.id))!.notes).toEqual([]);
});

it('finds citations made before the library was opened (index built from the store)', async () => {
  const a = await highlight(ids[0]!);
  const note = await core.api.createNote({ body: `[q](scholia://passage/${a.id})` });
  await core.close();
  core = await open();
  expect((await core.api.getPassage(a.id))!.notes).toEqual([note.id]);
});

it('deletes a passage to the trash and updates colour and tags', async () => {
  const a = await highlight(ids[0]!);
  const u = await core.api.updatePassage(a.id, { color: 'pink', tags: ['drones', ' drones ', 'iran'] });
  expect(u.color).toBe('pink');
  expect(u.tags).toEqual(['drones', 'iran']);
  await core.api.deletePassage(a.id);
  expect(await core.api.getPassage(a.id)).toBeNull();
  expect(core.ctx.store.listTrash().some((t) => t.id === a.id)).toBe(true);
});

it('re-anchors passages when another part of the app replaces the text (a re-import)', async () => {
  const [mt] = ids;
  const p = await highlight(mt!);
  const meta = core.ctx.store.getArticleMeta(mt!)!;
  const body = (await core.ctx.store.getArticleBody(mt!))!;
  const added = 'Updated version: a new lead paragraph.\n\n';
  const placed = new Promise<string>((resolve) => core.ctx.events.once('passage:changed', resolve));
  await core.ctx.store.putArticle(meta, { ...body, text: added + body.text });
  core.ctx.events.emit('article:changed', mt!);
  expect(await placed).toBe(p.id);
  expect((await core.api.getPassage(p.id))!.position.start).toBe(p.position.start + added.length);
});

it('accepts the argument shapes front ends send for listPassages', () => {
  expect(parseArgs('listPassages', [])).toEqual([]);
  expect(parseArgs('listPassages', [null])).toEqual([undefined]);
  expect(parseArgs('listPassages', [{ articleId: 'a_1' }])).toEqual([{ articleId: 'a_1' }]);
  expect(() => parseArgs('addPassage', [{ articleId: 'a_1', start: 5, end: 5 }])).toThrow(/end must be after start/);
});

it('applies two text edits sent at once one after the other, leaving every passage on its quote', async () => {
  const [mt] = ids;
  const p = await highlight(mt!);
  const text = await textOf(mt!);
  const one = 'First insert. ' + text;
  const two = 'Second insert, longer than the first. ' + text;
  const reports = await Promise.all([core.api.editArticleText(mt!, one), core.api.editArticleText(mt!, two)]);
  expect(reports.map((r) => r.moved)).toEqual([1, 1]);
  const final = await textOf(mt!);
  expect(final).toBe(two);
  const now = (await core.api.getPassage(p.id))!;
  expect(final.slice(now.position.start, now.position.end)).toBe(PASSAGE);
});

it('puts every block the importer set aside back in its original place, in document order', async () => {
  const [mt] = ids;
  const p = await highlight(mt!);
  let art = (await core.api.getArticle(mt!))!;
  const blocks = art.removed.length;
  expect(blocks).toBeGreaterThan(1);
  while (art.removed.length) {
    const report = await core.api.restoreRemovedBlock(mt!, art.removed[0]!.id);
    expect(report.orphaned + report.fuzzy).toBe(0);
    art = (await core.api.getArticle(mt!))!;
  }
  const paragraphs = (t: string): string[] =>
    t
      .split(/\n\s*\n/)
      .map((x) => x.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
  const restored = paragraphs(art.text);
  const original = paragraphs(readFileSync(path.join(fixtures, FILES[0]!), 'utf8')).filter((x) => restored.includes(x));
  expect(restored).toEqual(original);
  expect(restored.length).toBeGreaterThan(blocks);
  const now = (await core.api.getPassage(p.id))!;
  expect(art.text.slice(now.position.start, now.position.end)).toBe(PASSAGE);
});
