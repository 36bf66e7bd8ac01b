// Toasts: news (info, success) in a polite status region, failures in an alert
// region, each styled as what it is; a toast may carry one action (Undo).
import type { Toast } from './types.js';
import './toasts.css';

interface Props {
  toasts: Toast[];
  onDismiss(id: number): void;
}

function ToastItem({ t, onDismiss }: { t: Toast; onDismiss(id: number): void }) {
  return (
    <div class={`toast ${t.kind}`} data-kind={t.kind}>
      <span>{t.text}</span>
      {t.action && (
        <button
          type="button"
          class="toast-action"
          onClick={() => {
            onDismiss(t.id);
            t.action!.run();
          }}
        >
          {t.action.label}
        </button>
      )}
    </div>
  );
}

export function Toasts({ toasts, onDismiss }: Props) {
  const news = toasts.filter((t) => t.kind !== 'error');
  const errors = toasts.filter((t) => t.kind === 'error');
  return (
    <div class="toasts">
      <div role="status" aria-live="polite" class="toast-region">
        {news.map((t) => (
          <ToastItem key={t.id} t={t} onDismiss={onDismiss} />
        ))}
      </div>
      <div role="alert" class="toast-region">
        {errors.map((t) => (
          <ToastItem key={t.id} t={t} onDismiss={onDismiss} />
        ))}
      </div>
    </div>
  );
}
