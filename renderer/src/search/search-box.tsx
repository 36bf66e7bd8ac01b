// One search box for articles, passages and notes, results as you type.
// Typing never waits for the core: each keystroke starts a query and only the
// newest answer is painted.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SearchResult } from '../../../electron/core/api.js';
import { formatDate } from '../shared/format.js';
import { useActions, useApi, useCommand } from '../state/context.js';
import { SearchHelp } from './search-help.js';
import './search.css';

interface Props {
  onOpen(result: SearchResult): void;
}

/** Snippets mark matched words with « »; render them as <mark> without any HTML parsing. */
export function SnippetText({ snippet }: { snippet: string }) {
  const parts = snippet.split(/(«[^»]*»)/g);
  return <>{parts.map((p, i) => (p.startsWith('«') && p.endsWith('»') ? <mark key={i}>{p.slice(1, -1)}</mark> : p))}</>;
}

const TYPE_LABEL: Record<SearchResult['type'], string> = { article: 'Article', passage: 'Passage', note: 'Note' };

export function SearchBox({ onOpen }: Props) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResult[] | null>(null);
  /** The query the painted results answer (benchmarks wait for it). */
  const [resultsFor, setResultsFor] = useState('');
  const [error, setError] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [help, setHelp] = useState(false);
  const seq = useRef(0);
  const api = useApi();
  const actions = useActions();
  const input = useRef<HTMLInputElement>(null);

  useCommand('search', () => {
    input.current?.focus();
    input.current?.select();
  });
  useEffect(() => {
    const key = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', key);
    return () => window.removeEventListener('keydown', key);
  }, []);

  // Arrow keys keep the active result in view inside the scrolling list.
  useEffect(() => {
    if (open) document.getElementById(`search-result-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, open]);

  const run = (q: string) => {
    setQuery(q);
    // An empty box (Escape clears a search field) shows no dropdown and leaves no layer behind.
    setOpen(!!q.trim());
    const mine = ++seq.current;
    if (!q.trim()) {
      setResults(null);
      setError('');
      return;
    }
    api
      .search(q, { limit: 20 })
      .then((r) => {
        if (mine !== seq.current) return;
        setResults(r);
        setResultsFor(q);
        setError('');
        setActive(0);
      })
      .catch((err: Error) => {
        if (mine !== seq.current) return;
        // An invalid query (before:2022-13-45) shows why, not the previous query's results.
        setResults(null);
        setResultsFor(q);
        setError(err.message);
      });
  };

  const choose = (r: SearchResult) => {
    setOpen(false);
    onOpen(r);
  };

  const showAll = () => {
    setOpen(false);
    actions.openSearchView(query);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || e.altKey) && query.trim()) {
      e.preventDefault();
      showAll();
      return;
    }
    if (e.key === 'Escape' && open) {
      // The first Escape closes the dropdown and keeps the query; the next one clears the box.
      e.preventDefault();
      setOpen(false);
      return;
    }
    if (!results?.length) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(results.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const r = results[active];
      if (r) choose(r);
    }
  };

  return (
    <div class="search" role="search">
      <input
        ref={input}
        type="search"
        class="search-input"
        placeholder="Search articles, passages and notes (Ctrl+K)"
        aria-label="Search articles, passages and notes"
        aria-controls="search-results"
        aria-expanded={open && results !== null}
        aria-activedescendant={open && results?.length ? `search-result-${active}` : undefined}
        role="combobox"
        list={undefined}
        aria-autocomplete="list"
        value={query}
        onInput={(e) => run(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        onFocus={() => query && setOpen(true)}
      />
      <button type="button" class="help-button" aria-label="Search help" onClick={() => setHelp(true)}>
        ?
      </button>
      {open && (results !== null || error) && (
        <div class="search-dropdown">
          <div
            class="search-results"
            id="search-results"
            role="listbox"
            aria-label="Search results"
            data-results-for={resultsFor}
          >
            {error && <p class="search-error">{error}</p>}
            {results?.length === 0 && !error && <p class="muted pad">No matches for “{query}”.</p>}
            {results?.map((r, i) => (
              <div
                key={`${r.type}-${r.id}`}
                id={`search-result-${i}`}
                role="option"
                aria-selected={i === active}
                class={`search-result${i === active ? ' active' : ''}`}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(r)}
              >
                <span class={`badge badge-${r.type}`}>{TYPE_LABEL[r.type]}</span>
                <span class="result-title">{r.title}</span>
                <span class="result-meta">
                  {[r.source, formatDate(r.published), r.pageLabel].filter(Boolean).join(' · ')}
                </span>
                <span class="result-snippet">
                  <SnippetText snippet={r.snippet} />
                </span>
              </div>
            ))}
          </div>
          {results !== null && results.length > 0 && (
            <button type="button" class="search-all" onMouseDown={(e) => e.preventDefault()} onClick={showAll}>
              All results for “{query}” (Ctrl+Enter)
            </button>
          )}
        </div>
      )}
      {open && (results !== null || error) && (
        <div class="search-backdrop" onClick={() => setOpen(false)} aria-hidden="true" />
      )}
      <span class="visually-hidden" role="status">
        {open && error ? error : ''}
      </span>
      {help && <SearchHelp onClose={() => setHelp(false)} />}
    </div>
  );
}
