// Invalid filters are refused with a message that says what is wrong (issue 12, item 6), never
// ignored: a search that quietly dropped `before:2022-13-45` answered a different question than the
// one asked, and `(((` as a tag filter left the previous results on screen.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core.js';
import { parseQuery, QueryError } from '../../../electron/core/search/query.js';
import { parseTagExpr, TagExprError } from '../../../electron/core/tags/tag-expr.js';
import { FIXTURES } from '../../sample-text.js';

let dir: string;
let core: Core;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-filters-'));
  core = await openCore({ libraryDir: path.join(dir, 'library'), mode: 'cli' });
  const name = 'moscow-times-blinken-iranian-drones.txt';
  const [r] = await core.api.importFiles([
    { name, dataBase64: readFileSync(path.join(FIXTURES, name)).toString('base64') },
  ]);
  await core.api.updateArticle(r!.id!, { published: '2022-10-25', tags: ['ukraine/drones'] });
});
afterAll(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

it('refuses impossible dates in before: and after: instead of searching without them', async () => {
  for (const [q, msg] of [
    ['drones before:2022-13-45', /"before:2022-13-45" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD/],
    ['drones after:2023-02-29', /"after:2023-02-29" is not a date/],
    ['drones before:yesterday', /"before:yesterday" is not a date/],
  ] as const) {
    await expect(core.api.search(q), q).rejects.toThrow(msg);
    await expect(core.api.search(q)).rejects.toBeInstanceOf(QueryError);
  }
  // Real dates still filter: the article is from 2022-10-25.
  expect((await core.api.search('drones type:article before:2022-11-01 ')).length).toBe(1);
  expect((await core.api.search('drones type:article before:2022-10-01 ')).length).toBe(0);
  expect((await core.api.search('drones type:article after:2024-02-29 ')).length).toBe(0);
});

it('refuses unknown types, has: values and tags with no name', () => {
  expect(() => parseQuery('drones type:articel')).toThrow(/"type:articel" is not a type: use type:article/);
  expect(() => parseQuery('drones has:pictures')).toThrow(/"has:pictures" .* use has:notes or has:tags/);
  expect(() => parseQuery('drones tag:///')).toThrow(/"tag:\/\/\/" names no tag/);
  expect(() => parseQuery('drones tag:""')).toThrow(/"tag:" needs a value/);
  expect(() => parseQuery('drones source:"…"')).toThrow(/has no words/);
  // Still fine: plural types, a word that merely contains a colon, parentheses as punctuation.
  expect(parseQuery('type:passages drones').groups).toHaveLength(2);
  expect(parseQuery('re:drones').groups.length).toBeGreaterThan(0);
  expect(parseQuery('(((').groups).toEqual([]);
});

it('refuses a tag filter it cannot read, saying where', async () => {
  for (const [expr, msg] of [
    ['(((', /A "\(" in the tag filter is not closed/],
    ['ukraine AND', /ends after "AND": a tag is missing/],
    ['ukraine AND AND iran', /"AND" in the tag filter needs a tag on each side/],
    ['OR russia', /"OR" in the tag filter needs a tag after it/],
    ['ukraine)', /Unexpected "\)"/],
    ['   ', /empty/],
  ] as const) {
    await expect(core.api.filterArticles(expr), expr).rejects.toThrow(msg);
    expect(() => parseTagExpr(expr)).toThrow(TagExprError);
  }
  expect(await core.api.filterArticles('ukraine AND NOT iran')).toHaveLength(1);
  expect(await core.api.filterArticles('"and" OR ukraine')).toHaveLength(1); // a quoted tag may be named "and"
});
