// A modal question before something the user may regret (deleting a highlight
// that notes cite): the safe answer is focused first; Escape cancels.
import { useEffect, useRef } from 'preact/hooks';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm(): void;
  onCancel?(): void;
}

export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const answered = useRef(false);
  useEffect(() => {
    ref.current?.showModal();
    cancel.current?.focus();
  }, []);
  return (
    <dialog
      ref={ref}
      class="dialog"
      role="alertdialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-message"
      onClose={() => {
        // Escape, Cancel: the question is answered no.
        if (!answered.current) request.onCancel?.();
        onClose();
      }}
    >
      <h2 id="confirm-title">{request.title}</h2>
      <p id="confirm-message">{request.message}</p>
      <div class="dialog-actions">
        <button type="button" ref={cancel} onClick={() => ref.current?.close()}>
          Cancel
        </button>
        <button
          type="button"
          class="danger-button"
          onClick={() => {
            answered.current = true;
            ref.current?.close();
            request.onConfirm();
          }}
        >
          {request.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
