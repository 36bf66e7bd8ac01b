// A comment on a highlight itself (issue 12, item 9): set when highlighting or later, edited,
// cleared, kept through re-anchoring and a JSON backup, and exported in the W3C annotation body.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core.js';
import { parseArgs } from '../../../electron/core/contract.js';
import { FIXTURES } from '../../sample-text.js';

const MT = 'moscow-times-blinken-iranian-drones.txt';
const QUOTE =
  'kill Ukrainian civilians and destroy the infrastructure they rely on for electricity, for water, for heat';

let dir: string;
let core: Core;
let articleId: string;
beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-comment-'));
  core = await openCore({ libraryDir: path.join(dir, 'library'), mode: 'cli' });
  const [r] = await core.api.importFiles([
    { name: MT, dataBase64: readFileSync(path.join(FIXTURES, MT)).toString('base64') },
  ]);
  articleId = r!.id!;
});
afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function highlight(comment?: string) {
  const text = (await core.api.getArticle(articleId))!.text;
  const start = text.indexOf(QUOTE);
  return core.api.addPassage({ articleId, start, end: start + QUOTE.length, comment });
}

it('keeps a comment on the highlight, editable and removable', async () => {
  const p = await highlight('  Same wording as the State Department readout  ');
  expect(p.comment).toBe('Same wording as the State Department readout');
  const edited = await core.api.updatePassage(p.id, { comment: 'Checked against the readout' });
  expect((await core.api.getPassage(p.id))!.comment).toBe('Checked against the readout');
  expect(edited.color).toBe(p.color);
  await core.api.updatePassage(p.id, { comment: '' });
  expect((await core.api.getPassage(p.id))!).not.toHaveProperty('comment');
  expect((await highlight()).comment).toBeUndefined();
});

it('is found by search, as its highlight', async () => {
  const p = await highlight();
  expect(await core.api.search('readout type:passage ')).toEqual([]);
  await core.api.updatePassage(p.id, { comment: 'Same wording as the State Department readout' });
  const hits = await core.api.search('readout type:passage ');
  expect(hits.map((h) => h.id)).toEqual([p.id]);
});

it('survives an edit of the article text that moves the passage', async () => {
  const p = await highlight('moved but kept');
  const text = (await core.api.getArticle(articleId))!.text;
  await core.api.editArticleText(articleId, `A new first paragraph.\n\n${text}`);
  const after = (await core.api.getPassage(p.id))!;
  expect(after.position.start).toBeGreaterThan(p.position.start);
  expect(after.comment).toBe('moved but kept');
});

it('is exported in the W3C annotation body and in the JSON backup', async () => {
  const p = await highlight('A comment for the export');
  const w3c = await core.api.exportData({ format: 'w3c', scope: {} });
  const coll = JSON.parse(w3c.files[0]!.text!) as {
    first: { items: { id: string; motivation: string; body?: { purpose: string; value: string }[] }[] };
  };
  const item = coll.first.items.find((i) => i.id.endsWith(p.id))!;
  expect(item.motivation).toBe('commenting');
  expect(item.body).toContainEqual(
    expect.objectContaining({ purpose: 'commenting', value: 'A comment for the export' }),
  );
  const json = await core.api.exportData({ format: 'json', scope: {} });
  expect(json.files[0]!.text).toContain('"comment":"A comment for the export"');
});

it('refuses a comment too long for a highlight, with a message', () => {
  expect(() => parseArgs('updatePassage', ['p_1', { comment: 'x'.repeat(10_001) }])).toThrow(/comment too long/);
  expect(parseArgs('updatePassage', ['p_1', { comment: 'fine' }])).toEqual(['p_1', { comment: 'fine' }]);
});
