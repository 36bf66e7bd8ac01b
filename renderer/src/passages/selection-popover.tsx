import { useEffect, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type HighlightColor } from './colors.js';

export interface PopoverAction {
  kind: 'highlight' | 'note' | 'link' | 'tag' | 'reattach';
  color?: HighlightColor;
  tag?: string;
}

interface Props {
  x: number;
  y: number;
  /** Offer re-attaching this orphan to the selection. */
  reattachQuote?: string;
  onAction(a: PopoverAction): void;
  onClose(): void;
}

/** The small toolbar that appears over a text selection in the reader. */
export function SelectionPopover({ x, y, reattachQuote, onAction, onClose }: Props) {
  const [tagging, setTagging] = useState(false);
  const [tag, setTag] = useState('');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const key = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', key);
    return () => window.removeEventListener('keydown', key);
  }, [onClose]);
  return (
    <div
      ref={ref}
      class="popover"
      role="toolbar"
      aria-label="Selected text"
      style={{ left: `${x}px`, top: `${y}px` }}
      onMouseDown={(e) => e.preventDefault() /* keep the selection */}
    >
      {reattachQuote !== undefined ? (
        <button type="button" class="primary" onClick={() => onAction({ kind: 'reattach' })}>
          Re-attach orphan here
        </button>
      ) : null}
      {HIGHLIGHT_COLORS.map((c) => (
        <button
          key={c}
          type="button"
          class={`swatch hl-${c}`}
          aria-label={`Highlight ${c}`}
          title={`Highlight (${c})`}
          onClick={() => onAction({ kind: 'highlight', color: c })}
        />
      ))}
      <button type="button" onClick={() => onAction({ kind: 'note' })}>
        Add note
      </button>
      <button type="button" onClick={() => onAction({ kind: 'link' })}>
        Copy link
      </button>
      {tagging ? (
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (tag.trim()) onAction({ kind: 'tag', tag: tag.trim() });
          }}
        >
          <input
            type="text"
            aria-label="Tag for this passage"
            placeholder="tag, e.g. ukraine/drones"
            value={tag}
            onInput={(e) => setTag(e.currentTarget.value)}
            autoFocus
            onMouseDown={(e) => e.stopPropagation()}
          />
        </form>
      ) : (
        <button type="button" onClick={() => setTagging(true)}>
          Tag
        </button>
      )}
    </div>
  );
}
