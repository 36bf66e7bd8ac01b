// Opening a library: the index snapshot read (and migrated after a backup), the
// journal replayed onto it, note files a power loss left behind rewritten, and
// leftovers of interrupted writes removed. A damaged file is kept aside and
// refused, never overwritten.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { createBackup } from './backups.js';
import { DurableAppender, fsyncDir, ifMissing, TMP_MARK, writeFileDurable } from './durable-fs.js';
import { IndexFileAdapter, IndexReadError } from './index-file.js';
import { JournalCorruptError, readJournal } from './journal.js';
import {
  ARTICLES_DIR,
  BACKUPS_DIR,
  emptyIndex,
  INDEX_FILE,
  type IndexData,
  JOURNAL_FILE,
  NOTES_DIR,
  noteBodyPath,
  RESTORE_MARKER,
  SCHEMA_VERSION,
  stamp,
} from './layout.js';
import { LibraryState } from './library-state.js';
import { migrate } from './migrations.js';
import { StoreError } from './types.js';

/** A library read into memory, its journal open for appending. */
export interface LoadedLibrary {
  db: Low<IndexData>;
  adapter: IndexFileAdapter;
  state: LibraryState;
  seq: number;
  journal: DurableAppender;
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

/** Keeps a copy of a damaged file beside it (once per distinct content) and returns the copy's path. */
async function keepAside(file: string, now: Date): Promise<string | null> {
  try {
    const content = await fs.readFile(file);
    const dir = path.dirname(file);
    const base = path.basename(file);
    for (const name of await fs.readdir(dir)) {
      if (!name.startsWith(`${base}.damaged-`)) continue;
      const prev = await fs.readFile(path.join(dir, name)).catch(() => null); // unreadable: not the same copy
      if (prev && prev.equals(content)) return path.join(dir, name);
    }
    const copy = `${file}.damaged-${stamp(now)}`;
    await writeFileDurable(copy, content);
    return copy;
  } catch {
    return null; // best effort: the caller refuses the file either way and says no copy was kept
  }
}

/** Reads the index and journal into memory (the lock is held). */
export async function loadLibrary(dir: string, now: Date): Promise<LoadedLibrary> {
  const indexFile = path.join(dir, INDEX_FILE);
  const journalFile = path.join(dir, JOURNAL_FILE);
  if (await exists(path.join(dir, RESTORE_MARKER))) {
    throw new StoreError(
      `A restore from backup was interrupted in ${dir}. Nothing was deleted; run \`scholia restore --latest\` (or restore from the recovery screen) to finish it.`,
      'corrupt',
      { file: path.join(dir, RESTORE_MARKER) },
    );
  }
  const adapter = new IndexFileAdapter(indexFile);
  // null until read: tells "no index yet" (a new library) from an existing one.
  const db = new Low<IndexData>(adapter, null as unknown as IndexData);
  let raw: { data: Record<string, unknown>; bytes: number } | null;
  try {
    await db.read();
    raw = db.data ? { data: db.data as unknown as Record<string, unknown>, bytes: adapter.bytes } : null;
  } catch (err) {
    if (!(err instanceof IndexReadError)) throw err;
    const keptAs = await keepAside(indexFile, now);
    throw new StoreError(
      `The library index ${indexFile} ${err.message}. It was not changed${keptAs ? `; a copy is kept at ${keptAs}` : ''}. ` +
        `Restore the newest backup (scholia restore --latest) or run scholia doctor for details.`,
      'corrupt',
      { file: indexFile, keptAs },
    );
  }
  if (!raw) {
    if (await hasContent(dir)) {
      throw new StoreError(
        `The library index ${indexFile} is missing, but ${dir} holds articles, notes or backups. Nothing was changed. ` +
          `Restore the newest backup (scholia restore --latest).`,
        'corrupt',
        { file: indexFile },
      );
    }
    await fs.mkdir(path.join(dir, ARTICLES_DIR), { recursive: true });
    await fs.mkdir(path.join(dir, NOTES_DIR), { recursive: true });
    db.data = emptyIndex();
    await db.write(); // a new library: an empty index, durably
  } else {
    const schema = raw.data.schema as number;
    if (schema > SCHEMA_VERSION) {
      throw new StoreError(
        `This library was written by a newer version of Scholia (schema ${schema}; this version reads up to ${SCHEMA_VERSION}). It was not changed. Update Scholia to open it.`,
        'schema',
        { schema },
      );
    }
    if (schema < SCHEMA_VERSION) {
      const backup = await createBackup(
        dir,
        { schema, counts: countsOf(raw.data) },
        `before-migration-v${schema}`,
        now,
      );
      let data: IndexData;
      try {
        data = migrate(raw.data);
      } catch (err) {
        throw new StoreError(
          `Cannot upgrade this library from schema ${schema}: ${(err as Error).message}. It was not changed.`,
          'schema',
          {
            schema,
            backup: backup.path,
          },
        );
      }
      db.data = data;
      await db.write();
    } else {
      db.data = { ...emptyIndex(), ...(raw.data as Partial<IndexData>) } as IndexData;
      adapter.bytes = raw.bytes;
    }
  }
  await fs.mkdir(path.join(dir, ARTICLES_DIR), { recursive: true });
  await fs.mkdir(path.join(dir, NOTES_DIR), { recursive: true });

  const state = new LibraryState(db.data);
  let seq = db.data.seq;
  let validBytes = 0;
  const noteTexts = new Map<string, string>();
  try {
    const j = await readJournal(journalFile);
    validBytes = j.validBytes;
    for (const rec of j.records) {
      if (rec.seq <= db.data.seq) continue;
      try {
        state.apply(rec);
      } catch (err) {
        throw new JournalCorruptError(`record ${rec.seq} (${rec.op}) does not apply: ${(err as Error).message}`);
      }
      seq = rec.seq;
      if (rec.op === 'putNote' && rec.body !== undefined) noteTexts.set(rec.meta.id, rec.body);
    }
  } catch (err) {
    if (!(err instanceof JournalCorruptError)) throw err;
    const keptAs = await keepAside(journalFile, now);
    throw new StoreError(
      `The library journal ${journalFile} is damaged: ${err.message}. It was not changed${keptAs ? `; a copy is kept at ${keptAs}` : ''}. ` +
        `Restore the newest backup (scholia restore --latest) or run scholia doctor for details.`,
      'corrupt',
      { file: journalFile, keptAs },
    );
  }
  await repairNoteFiles(dir, state, noteTexts);
  const journal = await DurableAppender.open(journalFile, validBytes);
  return { db, adapter, state, seq, journal };
}

/**
 * After a power loss a note file may lag behind the journal (its write was not yet fsynced, the
 * journal line was): rewrite it, durably, from the journal's newest text. Notes no longer in the
 * library or the trash (emptied) are left alone.
 */
async function repairNoteFiles(dir: string, state: LibraryState, texts: Map<string, string>): Promise<void> {
  let repaired = 0;
  for (const [id, body] of texts) {
    if (!state.notes.has(id) && !state.trash.has(id)) continue;
    const file = noteBodyPath(dir, id);
    const current = await fs.readFile(file, 'utf8').catch(() => null); // missing or unreadable: rewritten below
    if (current === body) continue;
    await writeFileDurable(file, body, { syncDir: false });
    repaired++;
  }
  if (repaired) await fsyncDir(path.join(dir, NOTES_DIR));
}

async function hasContent(dir: string): Promise<boolean> {
  for (const sub of [ARTICLES_DIR, NOTES_DIR, BACKUPS_DIR]) {
    const names = await fs.readdir(path.join(dir, sub)).catch(ifMissing([] as string[]));
    if (names.some((n) => !n.startsWith('.'))) return true;
  }
  return exists(path.join(dir, JOURNAL_FILE));
}

/** Temp files are writes a crash interrupted before they were acknowledged: safe to drop (we hold the lock). */
export async function removeLeftovers(dir: string): Promise<void> {
  for (const sub of ['', ARTICLES_DIR, NOTES_DIR]) {
    const d = path.join(dir, sub);
    for (const name of await fs.readdir(d).catch(ifMissing([] as string[]))) {
      if (name.includes(TMP_MARK)) await fs.rm(path.join(d, name), { force: true });
    }
  }
  for (const name of await fs.readdir(dir)) {
    if (name.startsWith('.restoring-')) await fs.rm(path.join(dir, name), { recursive: true, force: true });
  }
}

function countsOf(d: Record<string, unknown>): { articles: number; notes: number; passages: number } {
  const n = (k: string) => (Array.isArray(d[k]) ? (d[k] as unknown[]).length : 0);
  return { articles: n('articles'), notes: n('notes'), passages: n('passages') };
}
