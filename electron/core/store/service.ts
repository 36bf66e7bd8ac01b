// This room's implementation of its part of ScholiaApi (composed in ../core.ts).
import path from 'node:path';
import type { CoreContext } from '../context.js';
import type { StoreAdminApi } from './api.js';
import { BACKUPS_DIR } from './layout.js';
import { hasAdmin, StoreError } from './types.js';

export function createStoreAdminService(ctx: CoreContext): StoreAdminApi {
  const admin = () => {
    if (!hasAdmin(ctx.store)) throw new StoreError('This library store has no backups (it is not on disk).', 'io');
    return ctx.store;
  };
  return {
    backup: () => admin().backup(),
    listBackups: () => admin().listBackups(),
    async restoreBackup(id) {
      const store = admin();
      const before = {
        articles: store.listArticles().map((a) => a.id),
        notes: store.listNotes().map((n) => n.id),
        passages: store.listPassages().map((p) => p.id),
      };
      const result = await store.restoreBackup(id ? path.join(store.dir, BACKUPS_DIR, id) : undefined);
      // Rooms that keep derived data (the search index) learn what changed through the usual events.
      const emitAll = (
        old: string[],
        now: string[],
        removed: 'article:removed' | 'note:removed' | 'passage:removed',
        changed: 'article:changed' | 'note:changed' | 'passage:changed',
      ) => {
        const keep = new Set(now);
        for (const x of old) if (!keep.has(x)) ctx.events.emit(removed, x);
        for (const x of now) ctx.events.emit(changed, x);
      };
      emitAll(
        before.articles,
        store.listArticles().map((a) => a.id),
        'article:removed',
        'article:changed',
      );
      emitAll(
        before.notes,
        store.listNotes().map((n) => n.id),
        'note:removed',
        'note:changed',
      );
      emitAll(
        before.passages,
        store.listPassages().map((p) => p.id),
        'passage:removed',
        'passage:changed',
      );
      return result;
    },
    doctor: () => admin().doctor(),
  };
}
