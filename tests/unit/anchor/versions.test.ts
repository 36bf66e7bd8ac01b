// A newer version of an article: imported again from the same address (or "Update from file"), its
// text replaces the old one, highlights move with it (moved / fuzzy / orphaned), the old text is kept
// as a version with a diff, and the library does not gain a second copy.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core.js';

const URL_ = 'https://news.example.org/2022/10/28/drones';
const page = (paras: string[]) =>
  `<!doctype html><html><head><title>Drones over Kyiv</title><link rel="canonical" href="${URL_}">` +
  `<meta property="og:site_name" content="Example News"></head><body><article><h1>Drones over Kyiv</h1>` +
  paras.map((p) => `<p>${p}</p>`).join('') +
  `</article></body></html>`;
const file = (name: string, html: string) => ({ name, dataBase64: Buffer.from(html).toString('base64') });

const V1 = [
  'Officials in Kyiv said on Friday that a wave of drones struck power stations overnight across the capital.',
  'The mayor said 40 drones were launched and most were shot down before they reached the city.',
  'Repair crews restored electricity to most districts by the evening, the energy ministry said.',
];
// The outlet's silent edit: a sentence added before the quote, the figure changed, a paragraph dropped.
const V2 = [
  'Officials in Kyiv said on Friday that a wave of drones struck power stations overnight across the capital.',
  'Air raid sirens sounded for four hours. The mayor said 43 drones were launched and most were shot down before they reached the city.',
];

let dir: string;
let core: Core;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-versions-'));
  core = await openCore({ libraryDir: path.join(dir, 'library'), mode: 'cli' });
});
afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

it('re-importing the same address replaces the text, moves highlights, keeps the old version with a diff', async () => {
  const [first] = await core.api.importFiles([file('drones.html', page(V1))]);
  const id = first!.id!;
  const text = (await core.api.getArticle(id))!.text;
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  await core.api.addPassage({ articleId: id, ...at('most were shot down before they reached the city') });
  await core.api.addPassage({ articleId: id, ...at('Repair crews restored electricity to most districts') });

  const [again] = await core.api.importFiles([file('drones-updated.html', page(V2))]);
  expect(again).toMatchObject({ status: 'imported', id, updated: { moved: 1, orphaned: 1 } });
  expect((await core.api.listArticles()).filter((a) => a.url === URL_)).toHaveLength(1);
  const now = (await core.api.getArticle(id))!.text;
  expect(now).toContain('43 drones');
  const passages = await core.api.listPassages({ articleId: id });
  const moved = passages.find((p) => p.quote.exact.startsWith('most were shot'))!;
  expect(now.slice(moved.position.start, moved.position.end)).toBe(moved.quote.exact);
  expect(passages.find((p) => p.quote.exact.startsWith('Repair crews'))!.state).toBe('orphan');

  const versions = await core.api.listArticleVersions(id);
  expect(versions).toHaveLength(1);
  const old = await core.api.getArticleVersion(id, versions[0]!.id);
  expect(old.text).toContain('40 drones');
  const changes = old.diff.filter((d) => d.op !== 'same').map((d) => `${d.op}:${d.text.trim()}`);
  expect(changes).toContain('del:40');
  expect(changes).toContain('add:43');
  expect(changes.some((c) => c.startsWith('del:Repair crews'))).toBe(true);
  await expect(core.api.getArticleVersion(id, 'v_missing')).rejects.toThrow(/No version/);
});

it('updates from a file: nothing changes for the same text; a file of several articles is refused whole', async () => {
  const [first] = await core.api.importFiles([file('drones.html', page(V1))]);
  const id = first!.id!;
  const same = await core.api.updateArticleFromFile(id, file('same.html', page(V1)));
  expect(same).toMatchObject({ changed: false, diff: [] });
  expect(await core.api.listArticleVersions(id)).toEqual([]);
  const r = await core.api.updateArticleFromFile(id, file('v2.html', page(V2)));
  expect(r.changed).toBe(true);
  expect(r.diff.some((d) => d.op === 'add' && d.text.includes('Air raid sirens'))).toBe(true);
  const jsonl = '{"title":"A","text":"One article."}\n{"title":"B","text":"Another article."}\n';
  await expect(core.api.updateArticleFromFile(id, file('two.jsonl', jsonl))).rejects.toThrow(/2 articles/);
  expect((await core.api.getArticle(id))!.text).toContain('43 drones');
  await expect(core.api.updateArticleFromUrl(id, 'ftp://example.org/x')).rejects.toThrow();
});
