// "To fetch": pages other apps' exports named only by link (Pocket, Instapaper,
// Zotero items without a snapshot). Listed with title, tags and date; fetched one by
// one or all, with progress; a failure keeps its reason; offline, they wait.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FetchProgress, PendingPage } from '../../../electron/core/api.js';
import { formatDate, plural } from '../shared/format.js';
import { useApi, useAppState } from '../state/context.js';
import './to-fetch.css';

const PAGE = 200;

interface Props {
  onClose(): void;
  /** Articles were added: the library list reloads. */
  onChanged(): void;
}

function host(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

export function ToFetchDialog({ onClose, onChanged }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const api = useApi();
  const [page, setPage] = useState<PendingPage | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const [progress, setProgress] = useState<FetchProgress | null>(null);
  const [error, setError] = useState('');
  const [online, setOnline] = useState(() => navigator.onLine);

  const load = async (n = limit) => {
    try {
      setPage(await api.listPending({ limit: n }));
    } catch (err) {
      setError((err as Error).message);
    }
  };

  useEffect(() => {
    ref.current?.showModal();
    void load();
    void api.getFetchProgress().then(setProgress, () => undefined);
    const on = () => setOnline(navigator.onLine);
    window.addEventListener('online', on);
    window.addEventListener('offline', on);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', on);
    };
  }, []);

  // While a run goes on, its progress is asked for twice a second; the list and library follow when it ends.
  const running = progress?.running ?? false;
  useEffect(() => {
    if (!running) return;
    let stop = false;
    let seen = progress?.done ?? 0;
    const tick = async () => {
      if (stop) return;
      try {
        const p = await api.getFetchProgress();
        if (stop) return;
        setProgress(p);
        if (p.done !== seen) {
          seen = p.done;
          void load();
          onChanged();
        }
        if (p.running) setTimeout(() => void tick(), 500);
        else {
          void load();
          onChanged();
        }
      } catch (err) {
        setError((err as Error).message);
      }
    };
    const t = setTimeout(() => void tick(), 500);
    return () => {
      stop = true;
      clearTimeout(t);
    };
  }, [running]);

  const start = async (ids?: string[]) => {
    setError('');
    try {
      setProgress(await api.fetchPending(ids));
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const remove = async (id: string) => {
    setError('');
    try {
      await api.removePending([id]);
      await load();
    } catch (err) {
      setError((err as Error).message);
    }
  };

  const total = page ? page.waiting + page.failed : 0;
  return (
    <dialog ref={ref} class="dialog wide to-fetch" aria-labelledby="to-fetch-title" onClose={onClose}>
      <h2 id="to-fetch-title">To fetch</h2>
      <p class="muted small">
        Pages your exports named only by their link. Scholia downloads each one when you ask, a second apart, and keeps
        the title, tags, dates and highlights the export had.
      </p>
      {error && (
        <p class="error-text" role="alert">
          {error}
        </p>
      )}
      {!online && (
        <p class="notice" role="status">
          You are offline: the pages wait here until you are connected.
        </p>
      )}
      <div class="to-fetch-bar">
        <span data-testid="to-fetch-counts">
          {page ? `${plural(page.waiting, 'page')} waiting · ${page.failed} failed` : 'Loading…'}
        </span>
        {running ? (
          <button type="button" onClick={() => void api.cancelFetchPending().then(setProgress)}>
            Stop fetching
          </button>
        ) : (
          <button type="button" class="primary" disabled={total === 0 || !online} onClick={() => void start()}>
            Fetch all
          </button>
        )}
      </div>
      <div role="status" aria-live="polite" class="to-fetch-progress">
        {progress && (progress.running || progress.message) && (
          <>
            {progress.running && <progress max={progress.total} value={progress.done} aria-label="Pages fetched" />}
            <span>
              {progress.running
                ? `Fetching ${Math.min(progress.done + 1, progress.total)} of ${progress.total}${progress.current ? `: ${host(progress.current)}` : ''}…`
                : progress.message}
            </span>
          </>
        )}
      </div>
      {page && page.entries.length === 0 && <p class="muted">Nothing waits to be fetched.</p>}
      {page && page.entries.length > 0 && (
        <ul class="to-fetch-list" aria-label="Pages to fetch">
          {page.entries.map((e) => (
            <li key={e.id} class={e.state}>
              <div class="to-fetch-main">
                <span class="title">{e.title}</span>{' '}
                <span class="muted small">
                  {host(e.url)}
                  {e.savedAt ? ` · saved ${formatDate(e.savedAt)}` : ''}
                  {e.highlights ? ` · ${plural(e.highlights, 'highlight')}` : ''}
                  {e.archived ? ' · archived' : ''}
                </span>
                {e.tags.length > 0 && (
                  <span class="tags">
                    {e.tags.map((t) => (
                      <span key={t} class="tag-chip">
                        {t}
                      </span>
                    ))}
                  </span>
                )}
                {e.state === 'failed' && <span class="error-text small">Failed: {e.error}</span>}
              </div>
              <div class="to-fetch-actions">
                <button
                  type="button"
                  class="small"
                  disabled={running || !online}
                  aria-label={`Fetch “${e.title}”`}
                  onClick={() => void start([e.id])}
                >
                  {e.state === 'failed' ? 'Try again' : 'Fetch'}
                </button>
                <button
                  type="button"
                  class="small link-button"
                  disabled={running}
                  aria-label={`Remove “${e.title}” from the list`}
                  onClick={() => void remove(e.id)}
                >
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {page && page.total > page.entries.length && (
        <button
          type="button"
          onClick={() => {
            const n = limit + PAGE;
            setLimit(n);
            void load(n);
          }}
        >
          Show more ({(page.total - page.entries.length).toLocaleString()} more)
        </button>
      )}
      <div class="dialog-actions">
        <button type="button" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}

/** The sidebar's way in: shown while anything waits to be fetched, with how many. */
export function ToFetchButton({ onOpen }: { onOpen(): void }) {
  const api = useApi();
  const [count, setCount] = useState(0);
  // Asked again whenever the list may have changed: the library reloaded, an import ended, the dialog closed.
  const articles = useAppState((s) => s.articles);
  const importDone = useAppState((s) => s.importJob?.finished ?? null);
  const dialog = useAppState((s) => s.dialog);
  useEffect(() => {
    void api.listPending({ limit: 1 }).then(
      (p) => setCount(p.waiting + p.failed),
      () => undefined,
    );
  }, [articles, importDone, dialog]);
  if (count === 0) return null;
  return (
    <button type="button" class="to-fetch-button" onClick={onOpen}>
      To fetch <span class="count">{count.toLocaleString()}</span>
    </button>
  );
}
