import { useEffect, useState } from 'preact/hooks';
import type { AppInfo } from '../../electron/core/api.js';
import { LibraryPane } from './library/library-pane.js';
import { ReaderPane } from './reader/reader-pane.js';
import { NotesPane } from './notes/notes-pane.js';
import { ImportProgress } from './import/import-progress.js';
import { PasteDialog } from './import/paste-dialog.js';
import { DropZone } from './import/drop-zone.js';
import { SearchBox } from './search/search-box.js';
import { ExportDialog } from './export/export-dialog.js';
import { RecoveryScreen } from './dialogs/recovery-screen.js';
import { LibraryDialog } from './dialogs/library-dialog.js';
import { CompareView } from './compare/compare-view.js';
import { Toasts } from './shared/toasts.js';
import { SearchResultsView } from './search/results-view.js';
import { Panes } from './layout/panes.js';
import { ConfirmDialog } from './dialogs/confirm-dialog.js';
import { createAppStore, type AppStore } from './state/app-store.js';
import { StoreContext, useActions, useAppState } from './state/context.js';
import { AppCommands } from './commands/app-commands.js';
import { ToFetchDialog } from './migrate/to-fetch-dialog.js';

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
  // The desktop window shows at once; the library may still be opening (a large one takes a moment).
  if (!info)
    return (
      <main class="recovery" aria-busy="true">
        <p role="status">Opening your library…</p>
      </main>
    );
  if (info.recovery) return <RecoveryScreen info={info} onRecovered={() => void load()} />;
  return <App />;
}

/** The app with its own store (tests pass one with a fake core). */
export function App({ store }: { store?: AppStore }) {
  const [own] = useState(() => store ?? createAppStore(() => window.scholia));
  useEffect(() => {
    void own.actions.start();
  }, [own]);
  return (
    <StoreContext.Provider value={own}>
      <Shell />
    </StoreContext.Provider>
  );
}

function Shell() {
  const actions = useActions();
  const loadError = useAppState((s) => s.loadError);
  const compare = useAppState((s) => s.compare);
  const searchView = useAppState((s) => s.searchView);
  const dialog = useAppState((s) => s.dialog);
  const job = useAppState((s) => s.importJob);
  const toasts = useAppState((s) => s.toasts);
  const article = useAppState((s) => s.article);
  const articleId = useAppState((s) => s.articleId);
  const notes = useAppState((s) => s.notes);
  const exportIds = useAppState((s) => s.exportIds);
  const confirm = useAppState((s) => s.confirm);

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
        <SearchBox onOpen={actions.openSearchResult} />
        <div class="topbar-actions">
          <button type="button" onClick={() => actions.dispatch('export')}>
            Export…
          </button>
          <button type="button" onClick={() => actions.dispatch('trash-backups')}>
            Trash &amp; backups
          </button>
        </div>
      </header>
      <Panes
        wideCenter={!!compare}
        library={<LibraryPane />}
        center={
          compare ? (
            <div class="compare-pane">
              <CompareView aId={compare.aId} bId={compare.bId} onClose={actions.closeCompare} />
            </div>
          ) : searchView ? (
            <SearchResultsView query={searchView.query} nonce={searchView.nonce} />
          ) : (
            <ReaderPane />
          )
        }
        notes={<NotesPane />}
      />
      {job && (
        <ImportProgress
          job={job}
          onCancel={actions.cancelImport}
          onClose={actions.closeImport}
          onImportAnyway={(p) => void actions.importAnyway(p)}
          onOpenToFetch={() => actions.openDialog('to-fetch')}
          onPassword={(p, pw) => void actions.importWithPassword(p, pw)}
        />
      )}
      {dialog === 'library' && (
        <LibraryDialog
          onClose={actions.closeDialog}
          onChanged={() => void actions.articleChanged()}
          onInfo={actions.info}
        />
      )}
      {dialog === 'export' && (
        <ExportDialog
          articleId={articleId}
          articleTitle={article?.title ?? null}
          notes={notes}
          selectedIds={exportIds}
          onClose={actions.closeDialog}
          onInfo={actions.info}
        />
      )}
      {dialog === 'paste' && (
        <PasteDialog
          onImport={(text, html) => void actions.importPaste(text, html)}
          onImportUrl={actions.importUrl}
          onClose={actions.closeDialog}
        />
      )}
      {dialog === 'to-fetch' && (
        <ToFetchDialog onClose={actions.closeDialog} onChanged={() => void actions.articleChanged()} />
      )}
      {confirm && <ConfirmDialog key={confirm.title} request={confirm} onClose={actions.closeConfirm} />}
      <DropZone onFiles={actions.importFiles} />
      <AppCommands />
      <Toasts toasts={toasts} onDismiss={actions.dismissToast} />
    </div>
  );
}
