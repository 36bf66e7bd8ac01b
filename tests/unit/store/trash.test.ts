import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JsonStore } from '../../../electron/core/store/json-store.js';
import { article, cleanup, note, passage, tempLibrary } from './helpers.js';

afterEach(cleanup);

describe('trash', () => {
  it('deleting an article takes its highlights along; restoring brings both back, across a restart', async () => {
    const dir = tempLibrary();
    const s = new JsonStore(dir, { autoBackupDelayMs: 0 });
    await s.open();
    const a = article('a_1');
    await s.putArticle(a.meta, a.body);
    await s.putPassages([passage('p_1', 'a_1'), passage('p_2', 'a_1')]);
    await s.putNote(note('n_1', 'About the drones', 'a_1'));
    await s.trashArticle('a_1');
    await s.trashNote('n_1');
    expect(s.listArticles()).toEqual([]);
    expect(s.listPassages()).toEqual([]);
    expect(s.listTrash().map((t) => [t.kind, t.title])).toEqual([
      ['article', a.meta.title],
      ['note', 'About the drones'],
    ]);
    await s.close();

    const r = new JsonStore(dir, { autoBackupDelayMs: 0 });
    await r.open();
    expect(r.listTrash()).toHaveLength(2);
    await r.restoreFromTrash('a_1');
    await r.restoreFromTrash('n_1');
    expect(r.listArticles().map((x) => x.id)).toEqual(['a_1']);
    expect(r.listPassages('a_1').map((p) => p.id)).toEqual(['p_1', 'p_2']);
    expect((await r.getArticleBody('a_1'))?.text).toContain('Blinken');
    expect((await r.getNote('n_1'))?.body).toBe('About the drones');
    expect(r.listTrash()).toEqual([]);
    await r.close();
  });

  it('emptying the trash is final for what is in it, and a backup is taken first', async () => {
    const dir = tempLibrary();
    const s = new JsonStore(dir, { autoBackupDelayMs: 0 });
    await s.open();
    const a = article('a_1');
    await s.putArticle(a.meta, a.body);
    await s.putNote(note('n_keep', 'kept'));
    await s.putNote(note('n_gone', 'gone'));
    await s.trashArticle('a_1');
    await s.trashNote('n_gone');
    await s.emptyTrash();
    expect(s.listTrash()).toEqual([]);
    expect(existsSync(path.join(dir, 'articles', 'a_1.json'))).toBe(false);
    expect(existsSync(path.join(dir, 'notes', 'n_gone.md'))).toBe(false);
    expect((await s.getNote('n_keep'))?.body).toBe('kept');
    const backups = await s.listBackups();
    expect(backups.map((b) => b.reason)).toEqual(['before-empty-trash']);
    expect(existsSync(path.join(backups[0]!.path, 'articles', 'a_1.json'))).toBe(true);
    await s.close();
  });
});
