// The page view lays each stored line's text over its box (ArticleBody.pdfLines): after Edit text or
// Restore to text the lines must still name the words printed there, or a selection on the pages
// would make a passage of other words.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core.js';
import { carryLines } from '../../../electron/core/pages.js';

const PDF = path.resolve(import.meta.dirname, '../../fixtures/pdf/two-column.pdf');

let lib: string;
let core: Core;
beforeEach(async () => {
  lib = mkdtempSync(path.join(os.tmpdir(), 'scholia-pdf-lines-'));
  core = await openCore({ libraryDir: lib, mode: 'cli' });
});
afterEach(async () => {
  await core.close();
  rmSync(lib, { recursive: true, force: true });
});

/** Each line's text, as the page view would lay it over the page. */
async function lineTexts(id: string): Promise<string[]> {
  const text = (await core.api.getArticle(id))!.text;
  const { lines } = (await core.api.getArticlePdf(id))!;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 7) out.push(text.slice(lines[i + 1], lines[i + 2]));
  return out;
}

it('keeps every line on its own words after a restored header and an edit of one word', async () => {
  const [r] = await core.api.importFiles([
    { name: 'two-column.pdf', dataBase64: readFileSync(PDF).toString('base64') },
  ]);
  const id = r!.id!;
  const before = await lineTexts(id);
  expect(before.some((l) => l.startsWith("world's leading"))).toBe(true);

  // Restore to text inserts page 2's running header just before that page's first line.
  const header = (await core.api.getArticle(id))!.removed.filter((b) => b.reason === 'running header')[1]!;
  await core.api.restoreRemovedBlock(id, header.id);
  expect(await lineTexts(id)).toEqual(before);

  // Edit text: one word inside a line changed; that line shows the new word, the others are as they were.
  const text = (await core.api.getArticle(id))!.text;
  await core.api.editArticleText(id, text.replace("world's leading", "world's foremost"));
  const after = await lineTexts(id);
  const changed = before.findIndex((l) => l.startsWith("world's leading"));
  expect(after[changed]).toBe(before[changed]!.replace('leading', 'foremost'));
  expect(after.filter((_, i) => i !== changed)).toEqual(before.filter((_, i) => i !== changed));
});

it('carries line ranges over one replaced region: before it kept, after it shifted, a line inside it emptied', () => {
  const old = 'aaaa bbbb cccc dddd';
  const next = 'aaaa XX dddd';
  // Lines: "aaaa" [0,4), "bbbb" [5,9), "cccc" [10,14), "dddd" [15,19) (page 0, boxes irrelevant here).
  const lines = [0, 0, 4, 0, 0, 1, 1, 0, 5, 9, 0, 0, 1, 1, 0, 10, 14, 0, 0, 1, 1, 0, 15, 19, 0, 0, 1, 1];
  const carried = carryLines(lines, old, next)!;
  const ranges = [0, 1, 2, 3].map((k) => next.slice(carried[k * 7 + 1], carried[k * 7 + 2]));
  expect(ranges).toEqual(['aaaa', 'XX', '', 'dddd']);
  expect(carryLines(undefined, old, next)).toBeUndefined();
});
