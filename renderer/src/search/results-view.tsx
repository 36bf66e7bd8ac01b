// Every result of a query, in the reader's place: how many there are, sorted
// by relevance or date, 50 at a time with "Show more"; arrows move through the
// list, Enter opens, Escape goes back to the reader.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SearchPage, SearchResult } from '../../../electron/core/api.js';
import { formatDate, plural } from '../shared/format.js';
import { useActions, useApi } from '../state/context.js';
import { SnippetText } from './search-box.js';
import './results-view.css';

const PAGE = 50;
const TYPE_LABEL: Record<SearchResult['type'], string> = { article: 'Article', passage: 'Passage', note: 'Note' };

export function SearchResultsView({ query, nonce }: { query: string; nonce: number }) {
  const actions = useActions();
  const api = useApi();
  const [sort, setSort] = useState<'relevance' | 'date'>('relevance');
  const [results, setResults] = useState<SearchResult[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLOListElement>(null);
  /** After "Show more", keyboard users continue from the first new result. */
  const focusAt = useRef<number | null>(null);
  useLayoutEffect(() => {
    const i = focusAt.current;
    const el = i === null ? null : list.current?.querySelectorAll<HTMLElement>('.full-result')[i];
    if (el) {
      focusAt.current = null;
      el.focus();
    }
  }, [results]);

  const load = (offset: number) => {
    const mine = ++seq.current;
    setBusy(true);
    api
      .searchPage(query, { offset, limit: PAGE, sort })
      .then((page: SearchPage) => {
        if (mine !== seq.current) return;
        setResults((r) => (offset === 0 ? page.results : [...r, ...page.results]));
        setTotal(page.total);
        setError('');
        if (offset > 0) focusAt.current = offset;
      })
      .catch((err: Error) => {
        if (mine !== seq.current) return;
        setResults([]);
        setTotal(0);
        setError(err.message);
      })
      .finally(() => mine === seq.current && setBusy(false));
  };
  useEffect(() => {
    setResults([]);
    setTotal(null);
    load(0);
  }, [query, sort, nonce]);
  useEffect(() => heading.current?.focus(), [query, nonce]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      actions.closeSearchView();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const items = [...(list.current?.querySelectorAll<HTMLElement>('.full-result') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (i < 0) return;
    e.preventDefault();
    items[Math.max(0, Math.min(items.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  };

  return (
    <main class="pane results-view" id="reader" aria-label="Search results" onKeyDown={onKeyDown}>
      <header class="results-header">
        <h2 tabIndex={-1} ref={heading}>
          {total === null ? 'Searching…' : `${plural(total, 'result')} for “${query}”`}
        </h2>
        <div class="results-controls">
          <label>
            Sort by{' '}
            <select value={sort} onChange={(e) => setSort(e.currentTarget.value as 'relevance' | 'date')}>
              <option value="relevance">Relevance</option>
              <option value="date">Date (newest first)</option>
            </select>
          </label>
          <button type="button" onClick={() => void actions.saveSearch({ name: query, kind: 'query', expr: query })}>
            Save search
          </button>
          <button type="button" onClick={actions.closeSearchView}>
            Back to reader
          </button>
        </div>
      </header>
      {error && (
        <p class="filter-error" role="alert">
          {error}
        </p>
      )}
      <ol class="full-results" ref={list} aria-label={`Results for ${query}`}>
        {results.map((r) => (
          <li key={`${r.type}-${r.id}`}>
            <button
              type="button"
              class="full-result"
              onClick={() => {
                actions.closeSearchView();
                actions.openSearchResult(r);
              }}
            >
              <span class={`badge badge-${r.type}`}>{TYPE_LABEL[r.type]}</span>
              <span class="result-title">{r.title}</span>
              <span class="result-meta">
                {[r.source, formatDate(r.published), r.pageLabel].filter(Boolean).join(' · ')}
              </span>
              <span class="result-snippet">
                <SnippetText snippet={r.snippet} />
              </span>
            </button>
          </li>
        ))}
      </ol>
      <footer class="results-footer" aria-live="polite">
        {total !== null && total > 0 && (
          <span>
            Showing {results.length} of {total}
          </span>
        )}
        {total !== null && results.length < total && (
          <button type="button" disabled={busy} onClick={() => load(results.length)}>
            {busy ? 'Loading…' : `Show ${Math.min(PAGE, total - results.length)} more`}
          </button>
        )}
      </footer>
    </main>
  );
}
