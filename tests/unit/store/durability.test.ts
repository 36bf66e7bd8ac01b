import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeStats } from '../../../electron/core/store/durable-fs.js';
import { doctor } from '../../../electron/core/store/doctor.js';
import { JsonStore } from '../../../electron/core/store/json-store.js';
import { article, cleanup, note, passage, TEXTS, tempLibrary } from './helpers.js';

afterEach(cleanup);

async function open(dir: string, opts = {}): Promise<JsonStore> {
  const s = new JsonStore(dir, { autoBackupDelayMs: 0, ...opts });
  await s.open();
  return s;
}

describe('durable writes', () => {
  it('keeps everything written across a reopen, bodies in their own files', async () => {
    const dir = tempLibrary();
    const s = await open(dir);
    const a = article('a_one');
    await s.putArticle(a.meta, a.body);
    await s.putPassages([passage('p_one', 'a_one')]);
    await s.putNote(note('n_one', '# Drones\n\nBlinken called it appalling.', 'a_one'));
    await s.setSetting('firstRun', true);
    await s.close();

    expect(readFileSync(path.join(dir, 'notes', 'n_one.md'), 'utf8')).toBe('# Drones\n\nBlinken called it appalling.');
    expect(JSON.parse(readFileSync(path.join(dir, 'articles', 'a_one.json'), 'utf8')).text).toBe(TEXTS[0]);
    // The index holds metadata only: the article text is not in it.
    expect(readFileSync(path.join(dir, 'library.json'), 'utf8')).not.toContain('appalling," Blinken said');

    const r = await open(dir);
    expect(r.listArticles().map((x) => x.title)).toEqual([a.meta.title]);
    expect((await r.getArticleBody('a_one'))?.text).toBe(TEXTS[0]);
    expect(r.listPassages('a_one').map((p) => p.id)).toEqual(['p_one']);
    expect((await r.getNote('n_one'))?.body).toContain('appalling');
    expect(r.getSetting('firstRun')).toBe(true);
    await r.close();
  });

  it('a note autosave writes the same bytes whether the library has 10 or 120 articles', async () => {
    const bytesPerSave = async (articles: number): Promise<number> => {
      const s = await open(tempLibrary());
      for (let i = 0; i < articles; i++) {
        const a = article(`a_${i}`, i);
        await s.putArticle(a.meta, a.body);
      }
      await s.putNote(note('n_x', 'draft'));
      const before = writeStats.bytes;
      for (let i = 0; i < 10; i++) await s.putNote(note('n_x', `# Draft\n\n${TEXTS[0]!.slice(0, 500)} ${i}`));
      const per = (writeStats.bytes - before) / 10;
      await s.close();
      return per;
    };
    const small = await bytesPerSave(10);
    const large = await bytesPerSave(120);
    expect(large / small).toBeLessThan(1.1);
    expect(large).toBeLessThan(2000); // the note's text plus one journal line, not the index
  });

  it('concurrent calls never interleave: all land, in call order', async () => {
    const dir = tempLibrary();
    const s = await open(dir);
    await s.putNote(note('n_c', 'v0'));
    await Promise.all(Array.from({ length: 40 }, (_, i) => s.putNote(note('n_c', `version ${i + 1}`))));
    expect((await s.getNote('n_c'))?.body).toBe('version 40');
    await Promise.all(Array.from({ length: 20 }, (_, i) => s.putNote(note(`n_${i}`, `note ${i}`))));
    await s.close();
    const lines = readFileSync(path.join(dir, 'journal.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { seq: number });
    expect(lines.map((l) => l.seq)).toEqual(lines.map((_, i) => i + 1));
    const r = await open(dir);
    expect(r.listNotes()).toHaveLength(21);
    expect((await r.getNote('n_c'))?.body).toBe('version 40');
    await r.close();
  });

  it('folds the journal into library.json when it grows, losing nothing', async () => {
    const dir = tempLibrary();
    const s = await open(dir, { compactBytes: 2000 });
    for (let i = 0; i < 30; i++) {
      const a = article(`a_${i}`, i);
      await s.putArticle(a.meta, a.body);
    }
    expect(s.stats().journalBytes).toBeLessThan(4000);
    const index = JSON.parse(readFileSync(path.join(dir, 'library.json'), 'utf8')) as {
      seq: number;
      articles: unknown[];
    };
    expect(index.seq).toBeGreaterThan(0);
    expect(index.articles.length).toBeGreaterThan(20);
    await s.close();
    const r = await open(dir);
    expect(r.listArticles()).toHaveLength(30);
    await r.close();
  });

  it('a note file left behind by a power loss is rewritten from the journal on open', async () => {
    const dir = tempLibrary();
    const s = await open(dir);
    await s.putNote(note('n_new', 'first words'));
    await s.putNote(note('n_new', 'the saved draft'));
    await s.putNote(note('n_gone', 'deleted for good'));
    await s.trashNote('n_gone');
    await s.emptyTrash();
    await s.close();
    // What a power loss can do to files that were written but not yet fsynced.
    writeFileSync(path.join(dir, 'notes', 'n_new.md'), 'first words');
    const report = await doctor(dir);
    expect(report.healthy).toBe(true);
    expect(report.notes.join(' ')).toMatch(/1 note file\(s\) are behind their last save/);
    rmSync(path.join(dir, 'notes', 'n_new.md'));
    expect((await doctor(dir)).healthy).toBe(true);
    const r = await open(dir);
    expect((await r.getNote('n_new'))?.body).toBe('the saved draft');
    expect(readFileSync(path.join(dir, 'notes', 'n_new.md'), 'utf8')).toBe('the saved draft');
    expect(existsSync(path.join(dir, 'notes', 'n_gone.md'))).toBe(false); // emptied stays emptied
    await r.close();
    expect((await doctor(dir)).notes).toEqual([]);
  });
});
