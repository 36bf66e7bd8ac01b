// What the library should hold, read out of the replicated state: the same answer on every device that
// has folded in the same operations. Pure apart from reading texts (blobs) for note merges.
import type { ArticleMeta, NoteMeta, Passage } from '../model.js';
import { countWords, contentHash } from '../text.js';
import type { Collection } from '../collections/api.js';
import { decodeHlc } from './hlc.js';
import { mergeText } from './merge-text.js';
import { commonAncestor, type EntityState, fieldValues, heads, ancestors, setMembers } from './replica.js';

/** Fields that may hold null in the library; any other null means "absent" and is left out. */
const NULLABLE = new Set(['published', 'readAt', 'articleId']);

export type BlobReader = (id: string) => Promise<string | null>;

export function recordOf(id: string, e: EntityState, withTags: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { id };
  for (const [k, v] of Object.entries(fieldValues(e))) {
    if (k === 'deleted') continue;
    if (v === null && !NULLABLE.has(k)) continue;
    out[k] = v;
  }
  if (withTags) out.tags = setMembers(e, 'tags');
  return out;
}

export function isDeleted(e: EntityState): boolean {
  return e.f.deleted?.[0] === true;
}

/** An entity is usable once its record has arrived (a bare tag op for an unseen id is not yet). */
export function isComplete(e: EntityState, kind: 'article' | 'note' | 'passage' | 'collection'): boolean {
  if (kind === 'article') return 'title' in e.f && Object.keys(e.v).length > 0;
  if (kind === 'note') return 'title' in e.f && Object.keys(e.v).length > 0;
  if (kind === 'passage') return 'articleId' in e.f;
  return 'name' in e.f;
}

export interface ArticleView {
  deleted: boolean;
  meta: ArticleMeta;
  /** The body every device shows: the newest head. */
  body: string;
  /** Other heads: texts edited concurrently on another device, each kept as a conflict copy. */
  others: string[];
}

export function articleView(id: string, e: EntityState): ArticleView {
  const h = heads(e);
  return {
    deleted: isDeleted(e),
    meta: recordOf(id, e, true) as unknown as ArticleMeta,
    body: h[h.length - 1]!,
    others: h.slice(0, -1),
  };
}

/** The id of the conflict copy that keeps a concurrently edited article text. */
export function conflictCopyId(id: string, blob: string): string {
  return `${id.slice(0, 70)}-conflict-${blob.slice(0, 12)}`;
}

/** A conflict copy: the article's record with the other version's text, titled so the user sees it. */
export function conflictCopyMeta(meta: ArticleMeta, copyId: string, bodyText: string, device: string): ArticleMeta {
  let text = '';
  try {
    text = (JSON.parse(bodyText) as { text?: string }).text ?? '';
  } catch {
    // A damaged body would not have passed its hash check; an empty text is the safe fallback.
  }
  return {
    ...meta,
    id: copyId,
    title: `${meta.title} (conflicting copy from device ${device})`,
    contentHash: contentHash(text),
    words: countWords(text),
  };
}

export function versionDevice(e: EntityState, blob: string): string {
  return decodeHlc(e.v[blob]?.c ?? '').device;
}

export interface NoteView {
  deleted: boolean;
  meta: NoteMeta;
  /** The note's text: the one head, or every head merged (oldest first), conflicts kept in the text. */
  body: string | null;
  conflicts: number;
}

export async function noteView(id: string, e: EntityState, read: BlobReader): Promise<NoteView> {
  const meta = recordOf(id, e, true) as unknown as NoteMeta;
  const h = heads(e);
  const first = await read(h[0]!);
  if (first === null) return { deleted: isDeleted(e), meta, body: null, conflicts: 0 };
  let text = first;
  let merged = ancestors(e, h[0]!);
  let conflicts = 0;
  for (const [i, next] of h.slice(1).entries()) {
    const nextText = await read(next);
    if (nextText === null) return { deleted: isDeleted(e), meta, body: null, conflicts: 0 };
    const base = commonAncestor(e, merged, next);
    const baseText = base ? await read(base) : '';
    if (baseText === null) return { deleted: isDeleted(e), meta, body: null, conflicts: 0 };
    const label = (b: string) => `version from device ${versionDevice(e, b)}`;
    const m = mergeText(baseText, text, nextText, i === 0 ? label(h[0]!) : 'the versions above, merged', label(next));
    text = m.text;
    conflicts += m.conflicts;
    merged = new Set([...merged, ...ancestors(e, next)]);
  }
  return { deleted: isDeleted(e), meta, body: text, conflicts };
}

export function passageView(id: string, e: EntityState): { deleted: boolean; passage: Passage } {
  return { deleted: isDeleted(e), passage: recordOf(id, e, true) as unknown as Passage };
}

export function collectionView(id: string, e: EntityState): { deleted: boolean; collection: Collection } {
  return { deleted: isDeleted(e), collection: recordOf(id, e, false) as unknown as Collection };
}
