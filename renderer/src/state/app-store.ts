// The app's one store: what is selected, the library, the notes list, the open
// article and its passages, toasts, dialogs, the tag filter and imports, with
// the actions that change them. Every call to the core that should tell the
// user when it fails goes through call(); every async answer is applied only
// while it is still the current one (see `latest`).
import type {
  ArticleSort,
  ArticleDetail,
  ArticleSummary,
  ImportResult,
  PassageView,
  ScholiaApi,
  SearchResult,
  TagInfo,
} from '../../../electron/core/api.js';
import type { NoteMeta } from '../../../electron/core/model.js';
import { MAX_FILE_BYTES, readFile } from '../import/files.js';
import { snippetTerms } from '../reader/find.js';
import type { ComparePair, DialogName, ImportJob, NotesPort, ReaderFocus, Toast } from '../shared/types.js';
import type { AppCommand } from './commands.js';
import { createStore, type Store } from './store.js';
import { localSettings, type SettingsStore } from './settings.js';
import { libraryActions } from './library-actions.js';
import { initialStoryState, storyActions, type StoryState } from '../stories/story-actions.js';
import type { ConfirmRequest } from '../dialogs/confirm-dialog.js';

export interface AppState extends StoryState {
  /** Newest first; null until the first load. */
  articles: ArticleSummary[] | null;
  notes: NoteMeta[];
  tags: TagInfo[];
  /** Set when the library could not be listed. */
  loadError: string | null;
  articleId: string | null;
  /** The open article (null while none is chosen, or until it loads). */
  article: ArticleDetail | null;
  /** The open article's passages. */
  passages: PassageView[];
  readerFocus: ReaderFocus | null;
  compare: ComparePair | null;
  dialog: DialogName | null;
  importJob: ImportJob | null;
  /** The tag filter expression ('' for none) and the article ids it matches (null: no filter). */
  tagFilter: string;
  tagMatches: Set<string> | null;
  toasts: Toast[];

  // Library view and tag filter (issue 12: the library list, tags, saved searches).
  /** The library list's order. */
  librarySort: ArticleSort;
  /** Why the tag filter could not run (its matches are then empty, never the previous ones). */
  tagFilterError: string | null;
  /** Passages and notes the tag filter matches (null: no filter). */
  tagPassages: PassageView[] | null;
  tagNotes: Set<string> | null;
  /** Saved searches and tag filters shown in the sidebar. */
  savedSearches: SavedSearch[];
  /** Articles the export dialog offers as its scope (the library's selection). */
  exportIds: string[];
  /** The full search results view (in the reader's place) and its query. */
  searchView: { query: string; nonce: number } | null;
  /** A question waiting for the user's answer (dialogs/confirm-dialog.tsx). */
  confirm: ConfirmRequest | null;
}

/** A tag filter or a search query the user saved under a name (a collection in the core). */
export interface SavedSearch {
  id?: string;
  name: string;
  kind: 'tags' | 'query';
  expr: string;
}

export const initialState: AppState = {
  articles: null,
  notes: [],
  tags: [],
  loadError: null,
  articleId: null,
  article: null,
  passages: [],
  readerFocus: null,
  compare: null,
  dialog: null,
  importJob: null,
  tagFilter: '',
  tagMatches: null,
  toasts: [],
  librarySort: 'added',
  tagFilterError: null,
  tagPassages: null,
  tagNotes: null,
  savedSearches: [],
  exportIds: [],
  searchView: null,
  confirm: null,
  ...initialStoryState,
};

export interface AppStoreOptions {
  /** Where the library view's settings (sort, pane sizes) are kept; default localStorage. */
  settings?: SettingsStore;
  /** How long toasts stay, in ms (a toast with an action stays `action` ms). */
  toastMs?: { info: number; success?: number; error: number; action?: number };
  now?: () => number;
  /** How often background problems (a failed scheduled backup, an index) are asked for, in ms; 0: never. */
  problemsPollMs?: number;
}

export type AppStore = ReturnType<typeof createAppStore>;

/**
 * Runs async loads so that only the newest answer per key is applied: a slow
 * answer that arrives after a newer request (or after the user moved on) is dropped.
 */
function latest() {
  const seq = new Map<string, number>();
  return async <T>(key: string, load: () => Promise<T>, apply: (value: T) => void): Promise<boolean> => {
    const mine = (seq.get(key) ?? 0) + 1;
    seq.set(key, mine);
    const value = await load();
    if (seq.get(key) !== mine) return false;
    apply(value);
    return true;
  };
}

export function createAppStore(api: () => ScholiaApi, options: AppStoreOptions = {}) {
  const settings = options.settings ?? localSettings();
  const store: Store<AppState> = createStore<AppState>({
    ...initialState,
    librarySort: settings.get<ArticleSort>('librarySort', 'added'),
  });
  const { get, set } = store;
  /** Background problems already shown: key -> the failure time shown. */
  const shownProblems = new Map<string, string>();
  let problemsTimer: ReturnType<typeof setInterval> | undefined;
  const toastMs = { success: 4000, action: 10000, ...(options.toastMs ?? { info: 4000, error: 9000 }) };
  const now = options.now ?? Date.now;
  const current = latest();
  const commandHandlers = new Map<AppCommand, () => void>();
  let cancelImport = false;
  let notesPort: NotesPort | null = null;
  let lastFiles = new Map<string, File>();

  const dismissToast = (id: number): void => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  const toast = (kind: Toast['kind'], text: string, action?: Toast['action']): void => {
    const id = now() + Math.random();
    set((s) => ({ toasts: [...s.toasts, { id, kind, text, ...(action ? { action } : {}) }] }));
    setTimeout(() => dismissToast(id), action ? toastMs.action : toastMs[kind]);
  };
  const info = (text: string) => toast('info', text);
  const error = (text: string) => toast('error', text);
  const success = (text: string) => toast('success', text);

  /**
   * Runs `fn` against the core; a failure becomes an error toast and the
   * result undefined. Put what should happen only on success inside `fn`.
   */
  const call = async <T>(fn: (api: ScholiaApi) => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn(api());
    } catch (err) {
      error((err as Error).message);
      return undefined;
    }
  };

  /** What the tag filter matches: articles, passages and notes (nothing when there is no filter). */
  const loadTagMatches = async (): Promise<void> => {
    const expr = get().tagFilter;
    const none = { tagMatches: null, tagPassages: null, tagNotes: null, tagFilterError: null };
    if (!expr) {
      await current(
        'tagMatches',
        async () => null,
        () => set(none),
      );
      return;
    }
    await current(
      'tagMatches',
      async () => {
        try {
          const m = await api().filterByTags(expr);
          const wanted = new Set(m.passages);
          const passages = wanted.size ? (await api().listPassages()).filter((p) => wanted.has(p.id)) : [];
          return { m, passages, err: null };
        } catch (err) {
          return { m: null, passages: [], err: (err as Error).message };
        }
      },
      ({ m, passages, err }) =>
        // An invalid filter empties the results and says why; the previous filter's results never stay.
        set({
          tagMatches: new Set(m?.articles ?? []),
          tagPassages: passages,
          tagNotes: new Set(m?.notes ?? []),
          tagFilterError: err,
        }),
    );
  };

  /** Articles, notes, tags and the tag filter's matches, again (after anything that changes them). */
  const refreshLibrary = async (): Promise<ArticleSummary[]> => {
    let listed: ArticleSummary[] = [];
    try {
      await current(
        'library',
        () => Promise.all([api().listArticles({ sort: get().librarySort }), api().listNotes()]),
        ([a, n]) => {
          listed = a;
          set({ articles: a, notes: n, loadError: null });
        },
      );
    } catch (err) {
      set({ loadError: (err as Error).message });
      return [];
    }
    void current(
      'tags',
      () => api().listTags(),
      (tags) => set({ tags }),
    ).catch((err: Error) => error(err.message));
    void loadTagMatches();
    return listed;
  };

  /** The open article's passages, applied only while that article is still open. */
  const reloadPassages = async (): Promise<void> => {
    const id = get().articleId;
    if (!id) return set({ passages: [] });
    await current(
      'passages',
      () => api().listPassages({ articleId: id }),
      (list) => get().articleId === id && set({ passages: list }),
    ).catch((err: Error) => error(err.message));
  };

  /** The open article (its text, tags, details) and its passages, again. */
  const reloadArticle = async (): Promise<void> => {
    const id = get().articleId;
    if (!id) return set({ article: null, passages: [] });
    await Promise.all([
      current(
        'article',
        () => api().getArticle(id),
        // The user may have opened another article while this one loaded.
        (a) => get().articleId === id && set({ article: a }),
      ).catch((err: Error) => error(err.message)),
      reloadPassages(),
    ]);
  };

  const selectArticle = (id: string | null): Promise<void> => {
    if (id === get().articleId) return Promise.resolve();
    set({ articleId: id, ...(id ? {} : { article: null, passages: [] }) });
    return reloadArticle();
  };

  const importOne = async (file: File): Promise<ImportResult[]> => {
    if (file.size > MAX_FILE_BYTES)
      return [{ path: file.name, status: 'failed', error: 'file too large (limit 45 MB)' }];
    try {
      return await api().importFiles([await readFile(file)]);
    } catch (err) {
      return [{ path: file.name, status: 'failed', error: (err as Error).message }];
    }
  };

  const actions = {
    toast,
    info,
    success,
    error,
    dismissToast,
    call,
    refreshLibrary,
    reloadArticle,
    reloadPassages,
    selectArticle,

    /** The open article or its tags changed: the library list, tags and the reader catch up. */
    async articleChanged(): Promise<void> {
      await refreshLibrary();
      await reloadArticle();
    },
    /** Passages of the open article changed (added, recoloured, tagged, deleted); the list's counts follow. */
    async passagesChanged(): Promise<void> {
      await Promise.all([reloadPassages(), refreshLibrary()]);
    },
    /** A note was saved, created or deleted: the notes list, tags and passages' citing notes catch up. */
    async notesChanged(): Promise<void> {
      await Promise.all([refreshLibrary(), reloadPassages()]);
    },

    /**
     * Asks the core what failed in the background and concerns the user's data (getProblems), and shows
     * each problem once, again only when it fails anew.
     */
    async checkProblems(): Promise<void> {
      // A core without getProblems (an older front end) or one that fails: nothing to show this time.
      const list = await Promise.resolve()
        .then(() => api().getProblems())
        .catch(() => []);
      for (const p of list) {
        if (shownProblems.get(p.key) === p.last) continue;
        shownProblems.set(p.key, p.last);
        error(p.message);
      }
    },

    /** Loads the library and opens the newest article. */
    async start(): Promise<void> {
      void all.loadSavedSearches();
      const every = options.problemsPollMs ?? 60_000;
      if (every > 0 && !problemsTimer) {
        void all.checkProblems();
        problemsTimer = setInterval(() => void all.checkProblems(), every);
      }
      const a = await refreshLibrary();
      if (a.length && !get().articleId) await selectArticle(a[0]!.id);
    },

    setTagFilter(expr: string): Promise<void> {
      set({ tagFilter: expr });
      return loadTagMatches();
    },

    /** Opens the passage's article and brings the passage into view. */
    async openPassage(passageId: string): Promise<void> {
      const p = await call((a) => a.getPassage(passageId));
      if (p === undefined) return;
      if (!p) return error('That passage was deleted; the note keeps its quote.');
      const opening = selectArticle(p.articleId);
      if (p.state === 'orphan') error('That passage is orphaned: its text is no longer in the article.');
      else set({ readerFocus: { passageId, nonce: now() } });
      await opening;
    },

    openNote(noteId: string): void {
      notesPort?.open(noteId);
    },

    /** Cites something in the open note (or a new note on `articleId`). */
    insertIntoNote(markdown: string, articleId: string | null): void {
      notesPort?.insert(markdown, articleId);
    },

    /** The notes pane, while mounted, carries out openNote and insertIntoNote. */
    registerNotesPane(port: NotesPort): () => void {
      notesPort = port;
      return () => {
        if (notesPort === port) notesPort = null;
      };
    },

    openSearchResult(r: SearchResult): void {
      if (r.type === 'passage') void actions.openPassage(r.id);
      else if (r.type === 'note') {
        if (r.articleId) void selectArticle(r.articleId);
        actions.openNote(r.id);
      } else {
        void selectArticle(r.id);
        const terms = snippetTerms(r.snippet);
        set({
          readerFocus:
            r.matchOffset !== undefined || terms.length
              ? { offset: r.matchOffset, terms, articleId: r.id, page: r.page, nonce: now() }
              : null,
        });
      }
    },

    compareArticles(aId: string, bId: string): void {
      set({ compare: { aId, bId } });
    },
    closeCompare(): void {
      set({ compare: null });
    },

    openDialog(dialog: DialogName): void {
      set({ dialog });
    },
    closeDialog(): void {
      set({ dialog: null, exportIds: [] });
    },

    /** Moves the article to the trash; the toast offers Undo. */
    deleteArticle(id: string): Promise<void> {
      return all.trashArticles([id]);
    },

    /** Imports files one by one with progress; opens the first article imported. */
    async importFiles(files: File[]): Promise<void> {
      if (files.length === 0) return;
      cancelImport = false;
      lastFiles = new Map(files.map((f) => [f.name, f]));
      const results: ImportResult[] = [];
      const job: ImportJob = {
        total: files.length,
        done: 0,
        imported: 0,
        duplicate: 0,
        failed: 0,
        results,
        finished: false,
      };
      set({ importJob: { ...job, results: [] } });
      let firstImported: string | undefined;
      for (const file of files) {
        if (cancelImport) break;
        for (const r of await importOne(file)) {
          results.push(r);
          job[r.status]++;
          if (r.status === 'imported' && !firstImported) firstImported = r.id;
        }
        job.done++;
        set({ importJob: { ...job, results: [...results] } });
      }
      set({ importJob: { ...job, finished: true, cancelled: cancelImport, results: [...results] } });
      await refreshLibrary();
      // A newer version of the open article (same address) replaced its text: the reader shows it.
      if (results.some((r) => r.updated && r.id === get().articleId)) await reloadArticle();
      if (firstImported) await selectArticle(firstImported);
    },
    cancelImport(): void {
      cancelImport = true;
    },
    closeImport(): void {
      set({ importJob: null });
    },
    /** Imports a file the import reported as a duplicate, as a new article. */
    async importAnyway(path: string): Promise<void> {
      const file = lastFiles.get(path);
      if (!file || !get().importJob) return;
      await call(async (a) => {
        const [r] = await a.importFiles([await readFile(file)], { allowDuplicates: true });
        const job = get().importJob;
        if (!r || !job) return;
        const results = job.results.map((x) => (x.path === path && x.status === 'duplicate' ? r : x));
        set({ importJob: { ...job, results, duplicate: job.duplicate - 1, [r.status]: job[r.status] + 1 } });
        await refreshLibrary();
        if (r.id) await selectArticle(r.id);
      });
    },

    /** Imports an encrypted PDF again with the password the user gave (a wrong one is reported again). */
    async importWithPassword(path: string, password: string): Promise<void> {
      const file = lastFiles.get(path);
      if (!file || !get().importJob) return;
      await call(async (a) => {
        const [r] = await a.importFiles([{ ...(await readFile(file)), password }]);
        const job = get().importJob;
        if (!r || !job) return;
        const results = job.results.map((x) => (x.path === path && x.status === 'failed' ? r : x));
        const counts = r.status === 'failed' ? {} : { failed: job.failed - 1, [r.status]: job[r.status] + 1 };
        set({ importJob: { ...job, ...counts, results } });
        await refreshLibrary();
        if (r.id) await selectArticle(r.id);
      });
    },

    /** Imports pasted text (with the clipboard's HTML when there was some). */
    async importPaste(text: string, html?: string): Promise<void> {
      await call(async (a) => {
        const r = await a.importPaste({ text, html });
        // A failed paste keeps the dialog, and the pasted text in it, open.
        if (r.status === 'failed') return error(`Nothing imported: ${r.error}`);
        info(r.status === 'duplicate' ? `Already in your library: ${r.title}` : `Imported “${r.title}”`);
        set({ dialog: null });
        await refreshLibrary();
        if (r.id) await selectArticle(r.id);
      });
    },

    async importUrl(url: string): Promise<void> {
      await call(async (a) => {
        const [r] = await a.importUrl(url);
        if (!r || r.status === 'failed') return error(`Nothing imported: ${r?.error ?? 'no article found'}`);
        info(r.status === 'duplicate' ? `Already in your library: ${r.title}` : `Imported “${r.title}”`);
        set({ dialog: null });
        await refreshLibrary();
        if (r.id) await selectArticle(r.id);
      });
    },

    /** A pane that carries out a command registers it while it is mounted. */
    registerCommand(command: AppCommand, handler: () => void): () => void {
      commandHandlers.set(command, handler);
      return () => {
        if (commandHandlers.get(command) === handler) commandHandlers.delete(command);
      };
    },

    /** Runs an app-level command (menus, shortcuts, a command palette). False when nothing can run it now. */
    dispatch(command: AppCommand): boolean {
      const handler = commandHandlers.get(command);
      if (handler) {
        handler();
        return true;
      }
      switch (command) {
        case 'paste-article':
          set({ dialog: 'paste' });
          return true;
        case 'export':
          set({ dialog: 'export' });
          return true;
        case 'trash-backups':
          set({ dialog: 'library' });
          return true;
        default:
          return false;
      }
    },
  };

  const all = {
    ...actions,
    // The library view, tags and saved searches (state/library-actions.ts).
    ...libraryActions({
      get,
      set,
      api,
      call,
      info,
      success,
      error,
      toast,
      refreshLibrary,
      selectArticle,
      settings,
      setTagFilter: actions.setTagFilter,
      articleChanged: actions.articleChanged,
      passagesChanged: actions.passagesChanged,
    }),
    // Stories across outlets (stories/story-actions.ts).
    ...storyActions({ get, set, call, success }),
  };
  return { ...store, api, settings, actions: all };
}
