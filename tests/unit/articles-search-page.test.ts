// A full search results view (issue 12, item 11): beyond the dropdown's 20, a page at a time with
// the total count, best first or newest first. On nine BASIL articles and the two samples.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/core.js';
import { parseArgs } from '../../electron/core/contract.js';
import { FIXTURES } from '../sample-text.js';

let dir: string;
let core: Core;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-search-page-'));
  core = await openCore({ libraryDir: dir, mode: 'cli' });
  const files = ['basil-sample.jsonl', 'moscow-times-blinken-iranian-drones.txt', 'rferl-blinken-iranian-drones.txt'];
  const res = await core.api.importFiles(
    files.map((name) => ({ name, dataBase64: readFileSync(path.join(FIXTURES, name)).toString('base64') })),
  );
  expect(res.filter((r) => r.status === 'imported')).toHaveLength(11);
});
afterAll(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

it('pages through every match once, with the total, in the order of a single search', async () => {
  const all = await core.api.search('trump ', { limit: 500 });
  expect(all.length).toBeGreaterThan(4);
  const seen: string[] = [];
  let page = await core.api.searchPage('trump', { limit: 2 });
  expect(page.total).toBe(all.length);
  while (page.results.length) {
    seen.push(...page.results.map((r) => r.id));
    expect(page.results.length).toBeLessThanOrEqual(2);
    page = await core.api.searchPage('trump', { limit: 2, offset: seen.length });
    expect(page.offset).toBe(seen.length);
  }
  expect(seen).toEqual(all.map((r) => r.id));
  expect((await core.api.searchPage('trump', { offset: 1000 })).results).toEqual([]);
});

it('sorts newest first on request (publication date, else date added), with snippets marking the words', async () => {
  const page = await core.api.searchPage('defense OR drones OR trump', { sort: 'date', limit: 500 });
  const dates = page.results.map((r) => r.published ?? '');
  expect(page.total).toBe(page.results.length);
  expect(dates.filter(Boolean)).toEqual([...dates.filter(Boolean)].sort().reverse());
  expect(dates.filter(Boolean)[0]).toBe('2018-12-23'); // the samples, undated, go by the date they were added (today)
  expect(page.results.some((r) => r.snippet.includes('«'))).toBe(true);
  // The first page by date is the newest, not the best few sorted.
  const first = await core.api.searchPage('defense OR drones OR trump', { sort: 'date', limit: 3 });
  expect(first.results.map((r) => r.id)).toEqual(page.results.slice(0, 3).map((r) => r.id));
});

it('answers an empty query with an empty page and refuses a bad filter or options', async () => {
  expect(await core.api.searchPage('   ')).toEqual({ results: [], total: 0, offset: 0 });
  await expect(core.api.searchPage('trump before:2022-13-45')).rejects.toThrow(/is not a date/);
  expect(() => parseArgs('searchPage', ['trump', { sort: 'colour' }])).toThrow(/Invalid request to searchPage/);
  expect(() => parseArgs('searchPage', ['trump', { limit: 501 }])).toThrow(/Invalid request/);
});
