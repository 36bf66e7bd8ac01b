// The JSON backup: a complete, versioned picture of (part of) the library, and
// its restore into an empty library. Restoring writes through the store, so a
// backup taken from one store layout restores into another.
import type { CoreContext } from '../../context.js';
import { CoreError } from '../../errors.js';
import type { ArticleBody, ArticleMeta, Note, Passage, PendingEntry, TrashEntry } from '../../model.js';
import { hasPendingStore } from '../../store/types.js';
import type { ExportBundle, TrashItem } from '../../export/format.js';
import { backupSchema } from './schema.js';
import { URL_RULE, articleUrl } from '../../import/index.js';

export const BACKUP_FORMAT = 'scholia-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  app?: string;
  /** True when this is the whole library (trash with its contents and settings included). */
  complete: boolean;
  articles: Array<{ meta: ArticleMeta; body: ArticleBody | null }>;
  passages: Passage[];
  notes: Note[];
  /** `items: null` only in backups made before the store could hand out trashed contents. */
  trash: { entries: TrashEntry[]; items: TrashItem[] | null };
  /** null only in backups made before the store could list its settings. */
  settings: Record<string, unknown> | null;
  /** The "To fetch" list; absent in backups made before it was carried. */
  pending?: PendingEntry[];
}

export function buildBackup(bundle: ExportBundle, appVersion?: string): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: bundle.exportedAt,
    ...(appVersion ? { app: `Scholia ${appVersion}` } : {}),
    complete: bundle.whole,
    // A partial backup also carries the articles its notes cite, so it restores without broken links.
    articles: [
      ...bundle.articles.map((a) => ({ meta: a.meta, body: a.body ?? null })),
      ...bundle.citedArticles.map((meta) => ({ meta, body: bundle.citedBodies?.get(meta.id) ?? null })),
    ],
    passages: bundle.passages,
    notes: bundle.notes,
    trash: bundle.trash ?? { entries: [], items: [] },
    settings: bundle.settings ?? {},
    ...(bundle.pending?.length ? { pending: bundle.pending } : {}),
  };
}

export class BackupError extends CoreError<'bad-backup'> {
  constructor(message: string) {
    super(message, 'bad-backup');
    this.name = 'BackupError';
  }
}

function issueText(issue: { path: PropertyKey[]; message: string }): string {
  return `${issue.path.map(String).join('.') || 'file'}: ${issue.message}`;
}

/**
 * The backup, fully checked (every record, every id, every reference between
 * records), or a BackupError saying what is wrong. Nothing is written here.
 */
export function parseBackup(data: unknown): Backup {
  const head = data as { format?: unknown; version?: unknown } | null;
  if (head && typeof head === 'object' && head.format === BACKUP_FORMAT && typeof head.version === 'number') {
    if (head.version > BACKUP_VERSION) {
      throw new BackupError(
        `This backup was made by a newer Scholia (backup version ${head.version}, this one reads ${BACKUP_VERSION}). Nothing was imported; update Scholia.`,
      );
    }
  }
  const r = backupSchema.safeParse(data);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new BackupError(`Not a readable Scholia backup (${issueText(i)}). Nothing was imported.`);
  }
  const b = r.data;
  const problem = referenceProblem(b);
  if (problem) throw new BackupError(`This backup does not hold together (${problem}). Nothing was imported.`);
  return {
    ...b,
    exportedAt: b.exportedAt ?? '',
    complete: b.complete ?? false,
    trash: b.trash ? { entries: b.trash.entries, items: b.trash.items } : { entries: [], items: [] },
    settings: b.settings === undefined ? {} : b.settings,
  };
}

/** What would make the restored library inconsistent: a duplicate id, a passage of a missing article... */
function referenceProblem(b: ReturnType<typeof backupSchema.parse>): string | null {
  const seen = new Set<string>();
  const unique = (kind: string, id: string): string | null => {
    const key = `${kind}:${id}`;
    if (seen.has(key)) return `the ${kind} id ${id} appears twice`;
    seen.add(key);
    return null;
  };
  const articles = new Set<string>();
  for (const [i, a] of b.articles.entries()) {
    const dup = unique('article', a.meta.id);
    if (dup) return dup;
    if (a.body && a.body.id !== a.meta.id) return `articles.${i}: its text belongs to ${a.body.id}`;
    articles.add(a.meta.id);
  }
  for (const [i, p] of b.passages.entries()) {
    const dup = unique('passage', p.id);
    if (dup) return dup;
    if (!articles.has(p.articleId)) return `passages.${i}: its article ${p.articleId} is not in the backup`;
  }
  for (const n of b.notes) {
    const dup = unique('note', n.id);
    if (dup) return dup;
  }
  for (const e of b.pending ?? []) {
    const dup = unique('to-fetch entry', e.id);
    if (dup) return dup;
  }
  for (const [i, it] of (b.trash?.items ?? []).entries()) {
    const dup = unique(it.kind, it.id);
    if (dup) return `trash.items.${i}: ${dup}`;
    const inside = it.kind === 'article' ? it.article.meta.id : it.kind === 'note' ? it.note.id : it.passage.id;
    if (inside !== it.id) return `trash.items.${i}: the entry ${it.id} holds ${inside}`;
  }
  return null;
}

export interface RestoreResult {
  status: 'imported';
  kind: 'scholia-backup';
  articles: number;
  notes: number;
  passages: number;
  trash: number;
  settings: number;
  /** "To fetch" entries restored. */
  pending?: number;
  /** What the backup held but this store could not take (e.g. trashed contents), said plainly. */
  warnings: string[];
}

/**
 * Takes back a restore that failed part way: the library was empty before, so
 * everything in it now came from the backup. Trashed, then the trash emptied
 * (the store's one way to delete for good); settings put back as they were.
 */
async function undoRestore(
  ctx: CoreContext,
  before: Record<string, unknown>,
  written: Record<string, unknown>,
): Promise<void> {
  const { store } = ctx;
  // Copies: the store's lists change under each trash call.
  for (const n of [...store.listNotes()]) await store.trashNote(n.id);
  for (const a of [...store.listArticles()]) await store.trashArticle(a.id);
  for (const p of [...store.listPassages()]) await store.trashPassage(p.id);
  await store.emptyTrash();
  if (hasPendingStore(store)) await store.removePending(store.listPending().map((e) => e.id));
  for (const k of Object.keys(written)) await store.setSetting(k, before[k]);
}

/**
 * Restores a backup into an EMPTY library; refuses otherwise, so nothing is ever merged or replaced by
 * surprise. All or nothing: the backup is checked in full before anything is written, and a write that
 * fails part way is taken back.
 */
export async function restoreBackup(ctx: CoreContext, data: unknown): Promise<RestoreResult> {
  const b = parseBackup(data);
  const { store } = ctx;
  if (
    store.listArticles().length ||
    store.listNotes().length ||
    store.listPassages().length ||
    store.listTrash().length ||
    (hasPendingStore(store) && store.listPending().length)
  ) {
    throw new BackupError(
      'A backup restores only into an empty library, and this one has content. Nothing was imported: open an empty library (scholia --library NEW_FOLDER import …) and restore there.',
    );
  }
  const warnings: string[] = [];
  // A link the reader would open and every export would carry: only http(s) and doi: are kept.
  const keepUrl = (meta: ArticleMeta): ArticleMeta => {
    if (articleUrl(meta.url) !== null) return meta;
    warnings.push(`Article "${meta.title}": its link "${meta.url.slice(0, 80)}" was dropped (${URL_RULE}).`);
    return { ...meta, url: '' };
  };
  const items = (b.trash.items ?? []).map((it) =>
    it.article ? { ...it, article: { ...it.article, meta: keepUrl(it.article.meta) } } : it,
  );
  const articles = b.articles.map((a) => {
    const meta = keepUrl(a.meta);
    if (!a.body) warnings.push(`Article "${meta.title}" had no body in the backup; restored with empty text.`);
    const body: ArticleBody = a.body ?? { id: meta.id, text: '', removed: [], original: '', html: '' };
    return { meta, body };
  });
  const settingsBefore = store.listSettings();
  let settings = 0;
  try {
    // Batches: one journal append per kind instead of one disk round trip per article or note.
    await store.putArticles(articles);
    if (b.passages.length) await store.putPassages(b.passages);
    await store.putNotes(b.notes);
    await store.putTrashItems(items);
    if (b.settings) {
      for (const [k, v] of Object.entries(b.settings)) {
        await store.setSetting(k, v);
        settings++;
      }
    }
    if (b.pending?.length) {
      if (hasPendingStore(store)) await store.putPending(b.pending);
      else
        warnings.push(
          `The backup's ${b.pending.length} "To fetch" entries were not restored (this library cannot keep them).`,
        );
    }
  } catch (err) {
    try {
      await undoRestore(ctx, settingsBefore, b.settings ?? {});
    } catch (undoErr) {
      throw new BackupError(
        `The backup could not be restored (${(err as Error).message}), and what was written could not be taken back (${(undoErr as Error).message}). Run scholia doctor, then restore into a new empty library.`,
      );
    }
    throw new BackupError(
      `The backup could not be restored (${(err as Error).message}). Nothing was kept: the library is empty again, and the restore can be tried again.`,
    );
  }
  if (!b.settings) warnings.push('The backup did not include settings (the library it came from could not list them).');
  if (b.trash.items === null && b.trash.entries.length) {
    warnings.push(
      `The backup lists ${b.trash.entries.length} trashed item(s) without their contents; they were not restored.`,
    );
  }
  for (const a of b.articles) ctx.events.emit('article:changed', a.meta.id);
  for (const p of b.passages) ctx.events.emit('passage:changed', p.id);
  for (const n of b.notes) ctx.events.emit('note:changed', n.id);
  return {
    status: 'imported',
    kind: 'scholia-backup',
    articles: b.articles.length,
    notes: b.notes.length,
    passages: b.passages.length,
    trash: items.length,
    settings,
    ...(b.pending?.length ? { pending: b.pending.length } : {}),
    warnings,
  };
}
