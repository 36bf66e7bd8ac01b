// Notes: Markdown, standalone or attached to an article. saveNote resolves only
// once the store has written durably, so "saved" in the UI is true.
import type { NotesApi } from './api.js';
import type { CoreContext } from '../context.js';
import { newId } from '../ids.js';
import type { Note } from '../model.js';
import { StoreError } from '../store/types.js';

/** A note's title: the explicit one, else its first heading or line, else "Untitled note". */
export function deriveTitle(body: string): string {
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
      const note: Note = {
        id: newId('n'),
        title: input.title?.trim() || deriveTitle(body),
        articleId: input.articleId ?? null,
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
      const next: Note = { ...note, updatedAt: ctx.now().toISOString() };
      if (patch.body !== undefined) next.body = patch.body;
      if (patch.title !== undefined) next.title = patch.title.trim() || deriveTitle(next.body);
      else if (patch.body !== undefined && note.title === deriveTitle(note.body)) next.title = deriveTitle(next.body);
      if (patch.tags !== undefined) next.tags = patch.tags;
      if (patch.articleId !== undefined) next.articleId = patch.articleId;
      await ctx.store.putNote(next);
      ctx.events.emit('note:changed', id);
      return next;
    },
    async deleteNote(id) {
      await ctx.store.trashNote(id);
      ctx.events.emit('note:removed', id);
    },
  };
}
