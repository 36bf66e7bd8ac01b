// Notes: Markdown, standalone or attached to an article. saveNote resolves only
// once the store has written durably, so "saved" in the UI is true.
import type { CoreContext } from '../context.js';
import { newId } from '../ids.js';
import type { Note, NoteMeta } from '../model.js';
import { StoreError } from '../store/types.js';
import type { NoteBacklink, NotesApi } from './api.js';
import { NoteLinkIndex, titleKey } from './links.js';

/** A line that says nothing of its own: a quote, a bare passage link, a rule. */
function isQuoteOrLink(line: string): boolean {
  const t = line.trim();
  return (
    t.startsWith('>') ||
    /^(?:[-*]\s+)?\[[^\]]*\]\(scholia:\/\/passage\/[^)]*\)[.,;:]?$/.test(t) ||
    /^(?:[-*_]\s*){3,}$/.test(t)
  );
}

function plainLine(line: string): string {
  return line
    .replace(/^#{1,6}\s+/, '')
    .replace(/\[\[([^[\]|]+)(?:\|([^[\]]+))?\]\]/g, (_m, target: string, shown?: string) => shown ?? target)
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>]/g, '')
    .trim();
}

/**
 * A note's title when none was given: its first line that is not a quote or a bare passage link
 * (a note begun from a highlight starts with the quote, and a column of quotes is no list of notes),
 * else "Note on <article title>" for a note on an article, else "Untitled note".
 */
export function deriveTitle(body: string, articleTitle?: string): string {
  for (const line of body.split('\n')) {
    if (isQuoteOrLink(line)) continue;
    const t = plainLine(line);
    if (t) return t.slice(0, 120);
  }
  return articleTitle ? `Note on ${articleTitle}`.slice(0, 120) : 'Untitled note';
}

/** How titles were derived before quotes were skipped: a title equal to it was never typed by the user. */
function legacyTitle(body: string): string {
  for (const line of body.split('\n')) {
    const t = line
      .replace(/^#{1,6}\s+/, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_`>]/g, '')
      .trim();
    if (t) return t.slice(0, 120);
  }
  return 'Untitled note';
}

export function createNotesService(ctx: CoreContext): NotesApi {
  const articleTitle = (id: string | null) => (id ? ctx.store.getArticleMeta(id)?.title : undefined);
  const derived = (n: Pick<Note, 'body' | 'articleId'>) => deriveTitle(n.body, articleTitle(n.articleId));
  /** A title still derived from the body (none was ever given) follows the body. */
  const follows = (n: Note) => n.title === derived(n) || n.title === legacyTitle(n.body);

  const links = new NoteLinkIndex(
    async (id) => (await ctx.store.getNote(id))?.body,
    () => ctx.store.listNotes().map((n) => n.id),
  );
  ctx.events.on('note:changed', (id) => links.changed(id));
  ctx.events.on('note:removed', (id) => links.changed(id));

  /** The note a title names: the oldest of those carrying it. */
  function byTitle(): Map<string, NoteMeta> {
    const map = new Map<string, NoteMeta>();
    for (const n of ctx.store.listNotes()) {
      const k = titleKey(n.title);
      const seen = map.get(k);
      if (!seen || n.createdAt < seen.createdAt) map.set(k, n);
    }
    return map;
  }

  return {
    async listNotes() {
      return ctx.store.listNotes();
    },
    async getNote(id) {
      return (await ctx.store.getNote(id)) ?? null;
    },
    async createNote(input) {
      if (input.articleId && !ctx.store.getArticleMeta(input.articleId)) {
        throw new StoreError(`No article with id ${input.articleId}`, 'not-found');
      }
      const now = ctx.now().toISOString();
      const body = input.body ?? '';
      const articleId = input.articleId ?? null;
      const note: Note = {
        id: newId('n'),
        title: input.title?.trim() || derived({ body, articleId }),
        articleId,
        tags: input.tags ?? [],
        body,
        createdAt: now,
        updatedAt: now,
      };
      await ctx.store.putNote(note);
      ctx.events.emit('note:changed', note.id);
      return note;
    },
    async saveNote(id, patch) {
      const note = await ctx.store.getNote(id);
      if (!note) throw new StoreError(`No note with id ${id}`, 'not-found');
      if (patch.articleId && !ctx.store.getArticleMeta(patch.articleId)) {
        throw new StoreError(`No article with id ${patch.articleId}`, 'not-found');
      }
      const next: Note = { ...note, updatedAt: ctx.now().toISOString() };
      if (patch.body !== undefined) next.body = patch.body;
      if (patch.articleId !== undefined) next.articleId = patch.articleId;
      if (patch.title !== undefined) next.title = patch.title.trim() || derived(next);
      else if ((patch.body !== undefined || patch.articleId !== undefined) && follows(note)) next.title = derived(next);
      if (patch.tags !== undefined) next.tags = patch.tags;
      await ctx.store.putNote(next);
      ctx.events.emit('note:changed', id);
      return next;
    },
    async deleteNote(id) {
      await ctx.store.trashNote(id);
      ctx.events.emit('note:removed', id);
    },
    async noteBacklinks(id) {
      const metas = new Map(ctx.store.listNotes().map((n) => [n.id, n]));
      const meta = metas.get(id);
      if (!meta) throw new StoreError(`No note with id ${id}`, 'not-found');
      const out: NoteBacklink[] = [];
      for (const { id: from, lines } of await links.linking(titleKey(meta.title))) {
        if (from === id) continue;
        const m = metas.get(from);
        if (m) out.push({ ...m, context: lines });
      }
      return out.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
    },
    async resolveNoteLinks(titles) {
      const map = byTitle();
      return titles.map((title) => ({ title, noteId: map.get(titleKey(title))?.id ?? null }));
    },
  };
}
