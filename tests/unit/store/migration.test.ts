import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { doctor } from '../../../electron/core/store/doctor.js';
import { JsonStore } from '../../../electron/core/store/json-store.js';
import { SCHEMA_VERSION } from '../../../electron/core/store/layout.js';
import { article, cleanup, passage, tempLibrary } from './helpers.js';

afterEach(cleanup);

/** The first store's layout, exactly as it wrote it (schema 1, pretty-printed by lowdb). */
function writeV1Library(dir: string): string {
  mkdirSync(path.join(dir, 'articles'), { recursive: true });
  mkdirSync(path.join(dir, 'notes'), { recursive: true });
  const a = article('a_v1');
  const b = article('a_v1b', 1);
  const { tags: _t, ...untagged } = b.meta; // v1 data written by hand may lack tags
  const index = {
    schema: 1,
    articles: [a.meta, untagged],
    notes: [
      {
        id: 'n_v1',
        title: 'Old note',
        articleId: 'a_v1',
        tags: [],
        createdAt: a.meta.addedAt,
        updatedAt: a.meta.addedAt,
      },
    ],
    passages: [passage('p_v1', 'a_v1')],
    trash: [
      {
        id: 'n_old',
        kind: 'note',
        title: 'Deleted note',
        deletedAt: a.meta.addedAt,
        payload: {
          id: 'n_old',
          title: 'Deleted note',
          articleId: null,
          tags: [],
          createdAt: a.meta.addedAt,
          updatedAt: a.meta.addedAt,
        },
      },
    ],
    settings: { firstRunDone: true },
  };
  writeFileSync(path.join(dir, 'articles', 'a_v1.json'), JSON.stringify(a.body));
  writeFileSync(path.join(dir, 'articles', 'a_v1b.json'), JSON.stringify(b.body));
  writeFileSync(path.join(dir, 'notes', 'n_v1.md'), '# Old note\n\nWritten with v1.');
  writeFileSync(path.join(dir, 'notes', 'n_old.md'), 'deleted');
  const text = JSON.stringify(index, null, 2);
  writeFileSync(path.join(dir, 'library.json'), text);
  return text;
}

describe('migrations', () => {
  it('opens a v1 library: everything is there, upgraded, and the v1 files are backed up first', async () => {
    const dir = tempLibrary();
    const v1 = writeV1Library(dir);
    expect((await doctor(dir)).notes.join(' ')).toMatch(/Schema 1 will be upgraded/);
    const s = new JsonStore(dir, { autoBackupDelayMs: 0 });
    await s.open();
    expect(s.listArticles().map((a) => a.id)).toEqual(['a_v1', 'a_v1b']);
    expect(s.getArticleMeta('a_v1b')?.tags).toEqual([]);
    expect((await s.getArticleBody('a_v1b'))?.text).toContain('Moscow');
    expect((await s.getNote('n_v1'))?.body).toBe('# Old note\n\nWritten with v1.');
    expect(s.listPassages('a_v1')).toHaveLength(1);
    expect(s.getSetting('firstRunDone')).toBe(true);
    await s.restoreFromTrash('n_old');
    expect((await s.getNote('n_old'))?.body).toBe('deleted');
    const backups = await s.listBackups();
    expect(backups).toHaveLength(1);
    expect(backups[0]!.reason).toBe('before-migration-v1');
    expect(backups[0]!.schema).toBe(1);
    expect(readFileSync(path.join(backups[0]!.path, 'library.json'), 'utf8')).toBe(v1);
    await s.close();

    const onDisk = JSON.parse(readFileSync(path.join(dir, 'library.json'), 'utf8')) as {
      schema: number;
      format: string;
    };
    expect(onDisk.schema).toBe(SCHEMA_VERSION);
    expect(onDisk.format).toBe('scholia-library');
    const report = await doctor(dir);
    expect(report.problems).toEqual([]);
    expect(report.healthy).toBe(true);
    expect(report.schema).toBe(SCHEMA_VERSION);
  });
});
