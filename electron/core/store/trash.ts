// The trash inside the store: what is listed, restored, emptied for good (after a
// backup), and carried across a complete backup (getTrashItems / putTrashItems).
// It works through TrashHost, the few store internals it needs.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ArticleBody, NoteMeta, Passage, TrashEntry } from '../model.js';
import type { BackupInfo } from './backups.js';
import { eachLimit, fsyncDir, writeFileDurable } from './durable-fs.js';
import { BATCH_IO, ioError } from './io-error.js';
import type { JournalOp } from './journal.js';
import { ARTICLES_DIR, articleBodyPath, type IndexData, NOTES_DIR, noteBodyPath, type TrashRecord } from './layout.js';
import type { ArticleTrashPayload, LibraryState } from './library-state.js';
import { StoreError, type TrashedItem } from './types.js';

/** What the trash needs of the store: its folder and state, and its one write queue. */
export interface TrashHost {
  readonly dir: string;
  readonly state: LibraryState;
  readonly data: IndexData;
  enqueue<T>(task: () => Promise<T>): Promise<T>;
  commit(op: JournalOp, what: string): Promise<void>;
  compact(): Promise<void>;
  backupLocked(reason: string): Promise<BackupInfo>;
  checkId(id: string): string;
  /** A note's file is gone for good: it no longer needs an fsync. */
  forgetNoteWrite(id: string): void;
}

export function listTrash(s: TrashHost): TrashEntry[] {
  return s.data.trash.map(({ payload: _payload, ...entry }) => entry);
}

export function restoreFromTrash(s: TrashHost, id: string): Promise<void> {
  return s.enqueue(async () => {
    const entry = s.state.trash.get(id);
    if (!entry) throw new StoreError(`Nothing with id ${id} in the trash`, 'not-found');
    await s.commit({ op: 'restore', id }, `"${entry.title}" back from the trash`);
  });
}

/** Explicit and final: a backup is taken first, then the bodies are deleted. */
export function emptyTrash(s: TrashHost): Promise<void> {
  return s.enqueue(async () => {
    const entries = [...s.data.trash];
    if (entries.length === 0) return;
    await s.backupLocked('before-empty-trash');
    await s.commit({ op: 'emptyTrash' }, 'emptying the trash');
    for (const t of entries) {
      // The bodies go only after the index no longer refers to them; a crash in between leaves harmless orphans.
      if (t.kind === 'article' && !s.state.articles.get(t.id))
        await fs.rm(articleBodyPath(s.dir, t.id), { force: true });
      if (t.kind === 'note' && !s.state.notes.get(t.id)) {
        await fs.rm(noteBodyPath(s.dir, t.id), { force: true });
        s.forgetNoteWrite(t.id);
      }
    }
  });
}

export async function getTrashItems(s: TrashHost): Promise<TrashedItem[]> {
  const records = [...s.data.trash];
  const items: TrashedItem[] = [];
  for (const { payload, ...entry } of records) {
    if (entry.kind === 'article') {
      const { meta, passages } = payload as ArticleTrashPayload;
      const body = await readBodyFile<ArticleBody>(articleBodyPath(s.dir, s.checkId(entry.id)), true);
      items.push({ ...entry, article: { meta, body, passages } });
    } else if (entry.kind === 'note') {
      const meta = payload as NoteMeta;
      const body = await readBodyFile<string>(noteBodyPath(s.dir, s.checkId(entry.id)), false);
      items.push({ ...entry, note: { ...meta, body: body ?? '' } });
    } else items.push({ ...entry, passage: payload as Passage });
  }
  return items;
}

/** A body file's content (parsed when `json`), or null when it is missing; damage throws. */
async function readBodyFile<T>(file: string, json: boolean): Promise<T | null> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StoreError(`Cannot read ${file}: ${(err as Error).message}`, 'io', { file });
  }
  if (!json) return text as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new StoreError(`${file} is damaged; run scholia doctor, or restore a backup.`, 'corrupt', { file });
  }
}

export function putTrashItems(s: TrashHost, items: TrashedItem[]): Promise<void> {
  return s.enqueue(async () => {
    if (items.length === 0) return;
    const records: TrashRecord[] = items.map((it) => {
      const { article, note, passage, ...entry } = it;
      s.checkId(entry.id);
      const payload =
        entry.kind === 'article' && article && article.meta.id === entry.id
          ? ({ meta: article.meta, passages: article.passages } satisfies ArticleTrashPayload)
          : entry.kind === 'note' && note && note.id === entry.id
            ? (({ body: _body, ...meta }) => meta)(note)
            : entry.kind === 'passage' && passage && passage.id === entry.id
              ? passage
              : null;
      if (!payload) {
        throw new StoreError(
          `The trashed ${entry.kind} "${entry.title}" (${entry.id}) comes without its contents; nothing was put in the trash.`,
          'corrupt',
          { id: entry.id },
        );
      }
      return { id: entry.id, kind: entry.kind, title: entry.title, deletedAt: entry.deletedAt, payload };
    });
    for (const r of records) {
      const live =
        r.kind === 'article'
          ? s.state.articles.has(r.id)
          : r.kind === 'note'
            ? s.state.notes.has(r.id)
            : s.state.passages.has(r.id);
      if (live) {
        throw new StoreError(
          `The ${r.kind} ${r.id} ("${r.title}") is in the library, not trashed; nothing was put in the trash.`,
          'corrupt',
          { id: r.id },
        );
      }
    }
    const what = `${items.length} trashed item(s)`;
    try {
      const articles = items.filter((it) => it.kind === 'article' && it.article?.body);
      const notes = items.filter((it) => it.kind === 'note');
      await eachLimit(articles, BATCH_IO, (it) =>
        writeFileDurable(articleBodyPath(s.dir, it.id), JSON.stringify(it.article!.body, null, 1), {
          syncDir: false,
        }),
      );
      await eachLimit(notes, BATCH_IO, (it) =>
        writeFileDurable(noteBodyPath(s.dir, it.id), it.note!.body, { syncDir: false }),
      );
      if (articles.length) await fsyncDir(path.join(s.dir, ARTICLES_DIR));
      if (notes.length) await fsyncDir(path.join(s.dir, NOTES_DIR));
    } catch (err) {
      throw ioError(what, err);
    }
    await s.commit({ op: 'putTrash', records }, what);
    // Folded into library.json at once: an older Scholia reading this library never meets the op.
    await s.compact().catch(() => undefined); // the change is durable in the journal already; the next write folds it
  });
}
