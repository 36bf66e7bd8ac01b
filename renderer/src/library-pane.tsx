import { useMemo, useRef, useState } from 'preact/hooks';
import type { ArticleSummary } from '../../electron/core/api.js';
import { IMPORT_ACCEPT } from './files.js';
import { formatDate, plural } from './format.js';

interface Props {
  articles: ArticleSummary[] | null;
  selectedId: string | null;
  onSelect(id: string): void;
  onImportFiles(files: File[]): void;
  onPaste(): void;
}

export function LibraryPane({ articles, selectedId, onSelect, onImportFiles, onPaste }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    if (!articles || !q) return articles ?? [];
    return articles.filter((a) => `${a.title} ${a.source} ${a.author}`.toLowerCase().includes(q));
  }, [articles, filter]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const i = shown.findIndex((a) => a.id === selectedId);
    const next = shown[Math.min(shown.length - 1, Math.max(0, i + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      onSelect(next.id);
      document.getElementById(`article-${next.id}`)?.focus();
    }
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
        <button type="button" onClick={onPaste}>
          Paste
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
            onImportFiles(files);
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
      {articles === null ? (
        <p class="muted pad">Opening your library…</p>
      ) : articles.length === 0 ? (
        <p class="muted pad">Your library is empty. Import files, drop them here, or paste an article.</p>
      ) : (
        <ul class="article-list" onKeyDown={onKeyDown}>
          {shown.map((a) => (
            <li key={a.id}>
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
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
