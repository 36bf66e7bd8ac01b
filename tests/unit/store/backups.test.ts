import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli.js';
import { backupsToKeep } from '../../../electron/core/store/backups.js';
import { JsonStore } from '../../../electron/core/store/json-store.js';
import { restoreBackup } from '../../../electron/core/store/restore.js';
import { type StoreError } from '../../../electron/core/store/types.js';
import { article, cleanup, note, tempLibrary } from './helpers.js';

afterEach(cleanup);

async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('backup rotation', () => {
  it('keeps the newest of each hour for a day and of each day for a month', () => {
    const now = new Date('2026-03-31T12:00:00Z');
    const backups: Array<{ id: string; createdAt: string }> = [];
    // Every 20 minutes for 40 days.
    for (let t = now.getTime(); t > now.getTime() - 40 * 86400_000; t -= 20 * 60_000) {
      backups.push({ id: String(t), createdAt: new Date(t).toISOString() });
    }
    const keep = backupsToKeep(backups, now);
    const kept = backups.filter((b) => keep.has(b.id)).map((b) => Date.parse(b.createdAt));
    const lastDay = kept.filter((t) => now.getTime() - t < 86400_000);
    expect(lastDay.length).toBeGreaterThanOrEqual(24);
    expect(lastDay.length).toBeLessThanOrEqual(26);
    expect(kept.filter((t) => now.getTime() - t >= 30 * 86400_000)).toEqual([]);
    expect(kept.length).toBeGreaterThanOrEqual(24 + 29);
    expect(kept.length).toBeLessThanOrEqual(24 + 31 + 3);
    expect(keep.has(backups[0]!.id)).toBe(true);
  });
});

describe('backup and restore', () => {
  it('restores the newest intact backup, keeping the damaged state aside', async () => {
    const dir = tempLibrary();
    const s = new JsonStore(dir, { autoBackupDelayMs: 0 });
    await s.open();
    const a = article('a_1');
    await s.putArticle(a.meta, a.body);
    await s.putNote(note('n_1', 'first version'));
    const good = await s.backup();
    await s.putNote(note('n_1', 'second version'));
    const later = await s.backup();
    await s.close();
    // The newest backup is damaged; the library's index too.
    writeFileSync(path.join(later.path, 'library.json'), '{ broken');
    writeFileSync(path.join(dir, 'library.json'), 'garbage');

    const r = await restoreBackup(dir);
    expect(r.restoredFrom).toBe(good.path);
    expect(readFileSync(path.join(r.keptAsideIn, 'library.json'), 'utf8')).toBe('garbage');
    expect(readFileSync(path.join(r.keptAsideIn, 'notes', 'n_1.md'), 'utf8')).toBe('second version');
    const o = new JsonStore(dir, { autoBackupDelayMs: 0 });
    await o.open();
    expect((await o.getNote('n_1'))?.body).toBe('first version');
    expect((await o.getArticleBody('a_1'))?.text).toContain('Blinken');
    // Writing after a restore never changes the backup it came from (no shared files).
    await o.putNote(note('n_1', 'third version'));
    expect(readFileSync(path.join(good.path, 'notes', 'n_1.md'), 'utf8')).toBe('first version');
    await o.close();
  });

  it('restore from the open store reloads it; restore refuses while another process holds the library', async () => {
    const dir = tempLibrary();
    const s = new JsonStore(dir, { autoBackupDelayMs: 0 });
    await s.open();
    await s.putNote(note('n_1', 'kept in backup'));
    const b = await s.backup();
    await s.putNote(note('n_2', 'after the backup'));
    const err = await restoreBackup(dir, b.path).catch((e: unknown) => e);
    expect((err as StoreError).code).toBe('locked');
    const r = await s.restoreBackup(b.path);
    expect(r.restoredFrom).toBe(b.path);
    expect(s.listNotes().map((n) => n.id)).toEqual(['n_1']);
    await s.putNote(note('n_3', 'new after restore'));
    await s.close();
    const o = new JsonStore(dir, { autoBackupDelayMs: 0 });
    await o.open();
    expect(o.listNotes().map((n) => n.id)).toEqual(['n_1', 'n_3']);
    await o.close();
  });

  it('CLI: backup, doctor (0 healthy, 2 damaged), restore --latest, all with --json', async () => {
    const dir = tempLibrary();
    const s = new JsonStore(dir, { autoBackupDelayMs: 0 });
    await s.open();
    const a = article('a_1');
    await s.putArticle(a.meta, a.body);
    await s.close();

    const b = await cli(['--library', dir, 'backup', '--json']);
    expect(b.code).toBe(0);
    const info = JSON.parse(b.out[0]!) as { path: string; articles: number };
    expect(info.articles).toBe(1);
    expect(existsSync(path.join(info.path, 'articles', 'a_1.json'))).toBe(true);

    const ok = await cli(['--library', dir, 'doctor', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out[0]!).healthy).toBe(true);

    writeFileSync(path.join(dir, 'library.json'), '{"schema": 2, "articl');
    const bad = await cli(['--library', dir, 'doctor']);
    expect(bad.code).toBe(2);
    expect(bad.out.join('\n')).toMatch(/PROBLEM: The library index library.json is not valid JSON/);
    expect(bad.out.join('\n')).toMatch(/scholia restore --latest/);

    const usage = await cli(['--library', dir, 'restore']);
    expect(usage.code).toBe(64);
    const rest = await cli(['--library', dir, 'restore', '--latest', '--json']);
    expect(rest.code).toBe(0);
    const res = JSON.parse(rest.out[0]!) as { restoredFrom: string; keptAsideIn: string };
    expect(res.restoredFrom).toBe(info.path);
    expect(readdirSync(res.keptAsideIn)).toContain('library.json');
    expect((await cli(['--library', dir, 'doctor'])).code).toBe(0);
    const list = await cli(['--library', dir, 'list', '--json']);
    expect(list.out.map((l) => JSON.parse(l).id)).toEqual(['a_1']);
  });

  it('an interrupted restore is reported, and open refuses until it is finished', async () => {
    const dir = tempLibrary();
    const s = new JsonStore(dir, { autoBackupDelayMs: 0 });
    await s.open();
    await s.putNote(note('n_1', 'safe'));
    await s.backup();
    await s.close();
    writeFileSync(path.join(dir, 'restore-in-progress.json'), '{}');
    const err = await new JsonStore(dir, { autoBackupDelayMs: 0 }).open().catch((e: unknown) => e);
    expect((err as StoreError).message).toMatch(/restore from backup was interrupted/);
    await restoreBackup(dir);
    const o = new JsonStore(dir, { autoBackupDelayMs: 0 });
    await o.open();
    expect((await o.getNote('n_1'))?.body).toBe('safe');
    await o.close();
  });
});
