// The cross-source index is kept beside the library: reopening a library does
// not reread every article, changes made meanwhile are caught up, and a damaged
// file is rebuilt without changing any answer.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core.js';
import { CROSSREF_INDEX_FILE } from '../../../electron/core/crossref/service.js';
import { fingerprints, ShingleIndex } from '../../../electron/core/crossref/shingle-index.js';
import { articleRecord } from '../../generated-article.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures');
const FILES = ['moscow-times-blinken-iranian-drones.txt', 'rferl-blinken-iranian-drones.txt'];
const OTHERS = 30;

let dir: string;
let mt: string;
let rfe: string;
const libraryDir = () => path.join(dir, 'library');
const indexFile = () => path.join(libraryDir(), CROSSREF_INDEX_FILE);

/** Opens the library, counting article body reads. */
async function open(): Promise<{ core: Core; reads: () => number }> {
  const core = await openCore({ libraryDir: libraryDir(), mode: 'cli' });
  let n = 0;
  const read = core.ctx.store.getArticleBody.bind(core.ctx.store);
  core.ctx.store.getArticleBody = (id: string) => {
    n++;
    return read(id);
  };
  return { core, reads: () => n };
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-crossref-persist-'));
  const core = await openCore({ libraryDir: libraryDir(), mode: 'cli' });
  const results = await core.api.importFiles(
    FILES.map((name) => ({ name, dataBase64: readFileSync(path.join(fixtures, name)).toString('base64') })),
  );
  [mt, rfe] = results.map((r) => r.id!) as [string, string];
  await core.ctx.store.putArticles(
    Array.from({ length: OTHERS }, (_, i) =>
      articleRecord({
        id: `a_other${i}`,
        title: `Unrelated ${i}`,
        source: 'Elsewhere',
        text: `Harvest figures for district ${i} show wheat yields rising after a dry spring, officials said on Monday.`,
      }),
    ),
  );
  await core.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('is saved at close and reused: reopening reads only the articles being compared', async () => {
  const first = await open();
  const before = await first.core.api.sharedPassages(mt);
  expect(before.length).toBeGreaterThanOrEqual(5);
  expect(first.reads()).toBeGreaterThanOrEqual(OTHERS + 2); // built from every body
  await first.core.close();
  expect(existsSync(indexFile())).toBe(true);

  const second = await open();
  const after = await second.core.api.sharedPassages(mt);
  expect(after).toEqual(before);
  expect(second.reads()).toBeLessThanOrEqual(2); // the article and its counterpart
  await second.core.close();
});

it('catches up with articles changed, added and removed while it was closed', async () => {
  const first = await open();
  await first.core.api.sharedPassages(mt);
  await first.core.close();

  // A third outlet carries the quote now; the RFE/RL article goes to the trash.
  const c = await open();
  const quote = (await c.core.api.getArticle(mt))!.text.slice(0, 400);
  await c.core.ctx.store.putArticles([
    articleRecord({ id: 'a_third', title: 'Third outlet', source: 'Wire', text: `As reported: ${quote}` }),
  ]);
  await c.core.api.deleteArticle(rfe); // to the trash
  await c.core.close();

  const d = await open();
  const shared = await d.core.api.sharedPassages(mt);
  const outlets = new Set(shared.flatMap((s) => s.matches.map((m) => m.articleId)));
  expect(outlets.has('a_third')).toBe(true);
  expect(outlets.has(rfe)).toBe(false);
  await d.core.close();
});

it('rebuilds from the bodies when the file is damaged, with the same answers', async () => {
  const first = await open();
  const before = await first.core.api.sharedPassages(mt);
  await first.core.close();
  writeFileSync(indexFile(), readFileSync(indexFile()).subarray(0, 100));
  expect(() => ShingleIndex.deserialize(readFileSync(indexFile()))).toThrow();

  const again = await open();
  expect(await again.core.api.sharedPassages(mt)).toEqual(before);
  expect(again.reads()).toBeGreaterThanOrEqual(OTHERS + 2);
  await again.core.close();
  expect(() => ShingleIndex.deserialize(readFileSync(indexFile()))).not.toThrow();
});

it('a loaded index answers exactly as the one it was saved from, and follows removals and additions', () => {
  const texts = FILES.map((f) => readFileSync(path.join(fixtures, f), 'utf8'));
  const built = new ShingleIndex();
  texts.forEach((t, i) => built.add(`a${i}`, t, `v${i}`));
  // Paragraphs of both samples as articles of their own, so candidates have shared counts to rank.
  texts.forEach((t, i) => t.split('\n\n').forEach((p, j) => built.add(`p${i}-${j}`, p, 'v')));
  const loaded = ShingleIndex.deserialize(built.serialize());
  expect(loaded.ids().sort()).toEqual(built.ids().sort());
  for (const id of built.ids()) {
    expect(loaded.candidates(id)).toEqual(built.candidates(id));
    expect(loaded.versionOf(id)).toBe(built.versionOf(id));
  }
  loaded.remove('a1');
  expect(loaded.candidates('a0').map((c) => c.id)).not.toContain('a1');
  loaded.add('a1', texts[1]!, 'v1b');
  expect(loaded.candidates('a0').map((c) => c.id)).toContain('a1');
  expect(loaded.versionOf('a1')).toBe('v1b');
});

it('answers the same whether documents come one by one, in one batch, or through compaction', () => {
  const texts = FILES.map((f) => readFileSync(path.join(fixtures, f), 'utf8'));
  // 300 documents: each sample's paragraphs, rotated, so many share passages with many.
  const paras = texts.flatMap((t) => t.split('\n\n'));
  const items = Array.from({ length: 300 }, (_, i) => {
    const text = [0, 1, 2].map((k) => paras[(i + k * 7) % paras.length]).join('\n\n');
    return { id: `d${i}`, version: 'v', prints: fingerprints(text) };
  });
  const single = new ShingleIndex();
  for (const it of items) single.addPrints(it.id, it.prints, it.version);
  const batch = new ShingleIndex();
  batch.addMany(items); // ≥ 256: one sorted build
  const compacting = new ShingleIndex(500); // folds its overlay into the sorted arrays every ~500 fingerprints
  for (const it of items) compacting.addPrints(it.id, it.prints, it.version);
  single.remove('d7');
  batch.remove('d7');
  compacting.remove('d7');
  for (const it of items) {
    const want = single.candidates(it.id);
    expect(batch.candidates(it.id)).toEqual(want);
    expect(compacting.candidates(it.id)).toEqual(want);
  }
  expect(single.candidates('d8').length).toBeGreaterThan(3);
});
