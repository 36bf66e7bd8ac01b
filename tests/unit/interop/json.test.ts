import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../electron/core/context.js';
import { BACKUP_VERSION } from '../../../electron/core/interop/api.js';
import { detectInterchange, importInterchange } from '../../../electron/core/interop/api.js';
import { renderExport } from '../../../electron/core/export/run.js';
import { contextFor, fillSample, openJsonLibrary } from '../export/library.js';
import { MemoryStore } from '../export/memory-store.js';

async function libraryState(ctx: CoreContext) {
  const { store } = ctx;
  return {
    articles: await Promise.all(
      store.listArticles().map(async (m) => ({ meta: m, body: await store.getArticleBody(m.id) })),
    ),
    notes: await Promise.all(store.listNotes().map((n) => store.getNote(n.id))),
    passages: store.listPassages(),
    trash: store.listTrash(),
  };
}

async function backupOf(ctx: CoreContext): Promise<{ bytes: Uint8Array; json: Record<string, unknown> }> {
  const { files } = await renderExport(ctx, { format: 'json', scope: {} });
  expect(files).toHaveLength(1);
  const bytes = new TextEncoder().encode(files[0]!.text!);
  return { bytes, json: JSON.parse(files[0]!.text!) as Record<string, unknown> };
}

describe('JSON backup', () => {
  it('is versioned and holds articles with their original input, passages and notes', async () => {
    const ctx = await openJsonLibrary();
    await fillSample(ctx);
    const { json } = await backupOf(ctx);
    expect(json).toMatchObject({ format: 'scholia-backup', version: BACKUP_VERSION, complete: true });
    const articles = json.articles as Array<{ meta: { id: string }; body: { original: string; text: string } }>;
    expect(articles.map((a) => a.meta.id)).toEqual(['a_mt', 'a_rferl']);
    expect(articles[0]!.body.original).toContain('Support The Moscow Times!');
    expect(json.passages).toHaveLength(2);
    expect(json.notes).toHaveLength(2);
  });

  it('restores an identical library into an empty one (store on disk)', async () => {
    const source = await openJsonLibrary();
    await fillSample(source);
    const { bytes } = await backupOf(source);
    const target = await openJsonLibrary();
    expect(detectInterchange(bytes, 'backup.json')).toBe('scholia-backup');
    const result = await importInterchange(target, 'scholia-backup', bytes);
    expect(result).toMatchObject({ status: 'imported', articles: 2, notes: 2, passages: 2 });
    expect(await libraryState(target)).toEqual(await libraryState(source));
  });

  it('round-trips trash and settings too when the store can list them', async () => {
    const source = contextFor(new MemoryStore());
    const ids = await fillSample(source);
    await source.store.setSetting('ui', { theme: 'dark', fontSize: 17 });
    await source.store.setSetting('firstRunDone', true);
    await source.store.trashNote(ids.onMt);
    await source.store.trashArticle(ids.rferl);
    const { bytes } = await backupOf(source);
    const targetStore = new MemoryStore();
    const target = contextFor(targetStore);
    const result = await importInterchange(target, 'scholia-backup', bytes);
    expect(result).toMatchObject({ status: 'imported', trash: 2, settings: 2, warnings: [] });
    const src = source.store as MemoryStore;
    expect(targetStore.articles).toEqual(src.articles);
    expect(targetStore.bodies).toEqual(src.bodies);
    expect(targetStore.notes).toEqual(src.notes);
    expect(targetStore.noteBodies).toEqual(src.noteBodies);
    expect(targetStore.passages).toEqual(src.passages);
    expect(targetStore.trash).toEqual(src.trash);
    expect(targetStore.settings).toEqual(src.settings);
  });

  it('refuses to restore into a library that has content, and changes nothing', async () => {
    const source = await openJsonLibrary();
    await fillSample(source);
    const { bytes } = await backupOf(source);
    const before = await libraryState(source);
    await expect(importInterchange(source, 'scholia-backup', bytes)).rejects.toThrow(
      /only into an empty library.*Nothing was imported/,
    );
    expect(await libraryState(source)).toEqual(before);
  });

  it('refuses a backup from a newer Scholia with a clear message', async () => {
    const target = await openJsonLibrary();
    const data = { format: 'scholia-backup', version: BACKUP_VERSION + 1, articles: [], passages: [], notes: [] };
    await expect(importInterchange(target, 'scholia-backup', data)).rejects.toThrow(/newer Scholia.*update Scholia/);
  });

  it('carries the settings and the trash with its contents, from the store on disk', async () => {
    const ctx = await openJsonLibrary();
    const ids = await fillSample(ctx);
    await ctx.store.setSetting('ui', { theme: 'dark' });
    await ctx.store.trashNote(ids.onMt);
    const { json } = await backupOf(ctx);
    expect(json.settings).toEqual({ ui: { theme: 'dark' } });
    const trash = json.trash as {
      entries: Array<{ id: string }>;
      items: Array<{ id: string; note?: { body: string } }>;
    };
    expect(trash.entries.map((e) => e.id)).toEqual([ids.onMt]);
    expect(trash.items[0]!.note!.body).toContain('donation appeal');
  });

  it('backs up one note with the passages and articles it cites, so it restores without broken links', async () => {
    const source = await openJsonLibrary();
    const ids = await fillSample(source);
    const { files } = await renderExport(source, { format: 'json', scope: { noteIds: [ids.synthesis] } });
    const json = JSON.parse(files[0]!.text!) as { complete: boolean };
    expect(json.complete).toBe(false);
    const target = await openJsonLibrary();
    const r = await importInterchange(target, 'scholia-backup', files[0]!.text!);
    expect(r).toMatchObject({ articles: 2, notes: 1, passages: 2 });
    const note = (await target.store.getNote(ids.synthesis))!;
    for (const pid of ['p_mt', 'p_rferl']) {
      expect(note.body).toContain(`scholia://passage/${pid}`);
      const p = target.store.getPassage(pid)!;
      const text = (await target.store.getArticleBody(p.articleId))!.text;
      expect(text.slice(p.position.start, p.position.end)).toBe(p.quote.exact);
    }
  });
});
