// A folder that exists but cannot be read is an error, never an empty folder:
// a backup taken over an unreadable articles folder must fail, not be marked
// complete without the bodies, and a backups folder that cannot be listed must
// say so rather than offer no backups. (Tests run as root, where permissions do
// not bite, so a file stands where the folder should be: reading it fails with
// ENOTDIR the same way.)
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createBackup, listBackups } from '../../../electron/core/store/backups.js';
import { JsonStore } from '../../../electron/core/store/json-store.js';
import { article, cleanup, tempLibrary } from './helpers.js';

afterEach(cleanup);

it('refuses to take a backup when the article bodies cannot be read', async () => {
  const dir = tempLibrary();
  const store = new JsonStore(dir, { autoBackupDelayMs: 0 });
  await store.open();
  const a = article('unreadable-1');
  await store.putArticle(a.meta, a.body);
  await store.close();
  renameSync(path.join(dir, 'articles'), path.join(dir, 'articles-kept'));
  writeFileSync(path.join(dir, 'articles'), 'not a folder');
  const counts = { articles: 1, notes: 0, passages: 0 };
  await expect(createBackup(dir, { schema: 2, counts }, 'manual', new Date())).rejects.toThrow(/ENOTDIR/);
  expect(await listBackups(dir)).toEqual([]); // nothing half-made is offered
});

it('says when the backups folder cannot be listed instead of offering none', async () => {
  const dir = tempLibrary();
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'backups'), 'not a folder');
  await expect(listBackups(dir)).rejects.toThrow(/ENOTDIR/);
});

it('reads a library without a backups folder as one without backups', async () => {
  const dir = tempLibrary();
  mkdirSync(dir, { recursive: true });
  expect(await listBackups(dir)).toEqual([]);
});
