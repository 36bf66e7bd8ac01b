// `scholia search`, `scholia tag ...` and `scholia tags` on the two sample articles.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCli } from '../cli-harness.js';

const fixtures = path.resolve(import.meta.dirname, '..', '..', 'fixtures');
const MT = path.join(fixtures, 'moscow-times-blinken-iranian-drones.txt');
const RFERL = path.join(fixtures, 'rferl-blinken-iranian-drones.txt');

let lib: string;
let mt: string;
let rf: string;
beforeEach(async () => {
  lib = mkdtempSync(path.join(os.tmpdir(), 'scholia-cli-search-'));
  const ids = (await run('import', MT, RFERL, '--json')).json().map((r) => String(r.id));
  mt = ids[0]!;
  rf = ids[1]!;
});
afterEach(() => rmSync(lib, { recursive: true, force: true }));

const run = (...argv: string[]) => runCli(lib, ...argv);

it('prints {type,id,title,score,snippet} per result, best first, honouring --limit', async () => {
  const r = await run('search', 'munitions', 'OR', 'diplomatic', '--json');
  expect(r.code).toBe(0);
  const rows = r.json();
  expect(rows.map((x) => x.id).sort()).toEqual([mt, rf].sort());
  for (const x of rows) expect(Object.keys(x).sort()).toEqual(['id', 'score', 'snippet', 'title', 'type']);
  expect(Number(rows[0]!.score)).toBeGreaterThanOrEqual(Number(rows[1]!.score));
  expect(String(rows[0]!.snippet)).toMatch(/«(munitions|diplomatic)»/);
  expect((await run('search', 'blinken', '--limit', '1', '--json')).json()).toHaveLength(1);
  // A query may start with "-".
  expect((await run('search', 'blinken', '-diplomatic', '--json')).json().map((x) => x.id)).toEqual([rf]);
});

it('refuses a missing query or a bad --limit with a usage error', async () => {
  expect((await run('search')).code).toBe(64);
  const bad = await run('search', 'x', '--limit', 'lots');
  expect(bad.code).toBe(64);
  expect(bad.err.join('\n')).toMatch(/--limit/);
});

it('tags, renames, merges and lists tags', async () => {
  expect((await run('tag', 'add', 'Ukraine/Drones,iran', mt, '--json')).json()).toEqual([{ changed: 1 }]);
  expect((await run('tag', 'add', 'ukraine', rf)).code).toBe(0);
  expect((await run('tags', '--json')).json()).toEqual([
    { tag: 'iran', count: 1, ownCount: 1 },
    { tag: 'ukraine', count: 2, ownCount: 1 },
    { tag: 'ukraine/drones', count: 1, ownCount: 1 },
  ]);
  expect((await run('tag', 'rename', 'ukraine', 'ua', '--json')).json()).toEqual([{ changed: 2 }]);
  expect((await run('search', 'tag:ua/drones', '--json')).json().map((x) => x.id)).toEqual([mt]);
  expect((await run('tag', 'filter', 'ua AND NOT ua/drones', '--json')).json().map((x) => x.id)).toEqual([rf]);
  expect((await run('tag', 'merge', 'iran', 'ua/drones', 'ua', '--json')).json()).toEqual([{ changed: 1 }]);
  expect((await run('tags', '--json')).json()).toEqual([{ tag: 'ua', count: 2, ownCount: 2 }]);
  expect((await run('tag', 'add', 'x', 'no-such-id')).code).toBe(64);
});
