// The app store: answers applied only while they are current, core errors
// shown as toasts, the tag filter, and app-level commands.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArticleDetail, PassageView, ScholiaApi } from '../../../electron/core/api.js';
import { createAppStore } from '../../../renderer/src/state/app-store.js';
import { memorySettings } from '../../../renderer/src/state/settings.js';

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

  it('lists the library in the chosen order (remembered) and loads what the tag filter matches', async () => {
    const asked: unknown[] = [];
    const core = fakeCore({
      listArticles: async (opts?: { sort?: string }) => {
        asked.push(opts?.sort);
        const list = [
          { id: 'new', title: 'B', addedAt: '2025-01-01T00:00:00Z' },
          { id: 'old', title: 'A', addedAt: '2024-01-01T00:00:00Z' },
        ];
        return opts?.sort === 'title' ? list.reverse() : list;
      },
      listTags: async () => [{ tag: 'ukraine', count: 1 }],
      listPassages: async () => [
        { id: 'p1', articleId: 'new' },
        { id: 'p2', articleId: 'old' },
      ],
      filterByTags: async (expr: string) =>
        expr === 'ukraine'
          ? { articles: ['new'], passages: ['p1'], notes: ['n1'] }
          : { articles: [], passages: [], notes: [] },
    } as unknown as Partial<ScholiaApi>);
    const settings = memorySettings();
    const store = createAppStore(() => core, { settings });
    await store.actions.start();
    expect(store.get().articles!.map((a) => a.id)).toEqual(['new', 'old']);
    expect(store.get().articleId).toBe('new');
    await store.actions.setLibrarySort('title');
    expect(store.get().articles!.map((a) => a.id)).toEqual(['old', 'new']);
    expect(asked).toEqual(['added', 'title']);
    expect(createAppStore(() => core, { settings }).get().librarySort).toBe('title');
    await store.actions.setTagFilter('ukraine');
    expect([...store.get().tagMatches!]).toEqual(['new']);
    expect(store.get().tagPassages!.map((p) => p.id)).toEqual(['p1']);
    expect([...store.get().tagNotes!]).toEqual(['n1']);
    await store.actions.setTagFilter('');
    expect(store.get().tagMatches).toBeNull();
    expect(store.get().tagPassages).toBeNull();
  });

  it('keeps the newest tag filter when an older one answers late', async () => {
    const slow = deferred<{ articles: string[]; passages: string[]; notes: string[] }>();
    const core = fakeCore({
      filterByTags: (expr: string) =>
        expr === 'a' ? slow.promise : Promise.resolve({ articles: ['x'], passages: [], notes: [] }),
    } as Partial<ScholiaApi>);
    const store = createAppStore(() => core);
    const first = store.actions.setTagFilter('a');
    await store.actions.setTagFilter('b');
    slow.resolve({ articles: ['stale'], passages: [], notes: [] });
    await first;
    expect([...store.get().tagMatches!]).toEqual(['x']);
  });

  it('an invalid tag filter empties the matches and says why (the previous results do not stay)', async () => {
    const core = fakeCore({
      filterByTags: async (expr: string) => {
        if (expr.includes('(')) throw new Error("Unclosed '(' in the tag filter");
        return { articles: ['a1'], passages: [], notes: [] };
      },
    } as Partial<ScholiaApi>);
    const store = createAppStore(() => core);
    await store.actions.setTagFilter('ukraine');
    expect([...store.get().tagMatches!]).toEqual(['a1']);
    await store.actions.setTagFilter('ukraine AND (');
    expect([...store.get().tagMatches!]).toEqual([]);
    expect(store.get().tagFilterError).toContain("Unclosed '('");
    await store.actions.setTagFilter('ukraine');
    expect(store.get().tagFilterError).toBeNull();
  });

  it('moves articles to the trash with an Undo toast that restores them', async () => {
    const trashed = new Set<string>();
    const core = fakeCore({
      listArticles: async () => [{ id: 'a1' }, { id: 'a2' }].filter((a) => !trashed.has(a.id)),
      deleteArticle: async (id: string) => void trashed.add(id),
      restoreFromTrash: async (id: string) => void trashed.delete(id),
    } as unknown as Partial<ScholiaApi>);
    const store = createAppStore(() => core);
    await store.actions.start();
    await store.actions.trashArticles(['a1', 'a2']);
    expect(store.get().articles).toEqual([]);
    expect(store.get().articleId).toBeNull();
    const toast = store.get().toasts.at(-1)!;
    expect(toast.kind).toBe('success');
    expect(toast.text).toBe('Moved 2 articles to the trash.');
    toast.action!.run();
    await vi.waitFor(() => expect(store.get().articles!.map((a) => a.id)).toEqual(['a1', 'a2']));
  });

  it('saves searches as collections: a name saved again is replaced, an empty one is not saved', async () => {
    let rows: Array<{ id: string; name: string; query?: string; tagFilter?: string }> = [];
    let n = 0;
    const core = fakeCore({
      listCollections: async () => rows,
      saveCollection: async (c: { id?: string; name: string; query?: string; tagFilter?: string }) => {
        const row = { ...c, id: c.id ?? `c${++n}` };
        rows = [...rows.filter((r) => r.id !== row.id), row];
        return row;
      },
      deleteCollection: async (id: string) => void (rows = rows.filter((r) => r.id !== id)),
    } as unknown as Partial<ScholiaApi>);
    const store = createAppStore(() => core);
    await store.actions.saveSearch({ name: 'drones', kind: 'tags', expr: 'ukraine/drones' });
    await store.actions.saveSearch({ name: 'drones', kind: 'query', expr: 'shahed' });
    await store.actions.saveSearch({ name: 'empty', kind: 'query', expr: '  ' });
    expect(store.get().savedSearches).toEqual([{ id: 'c1', name: 'drones', kind: 'query', expr: 'shahed' }]);
    // Another window (or the CLI) sees them: they live in the library.
    const other = createAppStore(() => core);
    await other.actions.loadSavedSearches();
    expect(other.get().savedSearches).toHaveLength(1);
    await store.actions.removeSavedSearch('drones');
    expect(store.get().savedSearches).toEqual([]);
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

  it('asks before deleting a highlight that notes cite; a highlight no note cites goes at once', async () => {
    const deleted: string[] = [];
    const core = fakeCore({
      getArticle: async (id: string) => article(id, 'A'),
      listPassages: async () =>
        [
          { id: 'cited', articleId: 'a1', notes: ['n1', 'n2'] },
          { id: 'plain', articleId: 'a1', notes: [] },
        ].filter((p) => !deleted.includes(p.id)) as unknown as PassageView[],
      deletePassage: async (id: string) => void deleted.push(id),
    } as unknown as Partial<ScholiaApi>);
    const store = createAppStore(() => core);
    await store.actions.selectArticle('a1');
    expect(await store.actions.deletePassage('plain')).toBe(true);
    expect(deleted).toEqual(['plain']);
    expect(store.get().confirm).toBeNull();

    const asking = store.actions.deletePassage('cited');
    const q = store.get().confirm!;
    expect(q.message).toContain('2 notes cite this highlight');
    expect(deleted).toEqual(['plain']);
    q.onCancel!();
    expect(await asking).toBe(false);
    expect(deleted).toEqual(['plain']);

    const again = store.actions.deletePassage('cited');
    store.get().confirm!.onConfirm();
    expect(await again).toBe(true);
    expect(deleted).toEqual(['plain', 'cited']);
  });

  it('shows a background problem (a failed scheduled backup) once, and again when it fails anew', async () => {
    let last = '2026-11-25T10:00:00.000Z';
    const problem = () => ({
      key: 'store.scheduled-backup',
      code: 'io' as const,
      message: 'A scheduled backup failed: your library is safe, but its newest backup is older than planned.',
      since: '2026-11-25T10:00:00.000Z',
      last,
      count: 1,
    });
    const store = createAppStore(() => fakeCore({ getProblems: async () => [problem()] }), {
      problemsPollMs: 0,
      toastMs: { info: 60_000, error: 60_000 },
    });
    const shown = () => store.get().toasts.filter((t) => /scheduled backup failed/.test(t.text)).length;
    await store.actions.checkProblems();
    expect(shown()).toBe(1);
    await store.actions.checkProblems();
    expect(shown()).toBe(1);
    last = '2026-11-25T11:00:00.000Z';
    await store.actions.checkProblems();
    expect(shown()).toBe(2);
  });
});
