// The app store: answers applied only while they are current, core errors
// shown as toasts, the tag filter, and app-level commands.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArticleDetail, PassageView, ScholiaApi } from '../../../electron/core/api.js';
import { createAppStore } from '../../../renderer/src/state/app-store.js';

/** A promise the test resolves when it wants the core's answer to arrive. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const article = (id: string, title: string) => ({ id, title, text: `${title} text` }) as unknown as ArticleDetail;
const passage = (id: string, articleId: string) => ({ id, articleId }) as unknown as PassageView;

function fakeCore(over: Partial<ScholiaApi>): ScholiaApi {
  return {
    listArticles: async () => [],
    listNotes: async () => [],
    listTags: async () => [],
    listPassages: async () => [],
    ...over,
  } as ScholiaApi;
}

afterEach(() => vi.useRealTimers());

describe('app store', () => {
  it('keeps the article the user switched to when the previous one answers late', async () => {
    const slow = deferred<ArticleDetail>();
    const slowPassages = deferred<PassageView[]>();
    const core = fakeCore({
      getArticle: (id: string) => (id === 'a' ? slow.promise : Promise.resolve(article('b', 'Second'))),
      listPassages: (f?: { articleId?: string }) =>
        f?.articleId === 'a' ? slowPassages.promise : Promise.resolve([passage('pb', 'b')]),
    } as Partial<ScholiaApi>);
    const store = createAppStore(() => core);
    const first = store.actions.selectArticle('a');
    await store.actions.selectArticle('b');
    expect(store.get().article?.title).toBe('Second');
    slow.resolve(article('a', 'First'));
    slowPassages.resolve([passage('pa', 'a')]);
    await first;
    expect(store.get().articleId).toBe('b');
    expect(store.get().article?.title).toBe('Second');
    expect(store.get().passages.map((p) => p.id)).toEqual(['pb']);
  });

  it('applies only the newest of two reloads of the same article', async () => {
    const answers = [deferred<ArticleDetail>(), deferred<ArticleDetail>()];
    let n = 0;
    const core = fakeCore({ getArticle: () => answers[n++]!.promise } as Partial<ScholiaApi>);
    const store = createAppStore(() => core);
    const open = store.actions.selectArticle('a');
    const reload = store.actions.reloadArticle();
    answers[1]!.resolve(article('a', 'Edited title'));
    await reload;
    answers[0]!.resolve(article('a', 'Old title'));
    await open;
    expect(store.get().article?.title).toBe('Edited title');
  });

  it('shows a failed call as an error toast that goes away, and returns nothing', async () => {
    vi.useFakeTimers();
    const store = createAppStore(() => fakeCore({}), { toastMs: { info: 100, error: 200 } });
    const result = await store.actions.call(async () => {
      throw new Error('The library is locked by another Scholia.');
    });
    expect(result).toBeUndefined();
    expect(store.get().toasts).toMatchObject([{ kind: 'error', text: 'The library is locked by another Scholia.' }]);
    vi.advanceTimersByTime(201);
    expect(store.get().toasts).toEqual([]);
  });

  it('lists the library newest first and loads the tag filter matches', async () => {
    const core = fakeCore({
      listArticles: async () => [
        { id: 'old', addedAt: '2024-01-01T00:00:00Z' },
        { id: 'new', addedAt: '2025-01-01T00:00:00Z' },
      ],
      listTags: async () => [{ tag: 'ukraine', count: 1 }],
      filterArticles: async (expr: string) => (expr === 'ukraine' ? ['new'] : []),
    } as unknown as Partial<ScholiaApi>);
    const store = createAppStore(() => core);
    await store.actions.start();
    expect(store.get().articles!.map((a) => a.id)).toEqual(['new', 'old']);
    expect(store.get().articleId).toBe('new');
    await store.actions.setTagFilter('ukraine');
    expect([...store.get().tagMatches!]).toEqual(['new']);
    await store.actions.setTagFilter('');
    expect(store.get().tagMatches).toBeNull();
  });

  it('keeps the newest tag filter when an older one answers late', async () => {
    const slow = deferred<string[]>();
    const core = fakeCore({
      filterArticles: (expr: string) => (expr === 'a' ? slow.promise : Promise.resolve(['x'])),
    } as Partial<ScholiaApi>);
    const store = createAppStore(() => core);
    const first = store.actions.setTagFilter('a');
    await store.actions.setTagFilter('b');
    slow.resolve(['stale']);
    await first;
    expect([...store.get().tagMatches!]).toEqual(['x']);
  });

  it('says when the library cannot be listed', async () => {
    const store = createAppStore(() =>
      fakeCore({
        listArticles: async () => {
          throw new Error('connection refused');
        },
      }),
    );
    await store.actions.refreshLibrary();
    expect(store.get().loadError).toBe('connection refused');
  });

  it('runs app commands: built-in dialogs, handlers panes register, nothing for unknown ones', () => {
    const store = createAppStore(() => fakeCore({}));
    expect(store.actions.dispatch('export')).toBe(true);
    expect(store.get().dialog).toBe('export');
    expect(store.actions.dispatch('trash-backups')).toBe(true);
    expect(store.get().dialog).toBe('library');
    const focus = vi.fn();
    const off = store.actions.registerCommand('search', focus);
    expect(store.actions.dispatch('search')).toBe(true);
    expect(focus).toHaveBeenCalledTimes(1);
    off();
    expect(store.actions.dispatch('search')).toBe(false);
    expect(store.actions.dispatch('preferences')).toBe(false);
  });

  it('opens a passage link: its article, focused on the passage; a deleted passage is a toast', async () => {
    const core = fakeCore({
      getPassage: async (id: string) => (id === 'p1' ? { id, articleId: 'a', state: 'anchored' } : null),
      getArticle: async () => article('a', 'First'),
    } as unknown as Partial<ScholiaApi>);
    const store = createAppStore(() => core);
    await store.actions.openPassage('p1');
    expect(store.get().articleId).toBe('a');
    expect(store.get().readerFocus?.passageId).toBe('p1');
    await store.actions.openPassage('gone');
    expect(store.get().toasts.at(-1)?.text).toBe('That passage was deleted; the note keeps its quote.');
  });

  it('hands a citation to the notes pane at once (before the next key press), and nothing when it is gone', () => {
    const store = createAppStore(() => fakeCore({}));
    const inserted: string[] = [];
    const off = store.actions.registerNotesPane({ open: () => {}, insert: (md) => inserted.push(md) });
    store.actions.insertIntoNote('[“quote”](scholia://passage/p1)', 'a');
    expect(inserted).toEqual(['[“quote”](scholia://passage/p1)']);
    off();
    store.actions.insertIntoNote('[“later”](scholia://passage/p2)', 'a');
    expect(inserted).toHaveLength(1);
  });
});
