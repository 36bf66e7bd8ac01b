// The library list as Zotero users expect it (issue 12, item 10): sorted by date added, date
// published, title or source; each row with its counts of highlights and notes; read or unread.
// On nine real BASIL articles (three events, three outlets each).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/core.js';
import { parseArgs } from '../../electron/core/contract.js';
import { FIXTURES } from '../sample-text.js';

let dir: string;
let core: Core;
let clock = Date.parse('2026-01-01T00:00:00Z');
beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-list-'));
  // Each import a minute after the previous one: "added" has an order to show.
  core = await openCore({ libraryDir: dir, mode: 'cli', now: () => new Date((clock += 60_000)) });
  const lines = readFileSync(path.join(FIXTURES, 'basil-sample.jsonl'), 'utf8').trim().split('\n');
  for (const [i, line] of lines.entries()) {
    const [r] = await core.api.importFiles([
      { name: `basil-${i}.jsonl`, dataBase64: Buffer.from(line).toString('base64') },
    ]);
    expect(r!.status).toBe('imported');
  }
});
afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

it('sorts by date added, date published, title and source, either way', async () => {
  const plain = await core.api.listArticles();
  expect(plain).toHaveLength(9);
  const added = await core.api.listArticles({ sort: 'added' });
  expect(added.map((a) => a.id)).toEqual(plain.map((a) => a.id).reverse()); // newest first
  expect((await core.api.listArticles({ sort: 'added', reverse: true })).map((a) => a.id)).toEqual(
    plain.map((a) => a.id),
  );

  const published = (await core.api.listArticles({ sort: 'published' })).map((a) => a.published);
  expect(published.slice(0, 1)).toEqual(['2018-12-23']);
  expect(published.slice(-3)).toEqual(['2011-04-07', '2011-04-07', '2011-04-07']);
  expect([...published].sort().reverse()).toEqual(published);

  const titles = (await core.api.listArticles({ sort: 'title' })).map((a) => a.title);
  expect(titles[0]).toMatch(/^Defense Secretary James Mattis/);
  expect(titles.at(-1)).toMatch(/^Trump Sends Investigators/);

  const sources = (await core.api.listArticles({ sort: 'source' })).map((a) => a.source);
  expect(sources).toEqual([
    ...Array(3).fill('Fox News'),
    ...Array(3).fill('HuffPost'),
    ...Array(3).fill('New York Times'),
  ]);
  const reversed = (await core.api.listArticles({ sort: 'source', reverse: true })).map((a) => a.source);
  expect(reversed[0]).toBe('New York Times');
});

it('counts highlights and attached notes per article', async () => {
  const [a, b] = await core.api.listArticles();
  const text = (await core.api.getArticle(a!.id))!.text;
  await core.api.addPassage({ articleId: a!.id, start: 0, end: 20 });
  await core.api.addPassage({ articleId: a!.id, start: 30, end: text.indexOf(' ', 60) });
  await core.api.createNote({ articleId: a!.id, body: 'On the first article' });
  await core.api.createNote({ body: 'Standalone' });
  const rows = new Map((await core.api.listArticles()).map((r) => [r.id, r]));
  expect(rows.get(a!.id)).toMatchObject({ passages: 2, notes: 1 });
  expect(rows.get(b!.id)).toMatchObject({ passages: 0, notes: 0 });
});

it('marks articles read and unread, keeps it across a reopen, and filters on it', async () => {
  const [a, b] = await core.api.listArticles();
  expect(a!.read).toBe(false);
  const editedAt = (await core.api.getArticle(a!.id))!.updatedAt;
  const marked = await core.api.setArticleRead(a!.id, true);
  expect(marked.read).toBe(true);
  const detail = (await core.api.getArticle(a!.id))!;
  expect(detail.readAt).toBeTruthy();
  expect(detail.updatedAt).toBe(editedAt); // reading is not editing
  await core.api.setArticleRead(b!.id, true);
  await core.api.setArticleRead(b!.id, false);

  await core.close();
  core = await openCore({ libraryDir: dir, mode: 'cli' });
  expect((await core.api.listArticles({ read: true })).map((r) => r.id)).toEqual([a!.id]);
  expect(await core.api.listArticles({ read: false })).toHaveLength(8);
  await expect(core.api.setArticleRead('a_missing', true)).rejects.toThrow(/No article/);
});

it('archives and unarchives articles (a view state, kept across a reopen) and filters on it', async () => {
  const [a, b, c] = await core.api.listArticles();
  expect(a!.archived).toBe(false);
  const editedAt = (await core.api.getArticle(a!.id))!.updatedAt;
  expect((await core.api.setArticleArchived(a!.id, true)).archived).toBe(true);
  await core.api.setArticleArchived(b!.id, true);
  await core.api.setArticleArchived(b!.id, false);
  await core.api.setArticleArchived(c!.id, true);
  expect((await core.api.getArticle(a!.id))!.updatedAt).toBe(editedAt); // archiving is not editing

  await core.close();
  core = await openCore({ libraryDir: dir, mode: 'cli' });
  expect((await core.api.listArticles({ archived: true })).map((r) => r.id).sort()).toEqual([a!.id, c!.id].sort());
  expect(await core.api.listArticles({ archived: false })).toHaveLength(7);
  expect((await core.api.listArticles({ archived: true, read: true })).length).toBe(0);
  await expect(core.api.setArticleArchived('a_missing', true)).rejects.toThrow(/No article/);
  expect(() => parseArgs('setArticleArchived', ['a_1', 'yes'])).toThrow(/Invalid request/);
});

it('checks the options a front end sends', () => {
  expect(parseArgs('listArticles', [])).toEqual([]);
  expect(parseArgs('listArticles', [null])).toEqual([undefined]);
  expect(parseArgs('listArticles', [{ sort: 'title', reverse: true }])).toEqual([{ sort: 'title', reverse: true }]);
  expect(() => parseArgs('listArticles', [{ sort: 'colour' }])).toThrow(/Invalid request to listArticles/);
  expect(() => parseArgs('setArticleRead', ['a_1', 'yes'])).toThrow(/Invalid request/);
});
