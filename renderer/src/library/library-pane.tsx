import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { IMPORT_ACCEPT } from '../import/files.js';
import { formatDate, plural } from '../shared/format.js';
import { TagSidebar } from '../tags/tag-sidebar.js';
import { VirtualList, type VirtualListHandle } from '../shared/virtual-list.js';
import { useActions, useAppState, useCommand } from '../state/context.js';

export function LibraryPane() {
  const actions = useActions();
  const articles = useAppState((s) => s.articles);
  const selectedId = useAppState((s) => s.articleId);
  const tagMatches = useAppState((s) => s.tagMatches);
  const tagFilter = useAppState((s) => s.tagFilter);
  const onSelect = (id: string) => void actions.selectArticle(id);
  const fileInput = useRef<HTMLInputElement>(null);
  const list = useRef<VirtualListHandle>(null);
  const [filter, setFilter] = useState('');
  const [selecting, setSelecting] = useState(false);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [bulkTag, setBulkTag] = useState('');
  useCommand('import-file', () => fileInput.current?.click());
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    let list = articles ?? [];
    if (tagMatches) list = list.filter((a) => tagMatches.has(a.id));
    if (!q) return list;
    return list.filter((a) => `${a.title} ${a.source} ${a.author}`.toLowerCase().includes(q));
  }, [articles, filter, tagMatches]);

  // An article opened from elsewhere (a search result, a note's link) is scrolled into view in the list.
  useEffect(() => {
    const i = selectedId ? shown.findIndex((a) => a.id === selectedId) : -1;
    if (i >= 0) list.current?.reveal(i);
    // Only when the selection changes: filtering must not scroll the list back to it.
  }, [selectedId]);

  const tagChecked = async () => {
    const tags = bulkTag
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    if (!tags.length || checked.size === 0) return;
    await actions.call(async (api) => {
      await api.addTags(
        [...checked].map((id) => ({ kind: 'article' as const, id })),
        tags,
      );
      setBulkTag('');
      setChecked(new Set());
      setSelecting(false);
      await actions.articleChanged();
    });
  };

  return (
    <nav class="pane library" aria-label="Library">
      <header class="pane-header">
        <h2>Library</h2>
        <span class="count">{articles ? plural(articles.length, 'article') : ''}</span>
      </header>
      <div class="toolbar">
        <button type="button" class="primary" onClick={() => fileInput.current?.click()}>
          Import…
        </button>
        <button type="button" onClick={() => actions.dispatch('paste-article')}>
          Paste
        </button>
        <button type="button" aria-pressed={selecting} onClick={() => setSelecting(!selecting)}>
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
          onChange={(e) => {
            const input = e.currentTarget;
            const files = [...(input.files ?? [])];
            input.value = '';
            void actions.importFiles(files);
          }}
        />
      </div>
      <div class="filter">
        <input
          type="search"
          placeholder="Filter by title or source"
          aria-label="Filter the library by title or source"
          value={filter}
          onInput={(e) => setFilter(e.currentTarget.value)}
        />
      </div>
      {selecting && (
        <form
          class="bulk-bar"
          onSubmit={(e) => {
            e.preventDefault();
            void tagChecked();
          }}
        >
          <span>{checked.size} selected</span>
          <input
            type="text"
            aria-label="Tag to add to the selected articles"
            placeholder="tag"
            value={bulkTag}
            onInput={(e) => setBulkTag(e.currentTarget.value)}
          />
          <button type="submit" disabled={checked.size === 0 || !bulkTag.trim()}>
            Tag
          </button>
        </form>
      )}
      {tagFilter && (
        <p class="bulk-bar">
          Tag filter: <strong>{tagFilter}</strong> ({plural(shown.length, 'article')}){' '}
          <button type="button" class="link-button small" onClick={() => void actions.setTagFilter('')}>
            Clear
          </button>
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
          onArrow={(a) => onSelect(a.id)}
          handle={list}
          empty={<li class="muted pad">No articles match.</li>}
          renderItem={(a) => (
            <>
              {selecting && (
                <input
                  type="checkbox"
                  aria-label={`Select ${a.title}`}
                  checked={checked.has(a.id)}
                  onChange={(e) => {
                    const next = new Set(checked);
                    if (e.currentTarget.checked) next.add(a.id);
                    else next.delete(a.id);
                    setChecked(next);
                  }}
                />
              )}
              <button
                type="button"
                id={`article-${a.id}`}
                class={`article-item${a.id === selectedId ? ' selected' : ''}`}
                aria-current={a.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(a.id)}
              >
                <span class="article-title">{a.title}</span>
                <span class="article-meta">
                  {[a.source, formatDate(a.published), plural(a.words, 'word')].filter(Boolean).join(' · ')}
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
            </>
          )}
        />
      )}
      <TagSidebar />
    </nav>
  );
}
