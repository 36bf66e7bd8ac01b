// Search's background work (saving the index, filling the snippet cache, loading
// at start) fails where the user can hear of it: in getProblems and the log,
// while searching itself goes on.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core.js';
import { createLogger } from '../../../electron/core/log.js';
import { INDEX_FILE } from '../../../electron/core/search/persist.js';
import { fixtures } from '../import/helpers.js';

let dir: string;
let core: Core;
let lines: string[];

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-search-problems-'));
  lines = [];
  core = await openCore({
    libraryDir: path.join(dir, 'library'),
    mode: 'cli',
    log: createLogger({ write: (l) => lines.push(l) }),
  });
  const name = 'moscow-times-blinken-iranian-drones.txt';
  await core.api.importFiles([{ name, dataBase64: readFileSync(path.join(fixtures, name)).toString('base64') }]);
});

afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

it('lists an index that cannot be saved as a problem, searches on, and clears it once a save succeeds', async () => {
  // Something in the way of the index file (here a folder of that name): every save of it fails.
  const blocked = path.join(dir, 'library', INDEX_FILE);
  mkdirSync(blocked);
  const results = await core.api.search('drones ');
  expect(results.length).toBeGreaterThan(0);
  const problems = await core.api.getProblems();
  expect(problems.map((p) => [p.key, p.code])).toEqual([['search.save', 'internal']]);
  expect(problems[0]!.message).toMatch(/search index could not be saved/);
  const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(logged).toContainEqual(
    expect.objectContaining({ level: 'error', event: 'background.failed', job: 'search.save' }),
  );

  rmSync(blocked, { recursive: true });
  await core.api.createNote({ title: 'Drones', body: 'More on the drones.' });
  expect((await core.api.search('drones ')).length).toBeGreaterThan(1);
  expect(await core.api.getProblems()).toEqual([]);
});
