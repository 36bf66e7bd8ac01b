// Names of things in a library folder and the shape of the index, in one place
// (the on-disk layout is documented at the top of json-store.ts).
import path from 'node:path';
import type { ArticleMeta, NoteMeta, Passage, PendingEntry, TrashEntry } from '../model.js';

/** Version of the on-disk layout this code writes. Bump it with a migration in migrations.ts. */
export const SCHEMA_VERSION = 3;
export const FORMAT = 'scholia-library';

export const INDEX_FILE = 'library.json';
export const JOURNAL_FILE = 'journal.jsonl';
export const LOCK_FILE = 'scholia.lock';
export const RESTORE_MARKER = 'restore-in-progress.json';
export const ARTICLES_DIR = 'articles';
export const NOTES_DIR = 'notes';
export const BACKUPS_DIR = 'backups';
export const BACKUP_MANIFEST = 'backup.json';

export type TrashRecord = TrashEntry & { payload: unknown };

export interface IndexData {
  format: typeof FORMAT;
  schema: number;
  /** Sequence number of the last journal record folded into this snapshot. */
  seq: number;
  settings: Record<string, unknown>;
  articles: ArticleMeta[];
  notes: NoteMeta[];
  passages: Passage[];
  trash: TrashRecord[];
  /** "To fetch" entries from imported exports (absent in libraries that never had one). */
  pending?: PendingEntry[];
}

export const emptyIndex = (): IndexData => ({
  format: FORMAT,
  schema: SCHEMA_VERSION,
  seq: 0,
  settings: {},
  articles: [],
  notes: [],
  passages: [],
  trash: [],
});

export function articleBodyPath(dir: string, id: string): string {
  return path.join(dir, ARTICLES_DIR, `${id}.json`);
}
export function noteBodyPath(dir: string, id: string): string {
  return path.join(dir, NOTES_DIR, `${id}.md`);
}

/**
 * Why a parsed index is not a usable current library, or null when it is.
 * Checks the shape only (cheap); doctor goes further.
 */
export function indexShapeProblem(d: unknown): string | null {
  if (!d || typeof d !== 'object' || Array.isArray(d)) return 'it is not a JSON object';
  const o = d as Record<string, unknown>;
  if (typeof o.schema !== 'number' || !Number.isInteger(o.schema) || o.schema < 1) return 'it has no schema version';
  for (const k of ['articles', 'notes', 'passages', 'trash'] as const) {
    if (!Array.isArray(o[k])) return `its "${k}" list is missing`;
    const list = o[k] as unknown[];
    for (let i = 0; i < list.length; i++) {
      const item = list[i] as { id?: unknown } | null;
      if (!item || typeof item !== 'object' || typeof item.id !== 'string') return `${k}[${i}] has no id`;
    }
  }
  if (o.pending !== undefined) {
    if (!Array.isArray(o.pending)) return 'its "pending" list is not a list';
    for (let i = 0; i < o.pending.length; i++) {
      const item = o.pending[i] as { id?: unknown } | null;
      if (!item || typeof item !== 'object' || typeof item.id !== 'string') return `pending[${i}] has no id`;
    }
  }
  if (o.settings !== undefined && (typeof o.settings !== 'object' || o.settings === null))
    return 'its settings are not an object';
  return null;
}

/** File-name-safe UTC timestamp, sortable as text: 2026-11-22T01-02-03-456Z. */
export function stamp(d: Date): string {
  return d.toISOString().replace(/:/g, '-').replace('.', '-');
}
