// Connects the command table to this renderer's store: which app command each
// table command is, how links and handed-over files reach the panes. The one
// place that knows both vocabularies (electron/shared/commands.ts and state/commands.ts).
import { useMemo, useRef } from 'preact/hooks';
import type { ImportResult } from '../../../electron/core/api.js';
import type { CommandId } from '../../../electron/shared/commands.js';
import type { AppCommand } from '../state/commands.js';
import { useActions, useAppState, useStore } from '../state/context.js';
import { isImportable } from '../import/files.js';
import { CommandHost } from './command-host.js';

/** Table commands the store (or a pane registered with it) carries out. */
const STORE_COMMANDS: Partial<Record<CommandId, AppCommand>> = {
  import: 'import-file',
  'paste-article': 'paste-article',
  'new-note': 'new-note',
  export: 'export',
  'search-library': 'search',
  'find-in-article': 'find-in-article',
  'trash-backups': 'trash-backups',
  'copy-citation': 'copy-citation',
};

/** The text of the selection in the reader, as the selection popover offers it. */
function clickSelectionAction(label: RegExp): boolean {
  const button = [...document.querySelectorAll<HTMLButtonElement>('[aria-label="Selected text"] button')].find((b) =>
    label.test(b.getAttribute('aria-label') ?? b.textContent ?? ''),
  );
  button?.click();
  return Boolean(button);
}

export function AppCommands() {
  const actions = useActions();
  const store = useStore();
  const article = useAppState((s) => s.article);
  const articles = useAppState((s) => s.articles);
  const folderInput = useRef<HTMLInputElement>(null);
  const context = useMemo(() => ({ library: articles !== null, article: article !== null }), [articles, article]);

  const runAppCommand = (id: CommandId): boolean => {
    const mapped = STORE_COMMANDS[id];
    if (mapped) return actions.dispatch(mapped);
    switch (id) {
      case 'import-folder':
        folderInput.current?.click();
        return true;
      // The reader's selection popover carries these out on the current selection.
      case 'highlight':
        return clickSelectionAction(/^Highlight/);
      case 'add-note':
        return clickSelectionAction(/note/i);
      case 'copy-passage-link':
        return clickSelectionAction(/link/i);
      default:
        return false;
    }
  };

  const onImported = (results: ImportResult[]) => {
    const count = (k: ImportResult['status']) => results.filter((r) => r.status === k).length;
    store.set({
      importJob: {
        total: results.length,
        done: results.length,
        imported: count('imported'),
        duplicate: count('duplicate'),
        failed: count('failed'),
        results,
        finished: true,
      },
    });
    void actions.refreshLibrary();
    const first = results.find((r) => r.status === 'imported' && r.id);
    if (first?.id) void actions.selectArticle(first.id);
  };

  return (
    <>
      <CommandHost
        api={store.api()}
        runAppCommand={runAppCommand}
        openPassage={(id) => void actions.openPassage(id)}
        openArticle={(id) => void actions.selectArticle(id)}
        notify={(kind, text) => actions.toast(kind, text)}
        onImported={onImported}
        context={context}
      />
      <input
        ref={(el) => {
          folderInput.current = el;
          // A folder picker: every file inside, then only the types Scholia imports. As an attribute:
          // given as a prop, Preact set the boolean property to '' (false) and the picker took files.
          el?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        hidden
        aria-hidden="true"
        tabIndex={-1}
        multiple
        onChange={(e) => {
          // The same files the library's Import folder… takes (PDFs and other apps' exports too).
          const files = [...(e.currentTarget.files ?? [])].filter((f) => isImportable(f.name));
          e.currentTarget.value = '';
          if (files.length) void actions.importFiles(files);
          else actions.error('That folder holds no files Scholia can import.');
        }}
      />
    </>
  );
}
