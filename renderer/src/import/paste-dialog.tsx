import { useEffect, useRef, useState } from 'preact/hooks';

/** Paste an article: plain text, or the HTML the clipboard offers when copying from a page. */
export function PasteDialog({
  onImport,
  onImportUrl,
  onClose,
}: {
  onImport(text: string, html?: string): void;
  onImportUrl(url: string): Promise<void>;
  onClose(): void;
}) {
  const [url, setUrl] = useState('');
  const [fetching, setFetching] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [html, setHtml] = useState<string | undefined>();
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog ref={ref} class="dialog" aria-labelledby="paste-title" onClose={onClose}>
      <h2 id="paste-title">Paste an article</h2>
      <p class="muted">Paste the text of an article, or copy a whole web page and paste it here.</p>
      <textarea
        aria-label="Article text"
        rows={14}
        value={text}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setHtml(undefined);
        }}
        onPaste={(e) => {
          const h = e.clipboardData?.getData('text/html');
          if (h) setHtml(h);
        }}
      />
      <div class="dialog-actions">
        <button type="button" onClick={() => ref.current?.close()}>
          Cancel
        </button>
        <button type="button" class="primary" disabled={!text.trim()} onClick={() => onImport(text, html)}>
          Import
        </button>
      </div>
      <h3 class="url-title">Or import a web page by its address</h3>
      <p class="muted small">
        Scholia fetches the page once (this needs a connection) and keeps it offline from then on.
      </p>
      <form
        class="url-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!url.trim()) return;
          setFetching(true);
          try {
            await onImportUrl(url.trim());
          } finally {
            setFetching(false);
          }
        }}
      >
        <input
          type="url"
          aria-label="Web page address"
          placeholder="https://…"
          value={url}
          onInput={(e) => setUrl(e.currentTarget.value)}
        />
        <button type="submit" disabled={!url.trim() || fetching}>
          {fetching ? 'Fetching…' : 'Fetch and import'}
        </button>
      </form>
    </dialog>
  );
}
