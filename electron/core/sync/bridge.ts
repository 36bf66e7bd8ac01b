// Between the library (the store, through its public interface only) and the replicated state:
// capture() turns what the user changed since the last sync into operations; write() puts what the
// replicated state says into the library. The store knows nothing of sync.
import type { CoreContext } from '../context.js';
import type { ArticleBody, ArticleMeta, NoteMeta, Passage } from '../model.js';
import type { Collection } from '../collections/api.js';
import { blobId, type LocalBlobs } from './blobs.js';
import type { HybridClock } from './hlc.js';
import {
  articleView,
  collectionView,
  conflictCopyId,
  conflictCopyMeta,
  isComplete,
  noteView,
  passageView,
  versionDevice,
} from './materialize.js';
import {
  applyOp,
  type Entities,
  type EntityKind,
  type EntityState,
  entityKey,
  fieldValues,
  heads,
  parseKey,
  setMembers,
  type SyncOp,
} from './replica.js';

/** The library's collections setting (collections/service.ts keeps the list there). */
const COLLECTIONS_SETTING = 'collections';

/** What the library holds of a text: its hash and the versions it was made from (a capture's parents). */
export interface Held {
  blob: string;
  heads: string[];
}

export interface BridgeState {
  entities: Entities;
  held: Record<string, Held>;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Register ops for the fields of `record` that differ from the entity's (all of them for a new entity). */
function fieldChanges(record: Record<string, unknown>, e: EntityState | undefined): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  const current = e ? fieldValues(e) : {};
  const keys = new Set([...Object.keys(record), ...Object.keys(current)]);
  for (const k of keys) {
    if (k === 'id' || k === 'tags' || k === 'deleted') continue;
    if (!same(record[k], current[k])) set[k] = record[k] ?? null;
  }
  return set;
}

function tagChanges(
  tags: string[],
  e: EntityState | undefined,
): { add?: Record<string, string[]>; rem?: Record<string, string[]> } {
  const now = new Set(tags);
  const before = new Set(e ? setMembers(e, 'tags') : []);
  const add = [...now].filter((t) => !before.has(t));
  const rem = [...before].filter((t) => !now.has(t));
  return { ...(add.length ? { add: { tags: add } } : {}), ...(rem.length ? { rem: { tags: rem } } : {}) };
}

/**
 * Compares the library with the replicated state and returns the user's changes as operations (already
 * folded into `st.entities`). Reads a body only when its record says it changed.
 */
export async function capture(
  ctx: CoreContext,
  st: BridgeState,
  clock: HybridClock,
  blobs: LocalBlobs,
): Promise<SyncOp[]> {
  const store = ctx.store;
  const ops: SyncOp[] = [];
  const emit = (op: Omit<SyncOp, 'c'>) => {
    const hasChange = (op.set && Object.keys(op.set).length) || op.add || op.rem || op.ver;
    if (!hasChange) return;
    const full: SyncOp = { ...op, c: clock.now() };
    applyOp(st.entities, full);
    ops.push(full);
  };
  const trash = new Map(store.listTrash().map((t) => [t.id, t.kind]));
  const trashItems = new Map<string, Awaited<ReturnType<typeof store.getTrashItems>>[number]>();
  // Trashed notes and articles are read too: one edited and then deleted between two syncs carries its
  // last text into the trash, and that text must travel (and never be overwritten by another device's).
  const needTrashItems = [...trash.keys()].some((id) => {
    const kind = trash.get(id)!;
    return kind !== 'passage' || !st.entities[entityKey(kind, id)];
  });
  if (needTrashItems) for (const item of await store.getTrashItems()) trashItems.set(item.id, item);
  for (const [id, item] of trashItems) {
    const key = entityKey(item.kind, id);
    const e = st.entities[key];
    const held = st.held[key];
    if (!e || !held) continue; // never seen by sync: sent whole below
    const text = item.note ? item.note.body : item.article?.body ? JSON.stringify(item.article.body) : null;
    if (text === null) continue;
    const blob = blobId(text);
    if (blob === held.blob) continue;
    await blobs.put(text);
    const {
      tags: _tags,
      body: _body,
      ...rest
    } = (item.note ?? item.article!.meta) as unknown as Record<string, unknown>;
    emit({
      k: item.kind,
      id,
      set: fieldChanges(rest, e),
      ver: { blob, p: item.note ? held.heads : [held.blob] },
    });
    st.held[key] = { blob, heads: [blob] };
  }

  const liveArticles = new Set<string>();
  for (const meta of store.listArticles()) {
    liveArticles.add(meta.id);
    const key = entityKey('article', meta.id);
    const e = st.entities[key];
    const { tags, ...rest } = meta;
    const set = fieldChanges(rest, e);
    if (e && e.f.deleted?.[0] === true) set.deleted = false;
    if (!e) set.deleted = false;
    const op: Omit<SyncOp, 'c'> = { k: 'article', id: meta.id, set, ...tagChanges(tags, e) };
    const held = st.held[key];
    const bodyMayDiffer = !e || !held || 'updatedAt' in set || 'contentHash' in set;
    if (bodyMayDiffer) {
      const body = await store.getArticleBody(meta.id);
      if (body) {
        const text = JSON.stringify(body);
        const id = blobId(text);
        if (!e?.v[id]) {
          await blobs.put(text);
          // Edited from what the library held: a concurrent edit elsewhere stays a separate head (kept as a copy).
          op.ver = { blob: id, p: held ? [held.blob] : [] };
        }
        st.held[key] = { blob: id, heads: [id] };
      }
    }
    emit(op);
  }
  const liveNotes = new Set<string>();
  for (const meta of store.listNotes()) {
    liveNotes.add(meta.id);
    const key = entityKey('note', meta.id);
    const e = st.entities[key];
    const { tags, ...rest } = meta;
    const set = fieldChanges(rest, e);
    if (!e || e.f.deleted?.[0] === true) set.deleted = false;
    const op: Omit<SyncOp, 'c'> = { k: 'note', id: meta.id, set, ...tagChanges(tags, e) };
    const held = st.held[key];
    if (!e || !held || 'updatedAt' in set) {
      const note = await store.getNote(meta.id);
      if (note) {
        const id = blobId(note.body);
        if (!held || held.blob !== id) {
          await blobs.put(note.body);
          // Parents: the versions the library's text was made from, so a remote edit that arrived in the
          // meantime stays a head and is merged with this one.
          op.ver = { blob: id, p: held ? held.heads : [] };
          st.held[key] = { blob: id, heads: [id] };
        }
      }
    }
    emit(op);
  }
  const livePassages = new Set<string>();
  for (const p of store.listPassages()) {
    livePassages.add(p.id);
    const e = st.entities[entityKey('passage', p.id)];
    const { tags, ...rest } = p;
    const set = fieldChanges(rest, e);
    if (!e || e.f.deleted?.[0] === true) set.deleted = false;
    emit({ k: 'passage', id: p.id, set, ...tagChanges(tags, e) });
  }
  const collections = store.getSetting<Collection[]>(COLLECTIONS_SETTING) ?? [];
  const liveCollections = new Set<string>();
  for (const c of collections) {
    liveCollections.add(c.id);
    const e = st.entities[entityKey('collection', c.id)];
    const set = fieldChanges(c as unknown as Record<string, unknown>, e);
    if (!e || e.f.deleted?.[0] === true) set.deleted = false;
    emit({ k: 'collection', id: c.id, set });
  }

  // Deletions: in the replicated state and not deleted, but gone from the library (trashed, or purged).
  for (const [key, e] of Object.entries(st.entities)) {
    if (e.f.deleted?.[0] !== false) continue;
    const { k, id } = parseKey(key);
    const live =
      k === 'article' ? liveArticles : k === 'note' ? liveNotes : k === 'passage' ? livePassages : liveCollections;
    if (live.has(id)) continue;
    if (k === 'passage') {
      // A passage inside a trashed article goes and comes back with it: not a deletion of its own.
      const articleId = e.f.articleId?.[0] as string | undefined;
      if (articleId && !liveArticles.has(articleId) && trash.get(id) !== 'passage') continue;
    }
    emit({ k, id, set: { deleted: true } });
  }
  // Items already in the trash that sync has never seen (a library's first sync): sent as deleted records.
  for (const [id, item] of trashItems) {
    const key = entityKey(item.kind, id);
    if (st.entities[key]) continue;
    if (item.article?.body) {
      const { tags, ...rest } = item.article.meta;
      const text = JSON.stringify(item.article.body);
      await blobs.put(text);
      emit({
        k: 'article',
        id,
        set: { ...rest, id: undefined, deleted: true },
        add: { tags },
        ver: { blob: blobId(text), p: [] },
      });
      for (const p of item.article.passages) {
        const { tags: ptags, ...prest } = p;
        emit({
          k: 'passage',
          id: p.id,
          set: { ...fieldChanges(prest, undefined), deleted: false },
          add: { tags: ptags },
        });
      }
    } else if (item.note) {
      const { tags, body, ...rest } = item.note;
      await blobs.put(body);
      emit({
        k: 'note',
        id,
        set: { ...fieldChanges(rest, undefined), deleted: true },
        add: { tags },
        ver: { blob: blobId(body), p: [] },
      });
    } else if (item.passage) {
      const { tags, ...rest } = item.passage;
      emit({ k: 'passage', id, set: { ...fieldChanges(rest, undefined), deleted: true }, add: { tags } });
    }
  }
  for (const op of ops) {
    if (op.set && 'id' in op.set) delete op.set.id;
    if (op.add && op.add.tags?.length === 0) delete op.add;
  }
  return ops;
}

export interface WriteReport {
  written: number;
  /** Entities whose text could not be written yet (a blob not delivered, a local edit in between). */
  pending: string[];
  conflicts: number;
}

/**
 * Writes the replicated state of the given entities into the library: creates, updates, trashes and
 * restores through the store's ordinary methods, and tells the other rooms (search) through events.
 */
export async function write(
  ctx: CoreContext,
  st: BridgeState,
  keys: Iterable<string>,
  blobs: LocalBlobs,
): Promise<WriteReport> {
  const store = ctx.store;
  const report: WriteReport = { written: 0, pending: [], conflicts: 0 };
  const byKind: Record<EntityKind, string[]> = { article: [], note: [], passage: [], collection: [] };
  for (const key of new Set(keys)) byKind[parseKey(key).k].push(key);
  // A restored or newly arrived article brings its passages: they are written after it.
  const passageKeys = new Set(byKind.passage);
  const articleKeys = new Set(byKind.article.map((k) => parseKey(k).id));
  for (const [k, e] of Object.entries(st.entities)) {
    if (!k.startsWith('passage:') || passageKeys.has(k)) continue;
    const articleId = e.f.articleId?.[0];
    if (typeof articleId === 'string' && articleKeys.has(articleId)) {
      passageKeys.add(k);
      byKind.passage.push(k);
    }
  }
  let trashCache: Set<string> | null = null;
  const inTrash = () => (trashCache ??= new Set(store.listTrash().map((t) => t.id)));
  // Articles new to this library are written in batches (one journal append each): a first sync of a
  // large library is thousands of them.
  const fresh: Array<{ key: string; meta: ArticleMeta; body: ArticleBody; blob: string }> = [];
  const flushFresh = async () => {
    if (!fresh.length) return;
    const items = fresh.splice(0);
    await store.putArticles(items.map(({ meta, body }) => ({ meta, body })));
    for (const it of items) {
      st.held[it.key] = { blob: it.blob, heads: [it.blob] };
      ctx.events.emit('article:changed', it.meta.id);
    }
  };

  for (const key of byKind.article) {
    const { id } = parseKey(key);
    const e = st.entities[key]!;
    if (!isComplete(e, 'article')) continue;
    const v = articleView(id, e);
    if (!v.deleted && !store.getArticleMeta(id) && !inTrash().has(id) && !fresh.some((f) => f.key === key)) {
      const text = await blobs.get(v.body);
      if (text === null) report.pending.push(key);
      else {
        fresh.push({ key, meta: v.meta, body: { ...(JSON.parse(text) as ArticleBody), id }, blob: v.body });
        report.written++;
        if (fresh.length >= 500) await flushFresh();
      }
    } else {
      const ok = await writeArticle(ctx, st, key, v.meta, v.deleted, v.body, blobs, inTrash());
      trashCache = null;
      if (!ok) report.pending.push(key);
      else report.written++;
    }
    // Both texts kept: each concurrent version becomes a copy of the article beside it.
    for (const other of v.others) {
      const copyId = conflictCopyId(id, other);
      const copyKey = entityKey('article', copyId);
      if (st.entities[copyKey]) continue; // the user already took it over (edited or deleted it)
      if (store.getArticleMeta(copyId) || inTrash().has(copyId)) continue;
      const text = await blobs.get(other);
      if (text === null) {
        report.pending.push(key);
        continue;
      }
      report.conflicts++;
      const meta = conflictCopyMeta(v.meta, copyId, text, versionDevice(e, other));
      await store.putArticle(meta, { ...(JSON.parse(text) as ArticleBody), id: copyId });
      ctx.events.emit('article:changed', copyId);
    }
  }
  await flushFresh();
  for (const key of byKind.note) {
    const { id } = parseKey(key);
    const e = st.entities[key]!;
    if (!isComplete(e, 'note')) continue;
    const v = await noteView(id, e, (b) => blobs.get(b));
    if (v.body === null) {
      report.pending.push(key);
      continue;
    }
    report.conflicts += v.conflicts;
    const trash = inTrash();
    trashCache = null;
    const live = store.listNotes().find((n) => n.id === id);
    const heldNow = st.held[key];
    if (v.deleted) {
      // The trash keeps the newest text too (an edit that crossed the deletion is restorable with it).
      const stale = !heldNow || heldNow.blob !== blobId(v.body);
      // Never seen here: it goes straight into the trash, restorable like on the device that deleted it.
      const absent = !live && !trash.has(id);
      if (trash.has(id) && stale && heldNow) {
        const inBin = (await store.getTrashItems()).find((t) => t.id === id)?.note?.body;
        if (inBin !== undefined && blobId(inBin) !== heldNow.blob) {
          // Edited here before it was trashed, not yet captured: the next capture sends it; nothing is overwritten.
          report.pending.push(key);
          continue;
        }
      }
      if (live || absent || (trash.has(id) && stale)) {
        if (!live && !absent) await store.restoreFromTrash(id);
        if (stale) await store.putNote({ ...v.meta, body: v.body });
        st.held[key] = { blob: blobId(v.body), heads: heads(e) };
        await store.trashNote(id);
        ctx.events.emit('note:removed', id);
      }
      report.written++;
      continue;
    }
    if (!live && trash.has(id)) await store.restoreFromTrash(id);
    const current = live || trash.has(id) ? await store.getNote(id) : undefined;
    const held = st.held[key];
    if (current && current.body === v.body && held?.blob !== blobId(v.body)) {
      // Already written by a run killed before it saved: only the bookkeeping was missing.
      st.held[key] = { blob: blobId(v.body), heads: heads(e) };
    } else if (current && held && blobId(current.body) !== held.blob) {
      // Edited here since the last capture: the next sync captures it and merges; nothing is overwritten.
      report.pending.push(key);
      continue;
    }
    const next = { ...v.meta, body: v.body };
    if (!current || !same(stripBody(current), v.meta) || current.body !== v.body) {
      await store.putNote(next);
      ctx.events.emit('note:changed', id);
    }
    st.held[key] = { blob: blobId(v.body), heads: heads(e) };
    report.written++;
  }
  const liveArticles = () => new Set(store.listArticles().map((a) => a.id));
  const articlesNow = liveArticles();
  for (const key of byKind.passage) {
    const { id } = parseKey(key);
    const e = st.entities[key]!;
    if (!isComplete(e, 'passage')) continue;
    const v = passageView(id, e);
    if (!articlesNow.has(v.passage.articleId)) continue; // travels with its (trashed or absent) article
    const live = store.getPassage(id);
    trashCache = null;
    if (v.deleted) {
      if (!live && !inTrash().has(id)) await store.putPassages([v.passage as Passage]); // trashed below, restorable
      if (live || store.getPassage(id)) {
        await store.trashPassage(id);
        ctx.events.emit('passage:removed', id);
      }
      continue;
    }
    if (!live && inTrash().has(id)) await store.restoreFromTrash(id);
    const now = store.getPassage(id);
    if (!now || !same(normalize(now), normalize(v.passage))) {
      await store.putPassages([v.passage as Passage]);
      ctx.events.emit('passage:changed', id);
    }
    report.written++;
  }
  if (byKind.collection.length) {
    const list: Collection[] = [];
    for (const [key, e] of Object.entries(st.entities)) {
      if (!key.startsWith('collection:') || !isComplete(e, 'collection')) continue;
      const v = collectionView(parseKey(key).id, e);
      if (!v.deleted) list.push(v.collection);
    }
    list.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
    const current = store.getSetting<Collection[]>(COLLECTIONS_SETTING) ?? [];
    if (!same(current.map(normalize), list.map(normalize))) await store.setSetting(COLLECTIONS_SETTING, list);
    report.written += byKind.collection.length;
  }
  return report;
}

function stripBody(n: NoteMeta & { body?: string }): NoteMeta {
  const { body: _body, ...meta } = n;
  return { ...meta, tags: [...meta.tags].sort() };
}

/** Key order and tag order do not make two records different. */
function normalize(r: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(r).sort()) {
    const v = (r as Record<string, unknown>)[k];
    if (v === undefined) continue;
    out[k] = k === 'tags' && Array.isArray(v) ? [...(v as string[])].sort() : v;
  }
  return out;
}

async function writeArticle(
  ctx: CoreContext,
  st: BridgeState,
  key: string,
  meta: ArticleMeta,
  deleted: boolean,
  body: string,
  blobs: LocalBlobs,
  trash: Set<string>,
): Promise<boolean> {
  const store = ctx.store;
  const id = meta.id;
  const live = store.getArticleMeta(id);
  const held = st.held[key];
  if (deleted) {
    const stale = !held || held.blob !== body;
    const absent = !live && !trash.has(id);
    if (live || absent || (trash.has(id) && stale)) {
      // The trash keeps the newest text too (an edit that crossed the deletion is restorable with it); an
      // article never seen here goes straight into the trash, restorable like on the device that deleted it.
      if (!live && !absent) await store.restoreFromTrash(id);
      if (stale) {
        const text = await blobs.get(body);
        if (text === null) return false;
        await store.putArticle(meta, { ...(JSON.parse(text) as ArticleBody), id });
        st.held[key] = { blob: body, heads: [body] };
      }
      await store.trashArticle(id);
      ctx.events.emit('article:removed', id);
    }
    return true;
  }
  if (!live && trash.has(id)) await store.restoreFromTrash(id);
  const present = store.getArticleMeta(id);
  if (!present || !held || held.blob !== body) {
    const text = await blobs.get(body);
    if (text === null) return false;
    await store.putArticle(meta, { ...(JSON.parse(text) as ArticleBody), id });
    st.held[key] = { blob: body, heads: [body] };
    ctx.events.emit('article:changed', id);
  } else if (!same(normalize(present), normalize(meta))) {
    await store.putArticleMeta(meta);
    ctx.events.emit('article:changed', id);
  }
  return true;
}
