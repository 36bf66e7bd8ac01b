import { existsSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { doctor } from '../../../electron/core/store/doctor.js';
import { fsHooks } from '../../../electron/core/store/durable-fs.js';
import { JsonStore } from '../../../electron/core/store/json-store.js';
import { StoreError } from '../../../electron/core/store/types.js';
import { article, cleanup, note, passage, tempLibrary } from './helpers.js';

afterEach(() => {
  delete fsHooks.beforeWrite;
  cleanup();
});

async function open(dir: string): Promise<JsonStore> {
  const s = new JsonStore(dir, { autoBackupDelayMs: 0 });
  await s.open();
  return s;
}

/** A library with two articles, a highlight and a note, compacted so library.json holds them. */
async function sampleLibrary(): Promise<string> {
  const dir = tempLibrary();
  const s = new JsonStore(dir, { autoBackupDelayMs: 0, compactBytes: 1 });
  await s.open();
  for (const [i, id] of ['a_rferl', 'a_mt'].entries()) {
    const a = article(id, i);
    await s.putArticle(a.meta, a.body);
  }
  await s.putPassages([passage('p_1', 'a_rferl')]);
  await s.putNote(note('n_1', '# Drones\n\nIranian drones over Kyiv.'));
  await s.close();
  return dir;
}

async function openError(dir: string): Promise<StoreError> {
  const err = await open(dir).then(
    (s) => s.close().then(() => null),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StoreError);
  return err as StoreError;
}

describe('a damaged library is never overwritten', () => {
  it('truncated index: open refuses, the file is untouched and a copy is kept aside', async () => {
    const dir = await sampleLibrary();
    const file = path.join(dir, 'library.json');
    truncateSync(file, 150);
    const damaged = readFileSync(file);
    const err = await openError(dir);
    expect(err.code).toBe('corrupt');
    expect(err.message).toMatch(/library\.json is not valid JSON/);
    expect(err.message).toMatch(/scholia restore --latest/);
    expect(readFileSync(file).equals(damaged)).toBe(true);
    const aside = readdirSync(dir).filter((n) => n.startsWith('library.json.damaged-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(dir, aside[0]!)).equals(damaged)).toBe(true);
    // Opening again does not pile up copies, and the lock is released after a refusal.
    await openError(dir);
    expect(readdirSync(dir).filter((n) => n.startsWith('library.json.damaged-'))).toHaveLength(1);
    expect(existsSync(path.join(dir, 'scholia.lock'))).toBe(false);
    const report = await doctor(dir);
    expect(report.healthy).toBe(false);
    expect(report.problems.join(' ')).toMatch(/not valid JSON/);
  });

  it('invalid JSON and an empty file are refused with what is wrong', async () => {
    const dir = await sampleLibrary();
    writeFileSync(path.join(dir, 'library.json'), '{"schema": 2, "articles": [');
    expect((await openError(dir)).message).toMatch(/not valid JSON/);
    writeFileSync(path.join(dir, 'library.json'), '');
    expect((await openError(dir)).message).toMatch(/is empty/);
  });

  it('wrong schema: not a library, or a newer one, is refused and left as it is', async () => {
    const dir = await sampleLibrary();
    const file = path.join(dir, 'library.json');
    writeFileSync(file, JSON.stringify({ hello: 'world' }));
    const e1 = await openError(dir);
    expect(e1.code).toBe('corrupt');
    expect(e1.message).toMatch(/not a Scholia library index: it has no schema version/);
    const newer = JSON.stringify({
      format: 'scholia-library',
      schema: 99,
      seq: 0,
      settings: {},
      articles: [],
      notes: [],
      passages: [],
      trash: [],
    });
    writeFileSync(file, newer);
    const e2 = await openError(dir);
    expect(e2.code).toBe('schema');
    expect(e2.message).toMatch(/newer version of Scholia/);
    expect(readFileSync(file, 'utf8')).toBe(newer);
    expect((await doctor(dir)).problems.join(' ')).toMatch(/newer Scholia/);
  });

  it('a missing article body: doctor names it, the rest of the library still opens', async () => {
    const dir = await sampleLibrary();
    rmSync(path.join(dir, 'articles', 'a_mt.json'));
    const report = await doctor(dir);
    expect(report.healthy).toBe(false);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatch(/Moscow Times|Blinken/);
    expect(report.problems[0]).toContain('articles/a_mt.json');
    const s = await open(dir);
    expect(s.listArticles()).toHaveLength(2);
    expect((await s.getArticleBody('a_rferl'))?.text).toContain('Blinken');
    const err = await s.getArticleBody('a_mt').catch((e: unknown) => e);
    expect((err as StoreError).code).toBe('corrupt');
    expect((err as StoreError).message).toMatch(/is missing/);
    await s.close();
  });

  it('a damaged journal record in the middle is refused; a torn last record is dropped', async () => {
    const dir = tempLibrary();
    const s = await open(dir);
    for (let i = 0; i < 3; i++) await s.putNote(note(`n_${i}`, `note ${i}`));
    await s.close();
    const jfile = path.join(dir, 'journal.jsonl');
    const good = readFileSync(jfile, 'utf8');
    // Torn tail (a crash mid-append): opens, the three notes are there, the tail is cut.
    writeFileSync(jfile, good + '{"seq":4,"op":"putNo');
    expect((await doctor(dir)).healthy).toBe(true);
    const r = await open(dir);
    expect(r.listNotes()).toHaveLength(3);
    await r.close();
    expect(readFileSync(jfile, 'utf8')).toBe(good);
    // Damage in the middle: refused, file untouched.
    const lines = good.split('\n');
    lines[1] = lines[1]!.slice(0, 10) + 'XXXX';
    writeFileSync(jfile, lines.join('\n'));
    const err = await openError(dir);
    expect(err.code).toBe('corrupt');
    expect(err.message).toMatch(/journal.*damaged: record on line 2/);
    expect(readFileSync(jfile, 'utf8')).toBe(lines.join('\n'));
  });

  it('a full disk: a clear error, nothing saved before is lost, nothing is overwritten', async () => {
    const dir = await sampleLibrary();
    const s = await open(dir);
    await s.putNote(note('n_1', '# Drones\n\nfirst draft'));
    const indexBefore = readFileSync(path.join(dir, 'library.json'));
    const full = (file: string) => {
      if (!file.endsWith('.jsonl') && !file.endsWith('.md') && !file.endsWith('.json')) return;
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    // Body write fails.
    fsHooks.beforeWrite = full;
    const e1 = (await s.putNote(note('n_1', '# Drones\n\nsecond draft')).catch((e: unknown) => e)) as StoreError;
    expect(e1).toBeInstanceOf(StoreError);
    expect(e1.code).toBe('io');
    expect(e1.message).toMatch(/disk is full.*Nothing was changed/);
    expect((await s.getNote('n_1'))?.body).toBe('# Drones\n\nfirst draft');
    // Journal append fails after the body was written.
    fsHooks.beforeWrite = (file) => {
      if (file.endsWith('.jsonl')) full(file);
    };
    const a = article('a_new', 1);
    const e2 = (await s.putArticle(a.meta, a.body).catch((e: unknown) => e)) as StoreError;
    expect(e2.code).toBe('io');
    expect(s.getArticleMeta('a_new')).toBeUndefined();
    expect(s.listArticles()).toHaveLength(2);
    // Space comes back: saving works again, and nothing before was lost.
    delete fsHooks.beforeWrite;
    await s.putNote(note('n_1', '# Drones\n\nthird draft'));
    await s.close();
    expect(readFileSync(path.join(dir, 'library.json')).equals(indexBefore)).toBe(true);
    expect((await doctor(dir)).healthy).toBe(true);
    const r = await open(dir);
    expect((await r.getNote('n_1'))?.body).toBe('# Drones\n\nthird draft');
    expect(
      r
        .listArticles()
        .map((x) => x.id)
        .sort(),
    ).toEqual(['a_mt', 'a_rferl']);
    expect(r.listPassages()).toHaveLength(1);
    await r.close();
  });

  it('a missing index beside existing articles is refused, not replaced by an empty library', async () => {
    const dir = await sampleLibrary();
    rmSync(path.join(dir, 'library.json'));
    const err = await openError(dir);
    expect(err.code).toBe('corrupt');
    expect(err.message).toMatch(/index .* is missing/);
    expect(existsSync(path.join(dir, 'library.json'))).toBe(false);
  });
});
