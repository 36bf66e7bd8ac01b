import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ArticleSort } from '../../../electron/core/api.js';
import { IMPORT_ACCEPT, isImportable } from '../import/files.js';
import { formatDate, plural } from '../shared/format.js';
import { TagSidebar } from '../tags/tag-sidebar.js';
import { TagInput } from '../tags/tag-input.js';
import { VirtualList, type VirtualListHandle } from '../shared/virtual-list.js';
import { useActions, useApi, useAppState, useCommand } from '../state/context.js';
import { copiedMessage, copyCitation } from '../cite/copy-citation.js';
import { TagMatches } from './tag-matches.js';
import { StoriesSidebar } from '../stories/stories-sidebar.js';
import { ToFetchButton } from '../migrate/to-fetch-dialog.js';
import './library.css';

const SORTS: Array<{ id: ArticleSort; label: string }> = [
  { id: 'added', label: 'Date added' },
  { id: 'published', label: 'Date published' },
  { id: 'title', label: 'Title' },
  { id: 'source', label: 'Source' },
];

type ReadFilter = 'all' | 'unread' | 'read' | 'archived' | 'unarchived';

export function LibraryPane() {
  const actions = useActions();
  const api = useApi();
  const articles = useAppState((s) => s.articles);
  const selectedId = useAppState((s) => s.articleId);
  const tagMatches = useAppState((s) => s.tagMatches);
  const tagFilter = useAppState((s) => s.tagFilter);
  const tagFilterError = useAppState((s) => s.tagFilterError);
  const sort = useAppState((s) => s.librarySort);
  const onSelect = (id: string) => void actions.selectArticle(id);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const list = useRef<VirtualListHandle>(null);
  const [filter, setFilter] = useState('');
  const [readFilter, setReadFilter] = useState<ReadFilter>('all');
  const [selecting, setSelecting] = useState(false);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [importMenu, setImportMenu] = useState(false);
  const [confirmTrash, setConfirmTrash] = useState(false);
  useCommand('import-file', () => fileInput.current?.click());
  useCommand('copy-citation', () => {
    const targets = checked.size ? [...checked] : selectedId ? [selectedId] : [];
    if (!targets.length) return actions.error('Open or select articles to cite first.');
    void actions.call(async () => {
      const r = await copyCitation(api, { articleIds: targets });
      actions.toast('info', copiedMessage(targets.length > 1 ? 'Bibliography' : 'Citation', r));
    });
  });
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    let list = articles ?? [];
    if (tagMatches) list = list.filter((a) => tagMatches.has(a.id));
    if (readFilter === 'read' || readFilter === 'unread') list = list.filter((a) => a.read === (readFilter === 'read'));
    else if (readFilter !== 'all') list = list.filter((a) => a.archived === (readFilter === 'archived'));
    if (!q) return list;
    return list.filter((a) => `${a.title} ${a.source} ${a.author}`.toLowerCase().includes(q));
  }, [articles, filter, tagMatches, readFilter]);

  // An article opened from elsewhere (a search result, a note's link) is scrolled into view in the list.
  useEffect(() => {
    const i = selectedId ? shown.findIndex((a) => a.id === selectedId) : -1;
    if (i >= 0) list.current?.reveal(i);
    // Only when the selection changes: filtering must not scroll the list back to it.
  }, [selectedId]);

  const toggle = (id: string) => {
    const next = new Set(checked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChecked(next);
  };
  const endSelect = () => {
    setChecked(new Set());
    setSelecting(false);
    setConfirmTrash(false);
  };
  const ids = [...checked];

  return (
    <nav class="pane library" aria-label="Library">
      <header class="pane-header">
        <h2>Library</h2>
        <span class="count">{articles ? plural(articles.length, 'article') : ''}</span>
      </header>
      <div class="toolbar">
        <div class="menu-wrap">
          <button
            type="button"
            class="primary"
            aria-haspopup="true"
            aria-expanded={importMenu}
            onClick={() => setImportMenu(!importMenu)}
            onKeyDown={(e) => e.key === 'Escape' && setImportMenu(false)}
          >
            Import…
          </button>
          {importMenu && (
            <div
              class="menu"
              role="group"
              aria-label="Import"
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  setImportMenu(false);
                  (e.currentTarget.previousElementSibling as HTMLElement | null)?.focus();
                }
              }}
            >
              <button
                type="button"
                ref={(el) => el?.focus()}
                onClick={() => {
                  setImportMenu(false);
                  fileInput.current?.click();
                }}
              >
                Files…
              </button>
              <button
                type="button"
                onClick={() => {
                  setImportMenu(false);
                  folderInput.current?.click();
                }}
              >
                Import folder…
              </button>
              <button
                type="button"
                onClick={() => {
                  setImportMenu(false);
                  actions.dispatch('paste-article');
                }}
              >
                Paste an article…
              </button>
            </div>
          )}
        </div>
        <button type="button" onClick={() => actions.dispatch('paste-article')}>
          Paste
        </button>
        <button type="button" aria-pressed={selecting} onClick={() => (selecting ? endSelect() : setSelecting(true))}>
          Select
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept={IMPORT_ACCEPT}
          class="visually-hidden"
          aria-label="Choose files to import"
          data-testid="import-input"
          tabIndex={-1}
          onChange={(e) => {
            const input = e.currentTarget;
            const files = [...(input.files ?? [])];
            input.value = '';
            void actions.importFiles(files);
          }}
        />
        <input
          ref={(el) => {
            folderInput.current = el;
            // Not in Preact's typings; Chromium (and Electron) pick a folder with it.
            el?.setAttribute('webkitdirectory', '');
          }}
          type="file"
          multiple
          class="visually-hidden"
          aria-label="Choose a folder to import"
          data-testid="import-folder-input"
          tabIndex={-1}
          onChange={(e) => {
            const input = e.currentTarget;
            // A folder holds more than articles: only the formats Scholia imports are read.
            const files = [...(input.files ?? [])].filter((f) => isImportable(f.name));
            input.value = '';
            if (files.length) void actions.importFiles(files);
            else actions.error('That folder holds no files Scholia can import.');
          }}
        />
      </div>
      <div class="filter library-view">
        <input
          type="search"
          placeholder="Filter by title or source"
          aria-label="Filter the library by title or source"
          value={filter}
          onInput={(e) => setFilter(e.currentTarget.value)}
        />
        <div class="view-controls">
          <label>
            <span class="visually-hidden">Sort by</span>
            <select
              aria-label="Sort the library by"
              value={sort}
              onChange={(e) => void actions.setLibrarySort(e.currentTarget.value as ArticleSort)}
            >
              {SORTS.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <select
            aria-label="Show articles"
            value={readFilter}
            onChange={(e) => setReadFilter(e.currentTarget.value as ReadFilter)}
          >
            <option value="all">All</option>
            <option value="unread">Unread</option>
            <option value="read">Read</option>
            <option value="unarchived">Not archived</option>
            <option value="archived">Archived</option>
          </select>
        </div>
      </div>
      {selecting && (
        <div class="bulk-bar" role="group" aria-label="Selected articles">
          <span aria-live="polite">{checked.size} selected</span>
          <button
            type="button"
            class="link-button small"
            onClick={() => setChecked(checked.size === shown.length ? new Set() : new Set(shown.map((a) => a.id)))}
          >
            {checked.size === shown.length && shown.length > 0 ? 'Select none' : 'Select all'}
          </button>
          <TagInput
            label="Tag to add to the selected articles"
            placeholder="tag"
            onSubmit={(tags) => {
              if (!checked.size) return actions.error('Select articles first.');
              void actions.tagArticles(ids, tags).then((ok) => ok && endSelect());
            }}
          />
          <button type="button" disabled={!checked.size} onClick={() => actions.exportArticles(ids)}>
            Export…
          </button>
          {(() => {
            // Archive while any selected article is not archived; else take them out of the archive.
            const archive = !shown.filter((a) => checked.has(a.id)).every((a) => a.archived);
            return (
              <button
                type="button"
                disabled={!checked.size}
                onClick={() =>
                  void actions.setArticlesArchived(ids, archive).then((ok) => {
                    if (!ok) return;
                    actions.toast(
                      'info',
                      `${plural(ids.length, 'article')} ${archive ? 'archived' : 'taken out of the archive'}.`,
                    );
                    endSelect();
                  })
                }
              >
                {archive ? 'Archive' : 'Unarchive'}
              </button>
            );
          })()}
          <button
            type="button"
            disabled={!checked.size}
            onClick={() =>
              void actions.call(async () => {
                const r = await copyCitation(api, { articleIds: ids });
                actions.toast('info', copiedMessage('Bibliography', r));
              })
            }
          >
            Copy as citation
          </button>
          {confirmTrash ? (
            <>
              <button
                type="button"
                class="danger-button"
                ref={(el) => el?.focus()}
                onClick={() => void actions.trashArticles(ids).then(endSelect)}
              >
                Move {plural(checked.size, 'article')} to trash
              </button>
              <button type="button" onClick={() => setConfirmTrash(false)}>
                Keep
              </button>
            </>
          ) : (
            <button type="button" disabled={!checked.size} onClick={() => setConfirmTrash(true)}>
              Delete…
            </button>
          )}
        </div>
      )}
      {tagFilter && (
        <div class="bulk-bar tag-filter-bar">
          <span>
            Tag filter: <strong>{tagFilter}</strong> ({plural(shown.length, 'article')})
          </span>
          <button
            type="button"
            class="link-button small"
            onClick={() => void actions.saveSearch({ name: tagFilter, kind: 'tags', expr: tagFilter })}
          >
            Save
          </button>
          <button type="button" class="link-button small" onClick={() => void actions.setTagFilter('')}>
            Clear
          </button>
        </div>
      )}
      {tagFilterError && (
        <p class="filter-error" role="alert">
          {tagFilterError}
        </p>
      )}
      {articles === null ? (
        <p class="muted pad">Opening your library…</p>
      ) : articles.length === 0 ? (
        <p class="muted pad">Your library is empty. Import files, drop them here, or paste an article.</p>
      ) : (
        <VirtualList
          class="article-list"
          label="Articles"
          items={shown}
          keyOf={(a) => a.id}
          estimate={64}
          itemClass="article-row"
          focusIdOf={(a) => `article-${a.id}`}
          activeKey={selectedId}
          onArrow={(a) => !selecting && onSelect(a.id)}
          handle={list}
          empty={<li class="muted pad">No articles match.</li>}
          renderItem={(a) => (
            <>
              {selecting && (
                <input
                  type="checkbox"
                  aria-label={`Select ${a.title}`}
                  checked={checked.has(a.id)}
                  onChange={() => toggle(a.id)}
                />
              )}
              <button
                type="button"
                id={`article-${a.id}`}
                class={`article-item${a.id === selectedId ? ' selected' : ''}${a.read ? ' read' : ' unread'}`}
                aria-current={a.id === selectedId ? 'true' : undefined}
                aria-pressed={selecting ? checked.has(a.id) : undefined}
                onClick={() => (selecting ? toggle(a.id) : onSelect(a.id))}
              >
                <span class="article-title">
                  {!a.read && <span class="unread-dot" aria-hidden="true" />}
                  {a.title}
                </span>
                <span class="article-meta">
                  {[a.source, formatDate(a.published), plural(a.words, 'word')].filter(Boolean).join(' · ')}
                </span>
                <span class="badges">
                  {a.passages > 0 && <span class="badge-count">{plural(a.passages, 'highlight')}</span>}
                  {a.notes > 0 && <span class="badge-count">{plural(a.notes, 'note')}</span>}
                  {a.archived && <span class="badge-count">archived</span>}
                  {!a.read && <span class="visually-hidden">unread</span>}
                </span>
                {a.tags.length > 0 && (
                  <span class="tags">
                    {a.tags.map((t) => (
                      <span key={t} class="tag">
                        {t}
                      </span>
                    ))}
                  </span>
                )}
              </button>
              <button
                type="button"
                class="read-toggle"
                aria-label={a.read ? 'Mark unread' : 'Mark read'}
                title={a.read ? 'Mark unread' : 'Mark read'}
                onClick={() => void actions.setArticleRead(a.id, !a.read)}
              >
                {a.read ? '○' : '●'}
              </button>
            </>
          )}
        />
      )}
      {tagFilter && <TagMatches />}
      <StoriesSidebar />
      <ToFetchButton onOpen={() => actions.openDialog('to-fetch')} />
      <TagSidebar />
    </nav>
  );
}
