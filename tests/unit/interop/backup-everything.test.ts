// A whole-library JSON backup carries everything the app now keeps, and restores it unchanged: a PDF
// article (its page map, line boxes and original file, so the page view works after a restore), an
// HTML article's structure and links, citation metadata, read state, a passage's comment, and the
// "To fetch" list a migration left. Before, the backup schema knew only the first wave's fields:
// a library with a PDF in it could not be restored at all, and the rest was dropped silently.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core.js';
import { detectInterchange, importInterchange } from '../../../electron/core/interop/api.js';
import { hasPendingStore } from '../../../electron/core/store/types.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures');
const dirs: string[] = [];
const cores: Core[] = [];
async function open(): Promise<Core> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-backup-all-'));
  dirs.push(dir);
  const core = await openCore({ libraryDir: dir, mode: 'cli' });
  cores.push(core);
  return core;
}
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const file = (rel: string) => ({
  name: path.basename(rel),
  dataBase64: readFileSync(path.join(fixtures, rel)).toString('base64'),
});

it('restores a library with a PDF, structure, citation metadata, read state and a To fetch list unchanged', async () => {
  const source = await open();
  const [pdf, html] = await source.api.importFiles([
    file('pdf/two-column.pdf'),
    file('riverside-tram-structured.html'),
  ]);
  expect(pdf!.status).toBe('imported');
  expect(html!.status).toBe('imported');
  await source.api.updateArticle(pdf!.id!, {
    itemType: 'report',
    creators: [
      { role: 'author', family: 'Okafor', given: 'Adaeze' },
      { role: 'editor', literal: 'Riverside Transit Authority' },
    ],
    doi: '10.1234/example.5678',
    containerTitle: 'Transit Reports',
    volume: '12',
  });
  await source.api.setArticleRead(html!.id!, true);
  const a = (await source.api.getArticle(pdf!.id!))!;
  const br = a.pages![1]!.start;
  const p = await source.api.addPassage({ articleId: a.id, start: br - 20, end: br + 20 });
  await source.api.updatePassage(p.id, { comment: 'crosses the page break' });
  const store = source.ctx.store;
  if (!hasPendingStore(store)) throw new Error('the library store keeps no To fetch list');
  await store.putPending([
    {
      id: 'pend_1',
      url: 'https://example.org/later',
      title: 'Read later',
      tags: ['pocket'],
      savedAt: '2024-02-01T10:00:00.000Z',
      addedAt: '2026-11-20T08:00:00.000Z',
      origin: 'Pocket (ril_export.html)',
      highlights: [{ quote: 'a passage to place', note: 'why' }],
      state: 'failed',
      error: 'The page could not be reached.',
      attempts: 2,
    },
  ]);

  const snapshot = async (c: Core) => ({
    articles: await Promise.all(
      c.ctx.store.listArticles().map(async (meta) => ({ meta, body: await c.ctx.store.getArticleBody(meta.id) })),
    ),
    passages: c.ctx.store.listPassages(),
    pending: hasPendingStore(c.ctx.store) ? c.ctx.store.listPending() : null,
  });
  const before = await snapshot(source);
  // What is compared below is really there.
  const pdfBefore = before.articles.find((x) => x.meta.format === 'pdf')!;
  expect(pdfBefore.body!.pages!.length).toBe(3);
  expect(pdfBefore.body!.pdf!.length).toBeGreaterThan(1000);
  expect(pdfBefore.body!.pdfLines!.length).toBeGreaterThan(70);
  expect(pdfBefore.meta.creators).toHaveLength(2);
  expect(before.articles.find((x) => x.meta.format === 'html')!.body!.blocks!.length).toBeGreaterThan(3);
  expect(before.articles.find((x) => x.meta.format === 'html')!.meta.readAt).toBeTruthy();

  const exported = await source.api.exportData({ format: 'json', scope: {} });
  const bytes = new TextEncoder().encode(exported.files[0]!.text!);
  expect(detectInterchange(bytes, 'backup.json')).toBe('scholia-backup');

  const target = await open();
  const result = await importInterchange(target.ctx, 'scholia-backup', bytes);
  expect(result).toMatchObject({ status: 'imported', articles: 2, passages: 1, warnings: [] });
  expect(await snapshot(target)).toEqual(before);
  // The page view's file comes back through the contract.
  expect((await target.api.getArticlePdf(pdf!.id!))?.dataBase64.length ?? 0).toBeGreaterThan(1000);
});
