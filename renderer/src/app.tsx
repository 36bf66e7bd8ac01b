import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ArticleDetail, ArticleSummary, ImportResult } from '../../electron/core/api.js';
import type { NoteMeta } from '../../electron/core/model.js';
import { LibraryPane } from './library-pane.js';
import { ReaderPane } from './reader-pane.js';
import { NotesPane } from './notes-pane.js';
import { ImportProgress, type ImportJob } from './import-progress.js';
import { filesFromDrop, readFile, MAX_FILE_BYTES } from './files.js';
import { PasteDialog } from './paste-dialog.js';
import { emit, on } from './bus.js';
import { SearchBox } from './search/search-box.js';
import { ExportDialog } from './export/export-dialog.js';
import { RecoveryScreen } from './recovery-screen.js';
import { LibraryDialog } from './library-dialog.js';
import { CompareView } from './compare/compare-view.js';
import type { AppInfo } from '../../electron/core/api.js';

/** Checks that the library opened; shows the recovery screen when it did not. */
export function Root() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState('');
  const load = () => window.scholia.getInfo().then(setInfo, (err: Error) => setError(err.message));
  useEffect(() => {
    void load();
  }, []);
  if (error) {
    return (
      <main class="recovery">
        <h1>Scholia cannot reach its library</h1>
        <p role="alert">{error}</p>
      </main>
    );
  }
  if (!info) return null;
  if (info.recovery) return <RecoveryScreen info={info} onRecovered={() => void load()} />;
  return <App />;
}
import type { SearchResult } from '../../electron/core/api.js';

const api = () => window.scholia;

export interface ReaderFocus {
  passageId?: string;
  /** A text offset to bring into view (a search match). */
  offset?: number;
  nonce: number;
}

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

export function App() {
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [notes, setNotes] = useState<NoteMeta[]>([]);
  const [articleId, setArticleId] = useState<string | null>(null);
  const [article, setArticle] = useState<ArticleDetail | null>(null);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [dragging, setDragging] = useState(false);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [libraryOpen, setLibraryOpen] = useState(false);
  const [compare, setCompare] = useState<{ aId: string; bId: string } | null>(null);
  useEffect(() => on('compare', setCompare), []);
  const [tagFilter, setTagFilter] = useState('');
  const [tagMatches, setTagMatches] = useState<Set<string> | null>(null);
  const [tagVersion, setTagVersion] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const cancelRef = useRef(false);
  const lastFiles = useRef(new Map<string, File>());
  const [focus, setFocus] = useState<ReaderFocus | null>(null);

  const toast = useCallback((kind: Toast['kind'], text: string) => {
    const id = Date.now() + Math.random();
    setToasts((t) => [...t, { id, kind, text }]);
    setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), kind === 'error' ? 9000 : 4000);
  }, []);

  const showError = useCallback((m: string) => toast('error', m), [toast]);
  const showInfo = useCallback((m: string) => toast('info', m), [toast]);

  const refresh = useCallback(async () => {
    try {
      const [a, n] = await Promise.all([api().listArticles(), api().listNotes()]);
      a.sort((x, y) => y.addedAt.localeCompare(x.addedAt));
      setArticles(a);
      setNotes(n);
      setTagVersion((v) => v + 1);
      setLoadError(null);
      return a;
    } catch (err) {
      setLoadError((err as Error).message);
      return [];
    }
  }, []);

  useEffect(() => {
    void refresh().then((a) => {
      if (a.length && !articleId) setArticleId(a[0]!.id);
    });
  }, []);

  useEffect(() => {
    if (!articleId) {
      setArticle(null);
      return;
    }
    let live = true;
    api()
      .getArticle(articleId)
      .then((a) => live && setArticle(a))
      .catch((err: Error) => toast('error', err.message));
    return () => {
      live = false;
    };
  }, [articleId, toast]);

  const importFiles = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return;
      cancelRef.current = false;
      lastFiles.current = new Map(files.map((f) => [f.name, f]));
      const results: ImportResult[] = [];
      const next: ImportJob = {
        total: files.length,
        done: 0,
        imported: 0,
        duplicate: 0,
        failed: 0,
        results,
        finished: false,
      };
      setJob({ ...next });
      let firstImported: string | undefined;
      for (const file of files) {
        if (cancelRef.current) break;
        let res: ImportResult[];
        if (file.size > MAX_FILE_BYTES) {
          res = [{ path: file.name, status: 'failed', error: 'file too large (limit 45 MB)' }];
        } else {
          try {
            res = await api().importFiles([await readFile(file)]);
          } catch (err) {
            res = [{ path: file.name, status: 'failed', error: (err as Error).message }];
          }
        }
        for (const r of res) {
          results.push(r);
          next[r.status]++;
          if (r.status === 'imported' && !firstImported) firstImported = r.id;
        }
        next.done++;
        setJob({ ...next, results: [...results] });
      }
      next.finished = true;
      next.cancelled = cancelRef.current;
      setJob({ ...next, results: [...results] });
      await refresh();
      if (firstImported) setArticleId(firstImported);
    },
    [refresh],
  );

  const importAnyway = useCallback(
    async (path: string) => {
      const file = lastFiles.current.get(path);
      if (!file || !job) return;
      try {
        const [r] = await api().importFiles([await readFile(file)], { allowDuplicates: true });
        if (!r) return;
        const results = job.results.map((x) => (x.path === path && x.status === 'duplicate' ? r : x));
        setJob({ ...job, results, duplicate: job.duplicate - 1, [r.status]: job[r.status] + 1 });
        await refresh();
        if (r.id) setArticleId(r.id);
      } catch (err) {
        toast('error', (err as Error).message);
      }
    },
    [job, refresh, toast],
  );

  const onImportUrl = useCallback(
    async (url: string) => {
      try {
        const [r] = await api().importUrl(url);
        if (!r || r.status === 'failed') return toast('error', `Nothing imported: ${r?.error ?? 'no article found'}`);
        toast('info', r.status === 'duplicate' ? `Already in your library: ${r.title}` : `Imported “${r.title}”`);
        setPasteOpen(false);
        await refresh();
        if (r.id) setArticleId(r.id);
      } catch (err) {
        toast('error', (err as Error).message);
      }
    },
    [refresh, toast],
  );

  const onPaste = useCallback(
    async (text: string, html?: string) => {
      try {
        const r = await api().importPaste({ text, html });
        if (r.status === 'failed') toast('error', `Nothing imported: ${r.error}`);
        else {
          toast('info', r.status === 'duplicate' ? `Already in your library: ${r.title}` : `Imported “${r.title}”`);
          await refresh();
          if (r.id) setArticleId(r.id);
        }
        setPasteOpen(false);
      } catch (err) {
        toast('error', (err as Error).message);
      }
    },
    [refresh, toast],
  );

  // Drag and drop anywhere on the window.
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Boolean(e.dataTransfer?.types.includes('Files'));
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e) || !e.dataTransfer) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      void filesFromDrop(e.dataTransfer).then(importFiles);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [importFiles]);

  useEffect(() => {
    if (!tagFilter) return setTagMatches(null);
    let live = true;
    api()
      .filterArticles(tagFilter)
      .then((ids) => live && setTagMatches(new Set(ids)))
      .catch((err: Error) => live && toast('error', err.message));
    return () => {
      live = false;
    };
  }, [tagFilter, tagVersion, toast]);

  // A passage link was clicked: open its article and bring the passage into view.
  useEffect(
    () =>
      on('open-passage', async ({ passageId }) => {
        try {
          const p = await api().getPassage(passageId);
          if (!p) return toast('error', 'That passage was deleted; the note keeps its quote.');
          setArticleId(p.articleId);
          if (p.state === 'orphan') toast('error', 'That passage is orphaned: its text is no longer in the article.');
          else setFocus({ passageId, nonce: Date.now() });
        } catch (err) {
          toast('error', (err as Error).message);
        }
      }),
    [toast],
  );

  const openResult = useCallback((r: SearchResult) => {
    if (r.type === 'passage') emit('open-passage', { passageId: r.id });
    else if (r.type === 'note') {
      if (r.articleId) setArticleId(r.articleId);
      emit('open-note', { noteId: r.id });
    } else {
      setArticleId(r.id);
      setFocus(r.matchOffset !== undefined ? { offset: r.matchOffset, nonce: Date.now() } : null);
    }
  }, []);

  const onArticleChanged = useCallback(async () => {
    await refresh();
    if (articleId) setArticle(await api().getArticle(articleId));
  }, [articleId, refresh]);

  return (
    <div class="app">
      <a class="skip-link" href="#reader">
        Skip to reader
      </a>
      {loadError && (
        <div class="banner error" role="alert">
          Scholia cannot reach your library: {loadError}
        </div>
      )}
      <header class="topbar">
        <div class="brand">
          <img src="./icon.svg" alt="" />
          <span>Scholia</span>
        </div>
        <SearchBox onOpen={openResult} />
        <div class="topbar-actions">
          <button type="button" onClick={() => setExportOpen(true)}>
            Export…
          </button>
          <button type="button" onClick={() => setLibraryOpen(true)}>
            Trash &amp; backups
          </button>
        </div>
      </header>
      <div class="panes">
        <LibraryPane
          articles={articles}
          selectedId={articleId}
          onSelect={setArticleId}
          onImportFiles={importFiles}
          onPaste={() => setPasteOpen(true)}
          tagMatches={tagMatches}
          tagFilter={tagFilter}
          onTagFilter={setTagFilter}
          tagVersion={tagVersion}
          onChanged={onArticleChanged}
          onError={showError}
        />
        {compare ? (
          <div class="compare-pane">
            <CompareView aId={compare.aId} bId={compare.bId} onClose={() => setCompare(null)} />
          </div>
        ) : (
          <ReaderPane
            onDelete={async (id) => {
              try {
                await api().deleteArticle(id);
                toast('info', 'Moved to the trash (Trash & backups restores it).');
                setArticleId(null);
                await refresh();
              } catch (err) {
                toast('error', (err as Error).message);
              }
            }}
            article={article}
            focus={focus}
            onChanged={onArticleChanged}
            onError={showError}
            onInfo={showInfo}
          />
        )}
        <NotesPane
          article={article}
          notes={notes}
          onNotesChanged={refresh}
          onOpenArticle={setArticleId}
          onError={showError}
        />
      </div>
      {job && (
        <ImportProgress
          job={job}
          onCancel={() => (cancelRef.current = true)}
          onClose={() => setJob(null)}
          onImportAnyway={(p) => void importAnyway(p)}
        />
      )}
      {libraryOpen && (
        <LibraryDialog onClose={() => setLibraryOpen(false)} onChanged={onArticleChanged} onInfo={showInfo} />
      )}
      {exportOpen && (
        <ExportDialog
          articleId={articleId}
          articleTitle={article?.title ?? null}
          notes={notes}
          onClose={() => setExportOpen(false)}
          onInfo={showInfo}
        />
      )}
      {pasteOpen && <PasteDialog onImport={onPaste} onImportUrl={onImportUrl} onClose={() => setPasteOpen(false)} />}
      {dragging && (
        <div class="drop-overlay" aria-hidden="true">
          <div>Drop files or folders to import them</div>
        </div>
      )}
      <div class="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} class={`toast ${t.kind}`}>
            {t.text}
          </div>
        ))}
      </div>
    </div>
  );
}
