import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Note } from '../../../electron/core/model.js';
import type { EditorView } from '@codemirror/view';
import { insertAtCursor, MarkdownEditor } from './editor.js';
import { PASSAGE_LINK, renderMarkdown } from './markdown.js';
import { formatDate } from '../shared/format.js';
import { VirtualList } from '../shared/virtual-list.js';
import { TagChips } from '../tags/tag-chips.js';
import { createAutosave, type SaveState } from './autosave.js';
import { useActions, useApi, useAppState, useCommand } from '../state/context.js';

const AUTOSAVE_MS = 600;

export function NotesPane() {
  const actions = useActions();
  const { call } = actions;
  const api = useApi();
  const article = useAppState((s) => s.article);
  const notes = useAppState((s) => s.notes);
  const passages = useAppState((s) => s.passages);
  const [scope, setScope] = useState<'article' | 'all'>('article');
  const [noteFilter, setNoteFilter] = useState('');
  const [note, setNote] = useState<Note | null>(null);
  const [draft, setDraft] = useState('');
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [saveError, setSaveError] = useState('');
  const [autosave] = useState(() =>
    createAutosave({
      save: (id, body) => api.saveNote(id, { body }),
      delayMs: AUTOSAVE_MS,
      onSaved: (saved) => {
        setNote((n) => (n && n.id === saved.id ? { ...saved, body: n.body } : n));
        void actions.notesChanged();
      },
      onState: (state, error) => {
        setSaveState(state);
        if (error !== undefined) setSaveError(error);
      },
    }),
  );
  const flush = autosave.flush;
  const viewRef = useRef<EditorView | null>(null);
  const previewRef = useRef<HTMLDivElement>(null);

  const shown = useMemo(() => {
    let list = scope === 'article' && article ? notes.filter((n) => n.articleId === article.id) : notes;
    const q = noteFilter.trim().toLowerCase();
    if (q) list = list.filter((n) => `${n.title} ${n.tags.join(' ')}`.toLowerCase().includes(q));
    return [...list].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }, [notes, scope, article, noteFilter]);

  // Save before the page goes away or another note is opened.
  useEffect(() => {
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (autosave.hasPending()) {
        void flush();
        e.preventDefault();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => window.removeEventListener('beforeunload', beforeUnload);
  }, [autosave]);
  // The desktop app asks before closing: save now; a failure is reported (main shows it and asks).
  const lastError = useRef('');
  lastError.current = saveError;
  useEffect(() => {
    window.scholiaDesktop?.onFlushRequest?.(async () => {
      await autosave.flush();
      if (autosave.hasPending()) throw new Error(lastError.current || 'The note could not be saved.');
    });
  }, [autosave]);

  const open = useCallback(
    async (id: string) => {
      await flush();
      const n = await call((api) => api.getNote(id));
      if (n === undefined) return;
      if (!n) return actions.error('That note no longer exists.');
      setNote(n);
      setDraft(n.body);
      setSaveState('saved');
    },
    [flush, actions],
  );

  // Another pane asks to open a note, or to cite a passage: at the cursor of the open note, or in a new note.
  const insert = (markdown: string, articleId: string | null) => {
    if (note && viewRef.current) return insertAtCursor(viewRef.current, markdown);
    void call(async (api) => {
      await flush();
      const n = await api.createNote({ articleId, body: markdown + '\n\n' });
      setNote(n);
      setDraft(n.body);
      setSaveState('saved');
      await actions.refreshLibrary();
    });
  };
  const port = useRef({ open, insert });
  port.current = { open, insert };
  useEffect(
    () =>
      actions.registerNotesPane({
        open: (id) => void port.current.open(id),
        insert: (markdown, articleId) => port.current.insert(markdown, articleId),
      }),
    [actions],
  );

  // Links to passages that were deleted or orphaned render as visibly broken, with their quote.
  const preview = useMemo(() => renderMarkdown(draft), [draft]);
  // Passages change under a note (edited text, deletion): the reloaded passages re-run the check.
  useEffect(() => {
    const root = previewRef.current;
    if (!root) return;
    let live = true;
    const links = [...root.querySelectorAll<HTMLAnchorElement>('a[data-passage-id]')];
    void Promise.all(
      links.map(async (a) => {
        const p = await api.getPassage(a.dataset.passageId!).catch(() => null);
        if (!live) return;
        const broken = !p || p.state === 'orphan';
        a.classList.toggle('broken', broken);
        a.title = !p
          ? `Broken link: this passage was deleted. Quote: ${a.textContent ?? ''}`
          : p.state === 'orphan'
            ? `Broken link: the passage “${p.quote.exact}” is no longer in its article (orphaned).`
            : p.quote.exact;
        if (broken) a.setAttribute('aria-label', `Broken passage link: ${a.textContent ?? ''}`);
        else a.removeAttribute('aria-label');
      }),
    );
    return () => {
      live = false;
    };
  }, [preview, passages]);

  const onPreviewClick = (e: MouseEvent) => {
    const a = (e.target as HTMLElement).closest('a');
    if (!a) return;
    const m = PASSAGE_LINK.exec(a.getAttribute('href') ?? '');
    if (m) {
      e.preventDefault();
      void actions.openPassage(m[1]!);
    }
  };

  // Follow the reader: show the newest note of the article when switching articles.
  useEffect(() => {
    if (scope !== 'article') return;
    if (note && article && note.articleId === article.id) return;
    const first = article
      ? notes.filter((n) => n.articleId === article.id).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]
      : undefined;
    if (first) void open(first.id);
    else {
      void flush();
      setNote(null);
    }
  }, [article?.id]);

  const create = async () => {
    await flush();
    await call(async (api) => {
      const n = await api.createNote({
        articleId: scope === 'article' && article ? article.id : null,
        body: '',
      });
      setNote(n);
      setDraft('');
      setSaveState('saved');
      await actions.refreshLibrary();
    });
  };
  useCommand('new-note', () => void create());

  const onEdit = (body: string) => {
    if (!note) return;
    setDraft(body);
    autosave.edit(note.id, body);
  };

  const remove = async () => {
    if (!note) return;
    autosave.discard();
    await call(async (api) => {
      await api.deleteNote(note.id);
      setNote(null);
      await actions.refreshLibrary();
    });
  };

  const statusText: Record<SaveState, string> = {
    saved: 'Saved',
    unsaved: 'Unsaved changes',
    saving: 'Saving…',
    failed: `Not saved: ${saveError}`,
  };

  return (
    <aside class="pane notes" aria-label="Notes">
      <header class="pane-header">
        <h2>Notes</h2>
        <div class="segmented" role="group" aria-label="Which notes">
          <button
            type="button"
            aria-pressed={scope === 'article'}
            onClick={() => setScope('article')}
            disabled={!article}
          >
            This article
          </button>
          <button type="button" aria-pressed={scope === 'all'} onClick={() => setScope('all')}>
            All notes
          </button>
        </div>
      </header>
      <div class="toolbar">
        <button type="button" class="primary" onClick={create}>
          New note
        </button>
      </div>
      {notes.length > 3 && (
        <div class="note-filter">
          <input
            type="search"
            aria-label="Filter notes by title or tag"
            placeholder="Filter notes (search box finds text in notes)"
            value={noteFilter}
            onInput={(e) => setNoteFilter(e.currentTarget.value)}
          />
        </div>
      )}
      <VirtualList
        class="note-list"
        label="Notes list"
        items={shown}
        keyOf={(n) => n.id}
        estimate={52}
        empty={<li class="muted pad">No notes yet{scope === 'article' && article ? ' on this article' : ''}.</li>}
        renderItem={(n) => (
          <button
            type="button"
            class={`note-item${note?.id === n.id ? ' selected' : ''}`}
            aria-current={note?.id === n.id ? 'true' : undefined}
            onClick={() => void open(n.id)}
          >
            <span class="note-title">{n.title}</span>
            <span class="note-meta">{formatDate(n.updatedAt)}</span>
          </button>
        )}
      />
      {note ? (
        <section class="note-editor" aria-label="Note editor">
          <div class="note-status">
            <span class={`save-state ${saveState}`} role="status" data-testid="save-state">
              {statusText[saveState]}
            </span>
            {saveState === 'failed' && (
              <button type="button" class="link-button" onClick={() => void flush()}>
                Retry
              </button>
            )}
            <button type="button" class="link-button danger" onClick={remove}>
              Move to trash
            </button>
          </div>
          <div class="note-tags">
            <TagChips
              label="Note tags"
              targets={[{ kind: 'note', id: note.id }]}
              tags={note.tags}
              onChanged={async () => {
                const fresh = await api.getNote(note.id);
                if (fresh) setNote((n) => (n && n.id === fresh.id ? { ...n, tags: fresh.tags } : n));
                await actions.refreshLibrary();
              }}
            />
          </div>
          <MarkdownEditor
            docId={note.id}
            value={note.body}
            onChange={onEdit}
            label="Note text (Markdown)"
            viewRef={viewRef}
          />
          <h3 class="preview-label">Preview</h3>
          <div
            class="preview markdown-body"
            data-testid="note-preview"
            ref={previewRef}
            onClick={onPreviewClick}
            // Sanitized by DOMPurify in renderMarkdown.
            dangerouslySetInnerHTML={{ __html: preview }}
          />
        </section>
      ) : (
        <p class="muted pad">Choose a note or start a new one.</p>
      )}
    </aside>
  );
}
