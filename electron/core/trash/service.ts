// The trash: the store keeps trashed items with everything a restore needs;
// this room tells the other rooms (search, cross-source passages) what came back.
import type { CoreContext } from '../context.js';
import type { TrashApi } from './api.js';

export function createTrashService(ctx: CoreContext): TrashApi {
  return {
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
