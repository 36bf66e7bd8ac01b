// The store's actions for the library view (sort, read state, saved searches,
// selections deleted with Undo) and for deleting a passage that notes cite.
// Kept beside app-store.ts, which composes them into its actions.
import type { ArticleSort, ScholiaApi } from '../../../electron/core/api.js';
import type { Toast } from '../shared/types.js';
import type { AppState, SavedSearch } from './app-store.js';
import type { SettingsStore } from './settings.js';

interface Deps {
  get(): AppState;
  set(patch: Partial<AppState> | ((s: AppState) => Partial<AppState>)): void;
  api(): ScholiaApi;
  call<T>(fn: (api: ScholiaApi) => Promise<T>): Promise<T | undefined>;
  info(text: string): void;
  success(text: string): void;
  error(text: string): void;
  toast(kind: Toast['kind'], text: string, action?: Toast['action']): void;
  refreshLibrary(): Promise<unknown>;
  selectArticle(id: string | null): Promise<void>;
  setTagFilter(expr: string): Promise<void>;
  articleChanged(): Promise<void>;
  passagesChanged(): Promise<void>;
  settings: SettingsStore;
}

export function libraryActions(d: Deps) {
  /** Saved searches are the library's collections: they travel with the library (and the CLI sees them). */
  const loadSavedSearches = async (): Promise<void> => {
    const list = await d.call((a) => a.listCollections());
    if (!list) return;
    d.set({
      savedSearches: list.map((c) =>
        c.tagFilter !== undefined
          ? { id: c.id, name: c.name, kind: 'tags' as const, expr: c.tagFilter }
          : { id: c.id, name: c.name, kind: 'query' as const, expr: c.query ?? '' },
      ),
    });
  };

  return {
    setLibrarySort(sort: ArticleSort): Promise<unknown> {
      d.set({ librarySort: sort });
      d.settings.set('librarySort', sort);
      return d.refreshLibrary();
    },

    async setArticleRead(id: string, read: boolean): Promise<void> {
      await d.call(async (a) => {
        await a.setArticleRead(id, read);
        await d.refreshLibrary();
      });
    },

    /** Archives (or takes out of the archive) the given articles, as Pocket's Archive does; nothing is deleted. */
    async setArticlesArchived(ids: string[], archived: boolean): Promise<boolean> {
      const ok = await d.call(async (a) => {
        for (const id of ids) await a.setArticleArchived(id, archived);
        await d.refreshLibrary();
        return true;
      });
      return ok === true;
    },

    loadSavedSearches,
    /** Saves a tag filter or a query under a name (a name already saved is replaced). */
    async saveSearch(search: SavedSearch): Promise<void> {
      const name = search.name.trim();
      if (!name || !search.expr.trim()) return;
      const same = d.get().savedSearches.find((s) => s.name === name);
      const saved = await d.call((a) =>
        a.saveCollection({
          ...(same?.id ? { id: same.id } : {}),
          name,
          ...(search.kind === 'tags' ? { tagFilter: search.expr } : { query: search.expr }),
        }),
      );
      if (!saved) return;
      await loadSavedSearches();
      d.success(`Saved “${name}” in the sidebar.`);
    },
    async removeSavedSearch(name: string): Promise<void> {
      const s = d.get().savedSearches.find((x) => x.name === name);
      if (!s?.id) return;
      await d.call(async (a) => {
        await a.deleteCollection(s.id!);
        await loadSavedSearches();
      });
    },

    /**
     * Moves articles to the trash; the toast's Undo brings them back. The open
     * article is closed first when it is among them.
     */
    async trashArticles(ids: string[]): Promise<void> {
      if (!ids.length) return;
      const titles = new Map((d.get().articles ?? []).map((a) => [a.id, a.title]));
      const done: string[] = [];
      await d.call(async (a) => {
        for (const id of ids) {
          await a.deleteArticle(id);
          done.push(id);
        }
      });
      if (!done.length) return;
      if (done.includes(d.get().articleId ?? '')) await d.selectArticle(null);
      await d.refreshLibrary();
      const what = done.length === 1 ? `“${titles.get(done[0]!) ?? 'the article'}”` : `${done.length} articles`;
      d.toast('success', `Moved ${what} to the trash.`, {
        label: 'Undo',
        run: () =>
          void d.call(async (a) => {
            for (const id of done) await a.restoreFromTrash(id);
            await d.refreshLibrary();
            if (done.length === 1) await d.selectArticle(done[0]!);
            d.success(done.length === 1 ? `Restored ${what}.` : `Restored ${what}.`);
          }),
      });
    },

    /** Shows every result of a query in the reader's place (count, more, sort). */
    openSearchView(query: string): void {
      if (query.trim()) d.set({ searchView: { query: query.trim(), nonce: Date.now() }, compare: null });
    },
    closeSearchView(): void {
      d.set({ searchView: null });
    },
    /** A saved tag filter filters the library; a saved query opens its results. */
    applySavedSearch(s: SavedSearch): void {
      if (s.kind === 'tags') void d.setTagFilter(s.expr);
      else d.set({ searchView: { query: s.expr, nonce: Date.now() }, compare: null });
    },

    /**
     * Deletes a highlight (to the trash); when notes cite it, asks first, since
     * their links would break. Resolves true once deleted.
     */
    deletePassage(id: string): Promise<boolean> {
      const p = d.get().passages.find((x) => x.id === id);
      const remove = () =>
        d
          .call(async (a) => {
            await a.deletePassage(id);
            await d.passagesChanged();
            return true;
          })
          .then((ok) => ok === true);
      const citing = p?.notes.length ?? 0;
      if (!citing) return remove();
      return new Promise((resolve) => {
        d.set({
          confirm: {
            title: 'Delete this highlight?',
            message: `${citing === 1 ? 'A note cites' : `${citing} notes cite`} this highlight; ${citing === 1 ? 'its link' : 'their links'} will show as broken (the quote stays in the note).`,
            confirmLabel: 'Delete highlight',
            onConfirm: () => void remove().then(resolve),
            onCancel: () => resolve(false),
          },
        });
      });
    },
    closeConfirm(): void {
      d.set({ confirm: null });
    },

    /** Opens the export dialog on these articles. */
    exportArticles(ids: string[]): void {
      d.set({ exportIds: ids, dialog: 'export' });
    },

    /** Tags many articles at once. */
    async tagArticles(ids: string[], tags: string[]): Promise<boolean> {
      if (!ids.length || !tags.length) return false;
      const r = await d.call(async (a) => {
        const change = await a.addTags(
          ids.map((id) => ({ kind: 'article' as const, id })),
          tags,
        );
        await d.articleChanged();
        return change;
      });
      if (!r) return false;
      d.success(`Tagged ${ids.length === 1 ? '1 article' : `${ids.length} articles`} ${tags.join(', ')}.`);
      return true;
    },
  };
}
