import { useEffect, useRef, useState } from 'preact/hooks';

/** Correcting an article's text: highlights are placed again afterwards (and reported). */
export function EditTextDialog({
  text,
  onSave,
  onClose,
}: {
  text: string;
  onSave(text: string): void;
  onClose(): void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [value, setValue] = useState(text);
  useEffect(() => ref.current?.showModal(), []);
  return (
    <dialog ref={ref} class="dialog wide" aria-labelledby="edit-text-title" onClose={onClose}>
      <h2 id="edit-text-title">Edit the article text</h2>
      <p class="muted">
        Separate paragraphs with a blank line. Your highlights are placed again in the new text; any that cannot be
        found are kept as orphaned passages.
      </p>
      <textarea aria-label="Article text" rows={20} value={value} onInput={(e) => setValue(e.currentTarget.value)} />
      <div class="dialog-actions">
        <button type="button" onClick={() => ref.current?.close()}>
          Cancel
        </button>
        <button type="button" class="primary" disabled={value === text} onClick={() => onSave(value)}>
          Save text
        </button>
      </div>
    </dialog>
  );
}
