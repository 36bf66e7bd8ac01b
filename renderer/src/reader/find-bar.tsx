import { useEffect, useRef } from 'preact/hooks';

interface Props {
  query: string;
  count: number;
  /** The current match (0-based), or -1. */
  current: number;
  focusNonce: number;
  onQuery(q: string): void;
  onStep(delta: 1 | -1): void;
  onClose(): void;
}

/** Find in article (Ctrl/Cmd+F): a query, the count, previous and next. */
export function FindBar({ query, count, current, focusNonce, onQuery, onStep, onClose }: Props) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusNonce]);
  const status = !query.trim() ? '' : count === 0 ? 'No matches' : `${current + 1} of ${count}`;
  return (
    <div class="find-bar" role="search" aria-label="Find in article">
      <input
        ref={input}
        type="search"
        aria-label="Find in article"
        placeholder="Find in article"
        value={query}
        onInput={(e) => onQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onStep(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}
      />
      <span class="find-count" role="status" aria-live="polite">
        {status}
      </span>
      <button type="button" aria-label="Previous match" disabled={count === 0} onClick={() => onStep(-1)}>
        ↑
      </button>
      <button type="button" aria-label="Next match" disabled={count === 0} onClick={() => onStep(1)}>
        ↓
      </button>
      <button type="button" aria-label="Close find" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
