import { useEffect, useRef, useState } from 'preact/hooks';

/** Paste an article: plain text, or the HTML the clipboard offers when copying from a page. */
export function PasteDialog({ onImport, onClose }: { onImport(text: string, html?: string): void; onClose(): void }) {
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
    </dialog>
  );
}
