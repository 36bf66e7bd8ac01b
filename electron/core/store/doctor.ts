// `scholia doctor` and the app's recovery screen: checks a library folder
// WITHOUT opening it (no lock, no writes), and says what is wrong in words a
// user can act on.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DoctorReport } from './api.js';
import { listBackups } from './backups.js';
import { ifMissing, TMP_MARK } from './durable-fs.js';
import { IndexReadError, readIndexFile } from './index-file.js';
import { JournalCorruptError, readJournal } from './journal.js';
import {
  ARTICLES_DIR,
  articleBodyPath,
  emptyIndex,
  INDEX_FILE,
  type IndexData,
  JOURNAL_FILE,
  NOTES_DIR,
  noteBodyPath,
  RESTORE_MARKER,
  SCHEMA_VERSION,
} from './layout.js';
import { LibraryState } from './library-state.js';
import { describeHolder, lockHolderAlive, readLock } from './lock.js';
import { migrate } from './migrations.js';

export type { DoctorReport };

export interface DoctorOptions {
  /** Parse every article body (slower; default true). */
  deep?: boolean;
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

async function listDir(p: string): Promise<string[]> {
  return fs.readdir(p).catch(ifMissing([] as string[]));
}

/** Runs `fn` over items with bounded concurrency. */
async function eachLimit<T>(items: T[], limit: number, fn: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

export async function doctor(dir: string, opts: DoctorOptions = {}): Promise<DoctorReport> {
  const deep = opts.deep ?? true;
  const problems: string[] = [];
  const notes: string[] = [];
  const report: DoctorReport = {
    healthy: false,
    dir,
    schema: null,
    problems,
    notes,
    counts: { articles: 0, notes: 0, passages: 0, trash: 0 },
    backups: 0,
    latestBackup: null,
    openBy: null,
  };
  const backups = await listBackups(dir);
  report.backups = backups.length;
  report.latestBackup = backups[0]?.path ?? null;
  const lock = await readLock(dir);
  if (lock && lockHolderAlive(lock)) report.openBy = describeHolder(lock);

  if (!(await exists(dir))) {
    problems.push(`The library folder ${dir} does not exist.`);
    return report;
  }
  if (await exists(path.join(dir, RESTORE_MARKER))) {
    problems.push(
      'A restore from backup was interrupted. Run `scholia restore --latest` (or pick a backup) to finish it.',
    );
  }

  const indexFile = path.join(dir, INDEX_FILE);
  let data: IndexData;
  try {
    const r = await readIndexFile(indexFile);
    if (!r) {
      const bodies =
        (await listDir(path.join(dir, ARTICLES_DIR))).length + (await listDir(path.join(dir, NOTES_DIR))).length;
      if (bodies > 0 || backups.length > 0) {
        problems.push(`The library index ${INDEX_FILE} is missing, but the folder holds articles, notes or backups.`);
      } else {
        notes.push('No library here yet: one will be created on first open.');
        report.healthy = problems.length === 0;
      }
      return report;
    }
    const schema = r.data.schema as number;
    report.schema = schema;
    if (schema > SCHEMA_VERSION) {
      problems.push(
        `The library was written by a newer Scholia (schema ${schema}; this version reads up to ${SCHEMA_VERSION}).`,
      );
      return report;
    }
    if (schema < SCHEMA_VERSION)
      notes.push(`Schema ${schema} will be upgraded to ${SCHEMA_VERSION} on the next open (after a backup).`);
    data = migrate(r.data);
  } catch (err) {
    if (err instanceof IndexReadError) problems.push(`The library index ${INDEX_FILE} ${err.message}.`);
    else problems.push(`The library index ${INDEX_FILE} cannot be checked: ${(err as Error).message}.`);
    return report;
  }

  const journalTexts = new Map<string, string>();
  const state = new LibraryState({ ...emptyIndex(), ...data });
  try {
    const j = await readJournal(path.join(dir, JOURNAL_FILE));
    if (j.tornBytes > 0)
      notes.push(
        `The journal ends with an incomplete record (${j.tornBytes} bytes) from an interrupted write; it was never confirmed as saved and will be dropped.`,
      );
    for (const rec of j.records) {
      if (rec.seq <= data.seq) continue;
      try {
        state.apply(rec);
        if (rec.op === 'putNote' && rec.body !== undefined) journalTexts.set(rec.meta.id, rec.body);
      } catch (err) {
        problems.push(`The journal's record ${rec.seq} (${rec.op}) does not apply: ${(err as Error).message}.`);
        break;
      }
    }
  } catch (err) {
    if (err instanceof JournalCorruptError) problems.push(`The journal ${JOURNAL_FILE} is damaged: ${err.message}.`);
    else throw err;
  }

  const d = state.data;
  report.counts = {
    articles: d.articles.length,
    notes: d.notes.length,
    passages: d.passages.length,
    trash: d.trash.length,
  };
  for (const k of ['articles', 'notes', 'passages', 'trash'] as const) {
    const seen = new Set<string>();
    for (const it of d[k] as Array<{ id: string }>) {
      if (seen.has(it.id)) problems.push(`${k}: the id ${it.id} appears twice.`);
      seen.add(it.id);
    }
  }

  const articleIds = [...d.articles.map((a) => ({ id: a.id, title: a.title, trashed: false }))];
  const noteIds = [...d.notes.map((n) => ({ id: n.id, title: n.title, trashed: false }))];
  for (const t of d.trash) {
    if (t.kind === 'article') articleIds.push({ id: t.id, title: t.title, trashed: true });
    if (t.kind === 'note') noteIds.push({ id: t.id, title: t.title, trashed: true });
  }
  const where = (x: { trashed: boolean }) => (x.trashed ? ' (in the trash)' : '');
  await eachLimit(articleIds, 16, async (a) => {
    const file = articleBodyPath(dir, a.id);
    try {
      if (!deep) {
        await fs.access(file);
        return;
      }
      const body = JSON.parse(await fs.readFile(file, 'utf8')) as { text?: unknown };
      if (typeof body.text !== 'string')
        problems.push(`The text of article "${a.title}"${where(a)} (${ARTICLES_DIR}/${a.id}.json) has no "text".`);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.push(
        code === 'ENOENT'
          ? `The text of article "${a.title}"${where(a)} is missing (${ARTICLES_DIR}/${a.id}.json).`
          : `The text of article "${a.title}"${where(a)} (${ARTICLES_DIR}/${a.id}.json) is unreadable: ${(err as Error).message}.`,
      );
    }
  });
  let lagging = 0;
  await eachLimit(noteIds, 16, async (n) => {
    const current = await fs.readFile(noteBodyPath(dir, n.id), 'utf8').catch(() => null); // unreadable counts as lagging
    const journalText = journalTexts.get(n.id);
    if (journalText !== undefined && current !== journalText) lagging++;
    else if (current === null)
      problems.push(`The text of note "${n.title}"${where(n)} is missing (${NOTES_DIR}/${n.id}.md).`);
  });
  if (lagging)
    notes.push(
      `${lagging} note file(s) are behind their last save (interrupted by a crash); open() rewrites them from the journal.`,
    );
  const liveArticles = new Set(d.articles.map((a) => a.id));
  let strays = 0;
  for (const p of d.passages) if (!liveArticles.has(p.articleId)) strays++;
  if (strays) problems.push(`${strays} highlight(s) refer to articles that are not in the library.`);

  const known = new Set([...articleIds.map((a) => `${a.id}.json`), ...noteIds.map((n) => `${n.id}.md`)]);
  let leftovers = 0;
  let orphans = 0;
  for (const sub of [ARTICLES_DIR, NOTES_DIR]) {
    for (const name of await listDir(path.join(dir, sub))) {
      if (name.includes(TMP_MARK)) leftovers++;
      else if (!known.has(name)) orphans++;
    }
  }
  for (const name of await listDir(dir)) if (name.includes(TMP_MARK)) leftovers++;
  if (leftovers) notes.push(`${leftovers} temporary file(s) left by interrupted writes (removed on the next open).`);
  if (orphans)
    notes.push(
      `${orphans} body file(s) belong to no article or note (an import interrupted before it was saved); they are kept.`,
    );

  report.healthy = problems.length === 0;
  return report;
}
