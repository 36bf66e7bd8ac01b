// Cross-source passages through the real core on a temporary library: the two
// sample articles imported as a user would, then asked which passages they
// share, compared side by side, and a highlight followed to the other outlet.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core.js';
import { crossrefContract } from '../../../electron/core/crossref/contract.js';
import { createCrossrefService, type CrossrefService } from '../../../electron/core/crossref/service.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');
const FILES = ['moscow-times-blinken-iranian-drones.txt', 'rferl-blinken-iranian-drones.txt'];
const QUOTE =
  'kill Ukrainian civilians and destroy the infrastructure they rely on for electricity, for water, for heat';
const CANADA = 'Canada and the United States will keep working with our allies';

let dir: string;
let core: Core;
let crossref: CrossrefService;
let mt: string;
let rfe: string;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-crossref-'));
  core = await openCore({ libraryDir: path.join(dir, 'library'), mode: 'cli' });
  crossref = createCrossrefService(core.ctx);
  const results = await core.api.importFiles(
    FILES.map((name) => ({ name, dataBase64: readFileSync(path.join(fixtures, name)).toString('base64') })),
  );
  [mt, rfe] = results.map((r) => r.id!) as [string, string];
});

afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function textOf(id: string): Promise<string> {
  return (await core.api.getArticle(id))!.text;
}

it('lists the passages an article shares with the other outlet, in text order, with offsets into both', async () => {
  const shared = await crossref.sharedPassages(mt);
  const mtText = await textOf(mt);
  const rfeText = await textOf(rfe);
  expect(shared.length).toBeGreaterThanOrEqual(5);
  for (let i = 1; i < shared.length; i++) expect(shared[i]!.start).toBeGreaterThanOrEqual(shared[i - 1]!.end);
  for (const s of shared) {
    expect(mtText.slice(s.start, s.end)).toBe(s.text);
    for (const m of s.matches) {
      expect(m.articleId).toBe(rfe);
      expect(rfeText.slice(m.start, m.end)).toBe(m.text);
    }
  }
  const quote = shared.find((s) => s.text.includes(QUOTE));
  expect(quote?.matches[0]).toMatchObject({ kind: 'exact', similarity: 1, source: expect.any(String) });
  expect(quote!.matches[0]!.text).toContain(QUOTE);
  const canada = shared.find((s) => s.text.includes(CANADA));
  expect(canada?.matches[0]?.kind).toBe('near');
  expect(canada!.matches[0]!.text).toContain('to expose, to deter, and to counter');
});

it('compares two articles side by side and answers the same pairs from either side', async () => {
  const ab = await crossref.compareArticles(mt, rfe);
  const ba = await crossref.compareArticles(rfe, mt);
  expect(ab.a.id).toBe(mt);
  expect(ab.b.id).toBe(rfe);
  expect(ab.a.title).toMatch(/Iranian Drones/);
  expect(ab.pairs.length).toBeGreaterThan(0);
  const key = (p: { aStart: number; bStart: number }) => `${p.aStart}:${p.bStart}`;
  const mirrored = new Set(ba.pairs.map((p) => `${p.bStart}:${p.aStart}`));
  const exact = ab.pairs.filter((p) => p.kind === 'exact');
  expect(exact.length).toBeGreaterThan(0);
  for (const p of exact) expect(mirrored.has(key(p))).toBe(true);
  await expect(crossref.compareArticles(mt, 'a-missing')).rejects.toThrow(/No article/);
});

it('follows a highlighted quote to the other outlet, and notices when that article is deleted', async () => {
  const text = await textOf(mt);
  const start = text.indexOf(QUOTE);
  const passage = await core.api.addPassage({ articleId: mt, start, end: start + QUOTE.length });
  const also = await crossref.passageAlsoIn(passage.id);
  expect(also).toHaveLength(1);
  expect(also[0]).toMatchObject({ articleId: rfe, text: QUOTE, similarity: 1 });
  expect((await textOf(rfe)).slice(also[0]!.start, also[0]!.end)).toBe(QUOTE);

  await core.api.deleteArticle(rfe);
  expect(await crossref.passageAlsoIn(passage.id)).toEqual([]);
  expect(await crossref.sharedPassages(mt)).toEqual([]);
});

it('still finds the other outlet for a highlight orphaned by an edit, from its quote', async () => {
  const text = await textOf(mt);
  const start = text.indexOf(QUOTE);
  const passage = await core.api.addPassage({ articleId: mt, start, end: start + QUOTE.length });
  const paragraph = text.slice(text.lastIndexOf('\n\n', start) + 2, text.indexOf('\n\n', start));
  await core.api.editArticleText(mt, text.replace(paragraph, 'This paragraph was rewritten by the editor entirely.'));
  expect((await core.api.getPassage(passage.id))!.state).toBe('orphan');
  const also = await crossref.passageAlsoIn(passage.id);
  expect(also.map((m) => m.articleId)).toEqual([rfe]);
  expect(also[0]!.text).toBe(QUOTE);
});

it('keeps up with an edited text: a passage rewritten in one article is no longer shared', async () => {
  expect((await crossref.sharedPassages(rfe)).some((s) => s.text.includes(QUOTE))).toBe(true);
  const text = await textOf(rfe);
  await core.api.editArticleText(rfe, text.replace(QUOTE, 'harm people and the grid they need in winter'));
  const after = await crossref.sharedPassages(rfe);
  expect(after.some((s) => s.text.includes('kill Ukrainian civilians'))).toBe(false);
  expect(after.length).toBeGreaterThan(0); // the rest is still shared
});

it('validates arguments: the minimum passage length is at least 8 words', () => {
  expect(crossrefContract.sharedPassages.safeParse(['a1', { minWords: 12 }]).success).toBe(true);
  expect(crossrefContract.sharedPassages.safeParse(['a1', null]).success).toBe(true);
  expect(crossrefContract.sharedPassages.safeParse(['a1', { minWords: 3 }]).success).toBe(false);
  expect(crossrefContract.compareArticles.safeParse(['a1']).success).toBe(false);
});
