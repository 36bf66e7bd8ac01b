// The JSON backup: a complete, versioned picture of (part of) the library, and
// its restore into an empty library. Restoring writes through the store, so a
// backup taken from one store layout restores into another.
import { z } from 'zod';
import type { CoreContext } from '../../context.js';
import type { ArticleBody, ArticleMeta, Note, Passage, TrashEntry } from '../../model.js';
import type { ExportBundle, TrashItem } from '../../export/format.js';

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
  };
}

// The shape is checked loosely (passthrough): fields added by later versions are kept, not dropped.
const backupSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.number().int().min(1),
    articles: z.array(z.object({ meta: z.object({ id: z.string() }).passthrough(), body: z.unknown() })),
    passages: z.array(z.object({ id: z.string(), articleId: z.string() }).passthrough()),
    notes: z.array(z.object({ id: z.string(), body: z.string() }).passthrough()),
    trash: z.object({ entries: z.array(z.unknown()), items: z.array(z.unknown()).nullable() }).optional(),
    settings: z.record(z.string(), z.unknown()).nullable().optional(),
  })
  .passthrough();

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export function parseBackup(data: unknown): Backup {
  const r = backupSchema.safeParse(data);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new BackupError(
      `Not a readable Scholia backup (${i?.path.join('.') || 'file'}: ${i?.message}). Nothing was imported.`,
    );
  }
  const b = r.data as unknown as Backup;
  if (b.version > BACKUP_VERSION) {
    throw new BackupError(
      `This backup was made by a newer Scholia (backup version ${b.version}, this one reads ${BACKUP_VERSION}). Nothing was imported; update Scholia.`,
    );
  }
  return b;
}

export interface RestoreResult {
  status: 'imported';
  kind: 'scholia-backup';
  articles: number;
  notes: number;
  passages: number;
  trash: number;
  settings: number;
  /** What the backup held but this store could not take (e.g. trashed contents), said plainly. */
  warnings: string[];
}

/** Restores a backup into an EMPTY library; refuses otherwise, so nothing is ever merged or replaced by surprise. */
export async function restoreBackup(ctx: CoreContext, data: unknown): Promise<RestoreResult> {
  const b = parseBackup(data);
  const { store } = ctx;
  if (
    store.listArticles().length ||
    store.listNotes().length ||
    store.listPassages().length ||
    store.listTrash().length
  ) {
    throw new BackupError(
      'A backup restores only into an empty library, and this one has content. Nothing was imported: open an empty library (scholia --library NEW_FOLDER import …) and restore there.',
    );
  }
  const items = b.trash?.items ?? [];
  // Checked before anything is written, so a bad trash list cannot leave half a library behind.
  for (const it of items) {
    if (
      !it ||
      typeof it !== 'object' ||
      !(it.kind === 'article' ? it.article : it.kind === 'note' ? it.note : it.passage)
    ) {
      throw new BackupError(
        `The backup's trash holds "${it?.title ?? '?'}" (${it?.id ?? 'no id'}) without its contents. Nothing was imported.`,
      );
    }
  }
  const warnings: string[] = [];
  const articles = b.articles.map((a) => {
    if (!a.body) warnings.push(`Article "${a.meta.title}" had no body in the backup; restored with empty text.`);
    const body: ArticleBody = a.body ?? { id: a.meta.id, text: '', removed: [], original: '', html: '' };
    return { meta: a.meta, body };
  });
  // Batches: one journal append per kind instead of one disk round trip per article or note.
  await store.putArticles(articles);
  if (b.passages.length) await store.putPassages(b.passages);
  await store.putNotes(b.notes);
  let settings = 0;
  if (b.settings) {
    for (const [k, v] of Object.entries(b.settings)) {
      await store.setSetting(k, v);
      settings++;
    }
  } else warnings.push('The backup did not include settings (the library it came from could not list them).');
  await store.putTrashItems(items);
  if (b.trash?.items === null && b.trash.entries.length) {
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
    warnings,
  };
}
