// Batch writes (a backup's restore) and the trash with its contents: durable
// across a restart, one journal append per batch, and refusals change nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JsonStore } from '../../../electron/core/store/json-store.js';
import { article, cleanup, note, passage, tempLibrary } from './helpers.js';

afterEach(cleanup);

const journalLines = (dir: string) => readFileSync(path.join(dir, 'journal.jsonl'), 'utf8').split('\n').filter(Boolean);

describe('batch writes', () => {
  it('puts many articles and notes in one append each, and they survive a restart', async () => {
    const dir = tempLibrary();
    const s = new JsonStore(dir, { autoBackupDelayMs: 0 });
    await s.open();
    const arts = Array.from({ length: 30 }, (_, i) => article(`a_${i}`, i));
    const notes = Array.from({ length: 20 }, (_, i) => note(`n_${i}`, `Note ${i}\n\nabout a_${i}`, `a_${i}`));
    await s.putArticles(arts);
    await s.putNotes(notes);
    // One record per item (each stands alone if a crash cuts the batch), numbered in order.
    expect(journalLines(dir).map((l) => (JSON.parse(l) as { seq: number }).seq)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    await s.close();

    const r = new JsonStore(dir, { autoBackupDelayMs: 0 });
    await r.open();
    expect(r.listArticles().map((a) => a.id)).toEqual(arts.map((a) => a.meta.id));
    for (const a of arts) expect(await r.getArticleBody(a.meta.id)).toEqual(a.body);
    for (const n of notes) expect(await r.getNote(n.id)).toEqual(n);
    await r.close();
  });
});

describe('trash with contents', () => {
  it('hands out trashed items with their contents, and puts them back into another library as they were', async () => {
    const dir = tempLibrary();
    const s = new JsonStore(dir, { autoBackupDelayMs: 0 });
    await s.open();
    const a = article('a_1');
    await s.putArticle(a.meta, a.body);
    await s.putArticle(article('a_2', 1).meta, article('a_2', 1).body);
    await s.putPassages([passage('p_1', 'a_1'), passage('p_2', 'a_2', 1)]);
    await s.putNote(note('n_1', 'Gone note\n\nits text'));
    await s.setSetting('ui', { theme: 'dark' });
    await s.trashArticle('a_1');
    await s.trashNote('n_1');
    await s.trashPassage('p_2');
    const items = await s.getTrashItems();
    expect(items.map((i) => [i.kind, i.id])).toEqual([
      ['article', 'a_1'],
      ['note', 'n_1'],
      ['passage', 'p_2'],
    ]);
    expect(items[0]!.article).toEqual({ meta: a.meta, body: a.body, passages: [passage('p_1', 'a_1')] });
    expect(items[1]!.note!.body).toBe('Gone note\n\nits text');
    expect(s.listSettings()).toEqual({ ui: { theme: 'dark' } });
    await s.close();

    const dir2 = tempLibrary();
    const t = new JsonStore(dir2, { autoBackupDelayMs: 0 });
    await t.open();
    await t.putTrashItems(items);
    await t.close();
    const u = new JsonStore(dir2, { autoBackupDelayMs: 0 });
    await u.open();
    expect(await u.getTrashItems()).toEqual(items);
    await u.restoreFromTrash('a_1');
    await u.restoreFromTrash('n_1');
    expect(await u.getArticleBody('a_1')).toEqual(a.body);
    expect(u.listPassages('a_1').map((p) => p.id)).toEqual(['p_1']);
    expect((await u.getNote('n_1'))!.body).toBe('Gone note\n\nits text');
    await u.close();
  });

  it('refuses to trash-put an item that is live in the library, or one without contents, and changes nothing', async () => {
    const s = new JsonStore(tempLibrary(), { autoBackupDelayMs: 0 });
    await s.open();
    const a = article('a_1');
    await s.putArticle(a.meta, a.body);
    const T = '2026-01-01T00:00:00.000Z';
    await expect(
      s.putTrashItems([
        { id: 'n_9', kind: 'note', title: 'x', deletedAt: T, note: note('n_9', 'x') },
        { id: 'a_1', kind: 'article', title: 'A', deletedAt: T, article: { meta: a.meta, body: null, passages: [] } },
      ]),
    ).rejects.toThrow(/a_1.*in the library, not trashed.*nothing was put/);
    await expect(s.putTrashItems([{ id: 'n_2', kind: 'note', title: 'Empty', deletedAt: T }])).rejects.toThrow(
      /"Empty" \(n_2\) comes without its contents/,
    );
    expect(s.listTrash()).toEqual([]);
    expect(await s.getArticleBody('a_1')).toEqual(a.body);
    await s.close();
  });
});
