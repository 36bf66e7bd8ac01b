import { useEffect, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type HighlightColor } from './colors.js';
import { TagInput } from '../tags/tag-input.js';

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
        <TagInput
          label="Tag for this passage"
          placeholder="tag, e.g. ukraine/drones"
          multiple={false}
          autoFocus
          onSubmit={([t]) => t && onAction({ kind: 'tag', tag: t })}
          onCancel={() => setTagging(false)}
        />
      ) : (
        <button type="button" onClick={() => setTagging(true)}>
          Tag
        </button>
      )}
    </div>
  );
}
