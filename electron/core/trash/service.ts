// The trash: the store keeps trashed items with everything a restore needs;
// this room tells the other rooms (search, cross-source passages) what came back.
import type { CoreContext } from '../context.js';
import { StoreError } from '../store/types.js';
import type { TrashApi, TrashTarget } from './api.js';

export function createTrashService(ctx: CoreContext): TrashApi {
  return {
    async moveToTrash(items) {
      const { store } = ctx;
      const articles = new Set(items.filter((i) => i.kind === 'article').map((i) => i.id));
      const notes = new Set(store.listNotes().map((n) => n.id));
      const exists = (i: TrashTarget) =>
        i.kind === 'article'
          ? Boolean(store.getArticleMeta(i.id))
          : i.kind === 'passage'
            ? Boolean(store.getPassage(i.id))
            : notes.has(i.id);
      const missing = items.filter((i) => !exists(i));
      if (missing.length) {
        const list = missing
          .slice(0, 5)
          .map((m) => `${m.kind} ${m.id}`)
          .join(', ');
        throw new StoreError(
          `Nothing was moved to the trash: no ${list}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`,
          'not-found',
        );
      }
      const trashed: string[] = [];
      const done = new Set<string>();
      for (const { kind, id } of items) {
        if (done.has(id)) continue;
        done.add(id);
        if (kind === 'article') {
          await store.trashArticle(id);
          ctx.events.emit('article:removed', id);
        } else if (kind === 'note') {
          await store.trashNote(id);
          ctx.events.emit('note:removed', id);
        } else {
          // Goes with its article when that is in the same request.
          if (articles.has(store.getPassage(id)?.articleId ?? '') || !store.getPassage(id)) continue;
          await store.trashPassage(id);
          ctx.events.emit('passage:removed', id);
        }
        trashed.push(id);
      }
      return { trashed };
    },
    async listTrash() {
      return ctx.store.listTrash();
    },
    async restoreFromTrash(id) {
      const entry = ctx.store.listTrash().find((t) => t.id === id);
      await ctx.store.restoreFromTrash(id);
      if (entry?.kind === 'article') ctx.events.emit('article:changed', id);
      if (entry?.kind === 'note') ctx.events.emit('note:changed', id);
      if (entry?.kind === 'passage') ctx.events.emit('passage:changed', id);
    },
    emptyTrash: () => ctx.store.emptyTrash(),
  };
}
