// This room's implementation of its part of ScholiaApi (composed in ../core.ts).
// Every change goes through the store and then announces itself on the event
// bus, so search (tag: filters) and open views follow.
import type { CoreContext } from '../context.js';
import { CoreError } from '../errors.js';
import type { TagChange, TagFilterResult, TagInfo, TagTarget, TagsApi } from './api.js';
import { matchesTagExpr, parseTagExpr } from './tag-expr.js';
import { normalizeTag, normalizeTags, reparent, selfAndAncestors } from './tag-path.js';

export const TAG_COLORS_SETTING = 'tagColors';

export class TagError extends CoreError<'invalid-tag' | 'not-found'> {
  constructor(message: string, code: 'invalid-tag' | 'not-found' = 'invalid-tag') {
    super(message, code);
  }
}

function must(raw: string): string {
  const t = normalizeTag(raw);
  if (!t) throw new TagError(`"${raw}" is not a tag (it has no letters once trimmed)`);
  return t;
}

/** Counts per tag, descendants included, each item once per tag node. */
export function countTags(itemTags: readonly (readonly string[])[]): Map<string, { count: number; ownCount: number }> {
  const out = new Map<string, { count: number; ownCount: number }>();
  const slot = (t: string) => {
    let s = out.get(t);
    if (!s) out.set(t, (s = { count: 0, ownCount: 0 }));
    return s;
  };
  for (const tags of itemTags) {
    const nodes = new Set<string>();
    for (const t of tags) {
      slot(t).ownCount++;
      for (const a of selfAndAncestors(t)) nodes.add(a);
    }
    for (const n of nodes) slot(n).count++;
  }
  return out;
}

export function createTagsService(ctx: CoreContext): TagsApi {
  const { store, events } = ctx;
  const now = () => ctx.now().toISOString();

  /** Refuses the whole call before changing anything when one target does not exist (all or nothing). */
  function checkTargets(targets: readonly TagTarget[]): void {
    let notes: Set<string> | undefined;
    for (const t of targets) {
      const exists =
        t.kind === 'article'
          ? Boolean(store.getArticleMeta(t.id))
          : t.kind === 'passage'
            ? Boolean(store.getPassage(t.id))
            : (notes ??= new Set(store.listNotes().map((n) => n.id))).has(t.id);
      if (!exists) throw new TagError(`No ${t.kind} with id ${t.id}: no tags were changed.`, 'not-found');
    }
  }

  /** Rewrites one item's tags with `f`; returns true when they changed. */
  async function retag(target: TagTarget, f: (tags: string[]) => string[]): Promise<boolean> {
    if (target.kind === 'article') {
      const meta = store.getArticleMeta(target.id);
      if (!meta) throw new TagError(`No article with id ${target.id}`, 'not-found');
      const next = normalizeTags(f(meta.tags));
      if (same(next, meta.tags)) return false;
      await store.putArticleMeta({ ...meta, tags: next, updatedAt: now() });
      events.emit('article:changed', meta.id);
      return true;
    }
    if (target.kind === 'passage') {
      const p = store.getPassage(target.id);
      if (!p) throw new TagError(`No passage with id ${target.id}`, 'not-found');
      const next = normalizeTags(f(p.tags));
      if (same(next, p.tags)) return false;
      await store.putPassages([{ ...p, tags: next, updatedAt: now() }]);
      events.emit('passage:changed', p.id);
      return true;
    }
    const n = await store.getNote(target.id);
    if (!n) throw new TagError(`No note with id ${target.id}`, 'not-found');
    const next = normalizeTags(f(n.tags));
    if (same(next, n.tags)) return false;
    await store.putNote({ ...n, tags: next, updatedAt: now() });
    events.emit('note:changed', n.id);
    return true;
  }

  function everything(): { target: TagTarget; tags: string[] }[] {
    return [
      ...store.listArticles().map((a) => ({ target: { kind: 'article' as const, id: a.id }, tags: a.tags })),
      ...store.listPassages().map((p) => ({ target: { kind: 'passage' as const, id: p.id }, tags: p.tags })),
      ...store.listNotes().map((n) => ({ target: { kind: 'note' as const, id: n.id }, tags: n.tags })),
    ];
  }

  async function moveTags(from: string[], into: string): Promise<TagChange> {
    let changed = 0;
    const move = (tags: string[]) => tags.map((t) => from.reduce((acc, f) => reparent(acc, f, into), t));
    for (const item of everything()) {
      if (!item.tags.some((t) => from.some((f) => reparent(t, f, into) !== t))) continue;
      if (await retag(item.target, move)) changed++;
    }
    // Colours follow their tags; the target keeps its own colour when it has one.
    const colors = { ...(store.getSetting<Record<string, string>>(TAG_COLORS_SETTING) ?? {}) };
    let recolored = false;
    for (const [t, c] of Object.entries(colors)) {
      const moved = from.reduce((acc, f) => reparent(acc, f, into), t);
      if (moved !== t) {
        delete colors[t];
        colors[moved] ??= c;
        recolored = true;
      }
    }
    if (recolored) await store.setSetting(TAG_COLORS_SETTING, colors);
    return { changed };
  }

  return {
    async listTags(): Promise<TagInfo[]> {
      const items = everything();
      const counts = countTags(items.map((i) => normalizeTags(i.tags)));
      const byKind = (kind: TagTarget['kind']) =>
        countTags(items.filter((i) => i.target.kind === kind).map((i) => normalizeTags(i.tags)));
      const [articles, passages, notes] = [byKind('article'), byKind('passage'), byKind('note')];
      const colors = store.getSetting<Record<string, string>>(TAG_COLORS_SETTING) ?? {};
      return [...counts.entries()]
        .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .map(([tag, c]) => ({
          tag,
          ...c,
          articles: articles.get(tag)?.count ?? 0,
          passages: passages.get(tag)?.count ?? 0,
          notes: notes.get(tag)?.count ?? 0,
          ...(colors[tag] ? { color: colors[tag] } : {}),
        }));
    },

    async suggestTags(prefix, limit = 10) {
      const counts = countTags(everything().map((i) => normalizeTags(i.tags)));
      const p = normalizeTag(prefix);
      // 0: the path starts with what is typed; 1: a segment inside it does; -1: no match.
      const rank = (tag: string): number =>
        p === null || tag.startsWith(p) ? 0 : `/${tag}`.includes(`/${p}`) ? 1 : -1;
      return [...counts.entries()]
        .map(([tag, c]) => ({ tag, count: c.count, r: rank(tag) }))
        .filter((t) => t.r >= 0)
        .sort((a, b) => a.r - b.r || b.count - a.count || (a.tag < b.tag ? -1 : 1))
        .slice(0, limit)
        .map(({ tag, count }) => ({ tag, count }));
    },

    async filterByTags(expr) {
      const e = parseTagExpr(expr);
      const out: TagFilterResult = { articles: [], passages: [], notes: [] };
      const lists = { article: out.articles, passage: out.passages, note: out.notes };
      for (const item of everything()) {
        if (matchesTagExpr(e, normalizeTags(item.tags))) lists[item.target.kind].push(item.target.id);
      }
      return out;
    },

    async addTags(targets, tags) {
      const add = tags.map(must);
      checkTargets(targets);
      let changed = 0;
      for (const t of targets) if (await retag(t, (cur) => [...cur, ...add])) changed++;
      return { changed };
    },

    async removeTags(targets, tags) {
      const drop = new Set(tags.map(must));
      checkTargets(targets);
      let changed = 0;
      for (const t of targets)
        if (await retag(t, (cur) => cur.filter((x) => !drop.has(normalizeTag(x) ?? '')))) changed++;
      return { changed };
    },

    async renameTag(from, to) {
      const f = must(from);
      const t = must(to);
      if (f === t) return { changed: 0 };
      if (t.startsWith(f + '/')) throw new TagError(`Cannot move "${f}" inside itself ("${t}")`);
      return moveTags([f], t);
    },

    async mergeTags(from, into) {
      const t = must(into);
      const fs = [...new Set(from.map(must))].filter((f) => f !== t);
      const inside = fs.find((f) => t.startsWith(f + '/'));
      if (inside) throw new TagError(`Cannot merge "${inside}" into a tag inside it ("${t}")`);
      return moveTags(fs, t);
    },

    async setTagColor(tag, color) {
      const t = must(tag);
      const colors = { ...(store.getSetting<Record<string, string>>(TAG_COLORS_SETTING) ?? {}) };
      if (color === null || color.trim() === '') delete colors[t];
      else colors[t] = color.trim();
      await store.setSetting(TAG_COLORS_SETTING, colors);
    },

    async filterArticles(expr) {
      const e = parseTagExpr(expr);
      return store
        .listArticles()
        .filter((a) => matchesTagExpr(e, normalizeTags(a.tags)))
        .map((a) => a.id);
    },
  };
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
