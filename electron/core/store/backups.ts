// Rotating snapshots of the whole library in <library>/backups/<timestamp>/.
// A backup has the same layout as a library (library.json, articles/, notes/)
// plus backup.json, written last, which marks it complete. Body files are
// hard-linked, not copied: the store only ever replaces files (rename), never
// edits them in place, so a link keeps the old content when the library moves on.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from './api.js';
import { fsyncDir, ifMissing, TMP_MARK, writeFileDurable } from './durable-fs.js';
import { ARTICLES_DIR, BACKUP_MANIFEST, BACKUPS_DIR, INDEX_FILE, JOURNAL_FILE, NOTES_DIR, stamp } from './layout.js';

export type { BackupInfo };

export interface BackupSource {
  /** The serialized index to store; when absent the library's index (and journal) files are copied as they are. */
  indexText?: string;
  schema: number;
  counts: { articles: number; notes: number; passages: number };
}

/** Hard-links (or, where links are not possible, copies) every body file of `from` into `to`. */
async function linkBodies(from: string, to: string): Promise<void> {
  await fs.mkdir(to, { recursive: true });
  // A body folder that cannot be read must fail the backup, not make an empty one that looks complete.
  const names = await fs.readdir(from).catch(ifMissing([] as string[]));
  let canLink = true;
  for (const name of names) {
    if (name.includes(TMP_MARK)) continue;
    const src = path.join(from, name);
    const dst = path.join(to, name);
    if (canLink) {
      try {
        await fs.link(src, dst);
        continue;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') continue; // emptied from the trash meanwhile
        canLink = false; // EXDEV, EPERM (FAT, some network shares): copy from now on
      }
    }
    await fs.copyFile(src, dst).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }
  await fsyncDir(to);
}

export async function createBackup(dir: string, src: BackupSource, reason: string, now: Date): Promise<BackupInfo> {
  const root = path.join(dir, BACKUPS_DIR);
  await fs.mkdir(root, { recursive: true });
  let id = stamp(now);
  for (let n = 1; await exists(path.join(root, id)); n++) id = `${stamp(now)}-${n}`;
  const tmp = path.join(root, `.partial-${id}`);
  await fs.rm(tmp, { recursive: true, force: true });
  await fs.mkdir(tmp, { recursive: true });
  try {
    if (src.indexText !== undefined) {
      await writeFileDurable(path.join(tmp, INDEX_FILE), src.indexText);
    } else {
      await copyDurable(path.join(dir, INDEX_FILE), path.join(tmp, INDEX_FILE));
      if (await exists(path.join(dir, JOURNAL_FILE))) {
        await copyDurable(path.join(dir, JOURNAL_FILE), path.join(tmp, JOURNAL_FILE));
      }
    }
    await linkBodies(path.join(dir, ARTICLES_DIR), path.join(tmp, ARTICLES_DIR));
    await linkBodies(path.join(dir, NOTES_DIR), path.join(tmp, NOTES_DIR));
    const info: Omit<BackupInfo, 'id' | 'path'> = {
      createdAt: now.toISOString(),
      reason,
      schema: src.schema,
      ...src.counts,
    };
    await writeFileDurable(
      path.join(tmp, BACKUP_MANIFEST),
      JSON.stringify({ format: 'scholia-backup', ...info }, null, 2) + '\n',
    );
    await fs.rename(tmp, path.join(root, id));
    await fsyncDir(root);
    return { id, path: path.join(root, id), ...info };
  } catch (err) {
    await fs.rm(tmp, { recursive: true, force: true }).catch(() => undefined); // cleanup only: `err` is reported
    throw err;
  }
}

async function copyDurable(from: string, to: string): Promise<void> {
  await writeFileDurable(to, await fs.readFile(from));
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

/** Complete backups of a library, newest first. Works without opening the library. */
export async function listBackups(dir: string): Promise<BackupInfo[]> {
  const root = path.join(dir, BACKUPS_DIR);
  const names = await fs.readdir(root).catch(ifMissing([] as string[]));
  const out: BackupInfo[] = [];
  for (const id of names) {
    if (id.startsWith('.')) continue; // .partial-*: a backup interrupted by a crash
    try {
      const m = JSON.parse(await fs.readFile(path.join(root, id, BACKUP_MANIFEST), 'utf8')) as BackupInfo;
      out.push({
        id,
        path: path.join(root, id),
        createdAt: String(m.createdAt),
        reason: String(m.reason),
        schema: Number(m.schema),
        articles: Number(m.articles) || 0,
        notes: Number(m.notes) || 0,
        passages: Number(m.passages) || 0,
      });
    } catch {
      /* no manifest: incomplete, not offered */
    }
  }
  return out.sort((a, b) =>
    a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id.localeCompare(a.id),
  );
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * Which backups to keep: the newest 3 always; the newest of each hour for the
 * last day; the newest of each day for the last 30 days. Pure, so it is tested
 * directly.
 */
export function backupsToKeep(
  backups: Array<{ id: string; createdAt: string }>,
  now: Date,
  /** At most this many (the user's "how many to keep"): the newest first, then the spread ones, newest first. */
  limit = Infinity,
): Set<string> {
  const sorted = [...backups].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const keep = new Set(sorted.slice(0, Math.min(3, limit)).map((b) => b.id));
  const seen = new Set<string>();
  for (const b of sorted) {
    const t = Date.parse(b.createdAt);
    const age = now.getTime() - t;
    let bucket: string | null = null;
    if (age < DAY) bucket = `h${Math.floor(t / HOUR)}`;
    else if (age < 30 * DAY) bucket = `d${Math.floor(t / DAY)}`;
    if (bucket && !seen.has(bucket)) {
      seen.add(bucket);
      if (keep.size < limit) keep.add(b.id);
    }
  }
  return keep;
}

/** Deletes backups the rotation no longer keeps, and leftovers of interrupted backups. */
export async function pruneBackups(dir: string, now: Date, limit = Infinity): Promise<string[]> {
  const all = await listBackups(dir);
  const keep = backupsToKeep(all, now, limit);
  const removed: string[] = [];
  for (const b of all) {
    if (keep.has(b.id)) continue;
    await fs.rm(b.path, { recursive: true, force: true });
    removed.push(b.id);
  }
  const root = path.join(dir, BACKUPS_DIR);
  for (const name of await fs.readdir(root).catch(ifMissing([] as string[]))) {
    if (name.startsWith('.partial-')) await fs.rm(path.join(root, name), { recursive: true, force: true });
  }
  return removed;
}
