// Collections live in the library's settings (one small list), so they travel with backups.
import type { CoreContext } from '../context.js';
import { CoreError } from '../errors.js';
import { newId } from '../ids.js';
import { parseQuery } from '../search/index.js';
import { StoreError } from '../store/types.js';
import { parseTagExpr } from '../tags/index.js';
import type { Collection, CollectionsApi } from './api.js';

export const COLLECTIONS_SETTING = 'collections';

/** A collection that cannot be saved as given; `message` is for the user. */
export class CollectionError extends CoreError<'invalid-collection'> {
  constructor(message: string) {
    super(message, 'invalid-collection');
  }
}

export function createCollectionsService(ctx: CoreContext): CollectionsApi {
  const all = (): Collection[] => ctx.store.getSetting<Collection[]>(COLLECTIONS_SETTING) ?? [];
  const byName = (a: Collection, b: Collection) =>
    a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true });

  return {
    async listCollections() {
      return [...all()].sort(byName);
    },

    async saveCollection(input) {
      const name = input.name.trim().replace(/\s+/g, ' ');
      if (!name) throw new CollectionError('A collection needs a name');
      const query = input.query?.trim() || undefined;
      const tagFilter = input.tagFilter?.trim() || undefined;
      if (!query === !tagFilter)
        throw new CollectionError('A collection is either a search or a tag filter: give one of the two');
      // Refused now rather than failing each time the collection is opened (throws QueryError / TagExprError).
      if (query && parseQuery(query).groups.length === 0) throw new CollectionError(`"${query}" searches for nothing`);
      if (tagFilter) parseTagExpr(tagFilter);

      const list = all();
      const existing = input.id ? list.find((c) => c.id === input.id) : undefined;
      if (input.id && !existing) throw new StoreError(`No collection with id ${input.id}`, 'not-found');
      const clash = list.find((c) => c.id !== input.id && c.name.toLowerCase() === name.toLowerCase());
      if (clash) throw new CollectionError(`A collection named "${clash.name}" already exists`);

      const now = ctx.now().toISOString();
      const saved: Collection = {
        id: existing?.id ?? newId('c'),
        name,
        ...(query ? { query } : { tagFilter }),
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      await ctx.store.setSetting(
        COLLECTIONS_SETTING,
        existing ? list.map((c) => (c.id === saved.id ? saved : c)) : [...list, saved],
      );
      return saved;
    },

    async deleteCollection(id) {
      const list = all();
      if (!list.some((c) => c.id === id)) throw new StoreError(`No collection with id ${id}`, 'not-found');
      await ctx.store.setSetting(
        COLLECTIONS_SETTING,
        list.filter((c) => c.id !== id),
      );
    },
  };
}
