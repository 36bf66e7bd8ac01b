// Restoring a backup. The current state is never deleted: it is moved, whole,
// to <library>/replaced-<timestamp>/ first. A marker file makes an interrupted
// restore visible (open refuses, doctor says so) instead of leaving a silent mix.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { RestoreResult } from './api.js';
import { listBackups } from './backups.js';
import { doctor } from './doctor.js';
import { fsyncDir, ifMissing, writeFileDurable } from './durable-fs.js';
import { ARTICLES_DIR, INDEX_FILE, JOURNAL_FILE, NOTES_DIR, RESTORE_MARKER, stamp } from './layout.js';
import { acquireLock } from './lock.js';
import { StoreError } from './types.js';

export type { RestoreResult };

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

/**
 * The backup folder to restore: `from` may be a backup folder, a file inside one
 * (library.json, backup.json), or a backup id under backups/. Without `from`,
 * the newest backup that doctor finds healthy.
 */
export async function resolveBackup(dir: string, from?: string): Promise<string> {
  if (from) {
    const candidates = [path.resolve(from), path.join(dir, 'backups', from)];
    for (let c of candidates) {
      const st = await fs.stat(c).catch(ifMissing(null));
      if (!st) continue;
      if (st.isFile()) c = path.dirname(c);
      if (await exists(path.join(c, INDEX_FILE))) return c;
    }
    throw new StoreError(`No backup at ${from} (expected a backup folder holding ${INDEX_FILE}).`, 'not-found');
  }
  const all = await listBackups(dir);
  if (all.length === 0) throw new StoreError(`There are no backups of ${dir}.`, 'not-found');
  for (const b of all) {
    if ((await doctor(b.path)).healthy) return b.path;
  }
  throw new StoreError(`None of the ${all.length} backups of ${dir} is intact.`, 'corrupt');
}

async function copyTree(from: string, to: string): Promise<void> {
  await fs.mkdir(to, { recursive: true });
  for (const name of await fs.readdir(from).catch(ifMissing([] as string[]))) {
    await fs.copyFile(path.join(from, name), path.join(to, name));
  }
  await fsyncDir(to);
}

/** Restores with the writer lock already held by the caller. */
export async function restoreLocked(dir: string, backupDir: string, now: Date): Promise<RestoreResult> {
  const check = await doctor(backupDir);
  if (!check.healthy) {
    throw new StoreError(`The backup ${backupDir} is damaged: ${check.problems.join(' ')}`, 'corrupt', {
      problems: check.problems,
    });
  }
  const id = stamp(now);
  const staged = path.join(dir, `.restoring-${id}`);
  const aside = path.join(dir, `replaced-${id}`);
  await writeFileDurable(
    path.join(dir, RESTORE_MARKER),
    JSON.stringify({ from: backupDir, aside, startedAt: now.toISOString() }) + '\n',
  );

  // 1. Stage a complete copy of the backup inside the library folder (same file system: renames below are atomic).
  await fs.rm(staged, { recursive: true, force: true });
  await fs.mkdir(staged, { recursive: true });
  await writeFileDurable(path.join(staged, INDEX_FILE), await fs.readFile(path.join(backupDir, INDEX_FILE)));
  if (await exists(path.join(backupDir, JOURNAL_FILE))) {
    await writeFileDurable(path.join(staged, JOURNAL_FILE), await fs.readFile(path.join(backupDir, JOURNAL_FILE)));
  }
  // Copies, not links: restored files must not share storage with the backup they came from.
  await copyTree(path.join(backupDir, ARTICLES_DIR), path.join(staged, ARTICLES_DIR));
  await copyTree(path.join(backupDir, NOTES_DIR), path.join(staged, NOTES_DIR));

  // 2. Move the current state aside, whole.
  await fs.mkdir(aside, { recursive: true });
  for (const name of [ARTICLES_DIR, NOTES_DIR, JOURNAL_FILE]) {
    if (await exists(path.join(dir, name))) await fs.rename(path.join(dir, name), path.join(aside, name));
  }
  if (await exists(path.join(dir, INDEX_FILE)))
    await fs.copyFile(path.join(dir, INDEX_FILE), path.join(aside, INDEX_FILE));
  await fsyncDir(aside);

  // 3. Move the staged copy in; the index last, replacing the old one atomically.
  for (const name of [ARTICLES_DIR, NOTES_DIR, JOURNAL_FILE]) {
    if (await exists(path.join(staged, name))) await fs.rename(path.join(staged, name), path.join(dir, name));
  }
  await fs.mkdir(path.join(dir, ARTICLES_DIR), { recursive: true });
  await fs.mkdir(path.join(dir, NOTES_DIR), { recursive: true });
  await fs.rename(path.join(staged, INDEX_FILE), path.join(dir, INDEX_FILE));
  await fsyncDir(dir);
  await fs.rm(staged, { recursive: true, force: true });
  await fs.rm(path.join(dir, RESTORE_MARKER), { force: true });
  await fsyncDir(dir);
  return { restoredFrom: backupDir, keptAsideIn: aside };
}

/**
 * Restores a backup into a library that is NOT open (the recovery screen, `scholia restore`).
 * Takes the writer lock for the duration, so it refuses while Scholia has the library open.
 */
export async function restoreBackup(dir: string, from?: string, now = new Date()): Promise<RestoreResult> {
  const backupDir = await resolveBackup(dir, from);
  await fs.mkdir(dir, { recursive: true });
  const lock = await acquireLock(dir, 'restore');
  try {
    return await restoreLocked(dir, backupDir, now);
  } finally {
    await lock.release();
  }
}
