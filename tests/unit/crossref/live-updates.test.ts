// Cross-source answers stay current inside one session (issue 12, item 1): a
// question asked when nothing had changed used to leave the catch-up stuck,
// so an article imported or restored afterwards was never indexed until the
// app restarted. Driven through the public API, as the reader asks.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core.js';
import { FIXTURES } from '../../sample-text.js';

const MT = 'moscow-times-blinken-iranian-drones.txt';
const RFE = 'rferl-blinken-iranian-drones.txt';
const QUOTE =
  'kill Ukrainian civilians and destroy the infrastructure they rely on for electricity, for water, for heat';

let dir: string;
let core: Core;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-crossref-live-'));
  core = await openCore({ libraryDir: path.join(dir, 'library'), mode: 'desktop' });
});

afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function importSample(name: string): Promise<string> {
  const [r] = await core.api.importFiles([
    { name, dataBase64: readFileSync(path.join(FIXTURES, name)).toString('base64') },
  ]);
  return r!.id!;
}

async function highlight(articleId: string): Promise<string> {
  const text = (await core.api.getArticle(articleId))!.text;
  const start = text.indexOf(QUOTE);
  return (await core.api.addPassage({ articleId, start, end: start + QUOTE.length })).id;
}

it('finds the other outlet for a highlight once it is imported, without a restart', async () => {
  const mt = await importSample(MT);
  const passage = await highlight(mt);
  expect(await core.api.passageAlsoIn(passage)).toEqual([]);
  expect(await core.api.passageAlsoIn(passage)).toEqual([]); // a question with nothing new to index
  const rfe = await importSample(RFE);
  const also = await core.api.passageAlsoIn(passage);
  expect(also.map((m) => [m.articleId, m.text])).toEqual([[rfe, QUOTE]]);
  expect((await core.api.sharedPassages(mt)).length).toBeGreaterThan(0);
});

it('drops an article moved to the trash and finds it again once restored', async () => {
  const mt = await importSample(MT);
  const rfe = await importSample(RFE);
  const passage = await highlight(mt);
  const shared = (await core.api.sharedPassages(mt)).length;
  expect(shared).toBeGreaterThan(0);
  expect(await core.api.passageAlsoIn(passage)).toHaveLength(1);

  await core.api.deleteArticle(rfe);
  expect(await core.api.passageAlsoIn(passage)).toEqual([]);
  expect(await core.api.sharedPassages(mt)).toEqual([]);

  await core.api.restoreFromTrash(rfe);
  expect((await core.api.passageAlsoIn(passage)).map((m) => m.articleId)).toEqual([rfe]);
  expect(await core.api.sharedPassages(mt)).toHaveLength(shared);
});
