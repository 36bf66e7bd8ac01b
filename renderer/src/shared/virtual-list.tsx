// A list that keeps only the rows in view (plus a few either side) in the DOM,
// so a library of 10,000 or 50,000 articles costs the page what 30 rows do:
// typing in the search box, opening an article or resizing never touches the
// rest. Rows may differ in height (tags wrap); each is measured once shown.
// Screen readers still hear the whole list's size (aria-setsize/posinset).
import type { ComponentChildren, Ref } from 'preact';
import { useImperativeHandle, useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import {
  Virtualizer,
  elementScroll,
  measureElement,
  observeElementOffset,
  observeElementRect,
  type VirtualizerOptions,
} from '@tanstack/virtual-core';

export interface VirtualListHandle {
  /** Scrolls row `index` into view and focuses the element `focusId` inside it once it is rendered. */
  reveal(index: number, focusId?: string): void;
}

interface Props<T> {
  items: readonly T[];
  keyOf(item: T): string;
  /** Expected row height in pixels before a row is measured. */
  estimate: number;
  renderItem(item: T, index: number): ComponentChildren;
  /** Class of the scrolling container. */
  class: string;
  /** Accessible name of the list. */
  label?: string;
  itemClass?: string;
  /** Rendered (inside the list) when there are no items. */
  empty?: ComponentChildren;
  /**
   * Up/Down arrows move from row to row: the row's element with this id gets
   * the focus (scrolled into view first) and `onArrow` is told which item.
   */
  focusIdOf?(item: T): string;
  onArrow?(item: T, index: number): void;
  handle?: Ref<VirtualListHandle | null>;
}

type Options = VirtualizerOptions<HTMLDivElement, HTMLLIElement>;

export function VirtualList<T>(props: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const pendingFocus = useRef<string | null>(null);
  /** The row arrow keys last moved to while its focus is still on the way (fast key repeat). */
  const pendingIndex = useRef<number | null>(null);
  const options: Options = {
    count: props.items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => props.estimate,
    getItemKey: (i) => props.keyOf(props.items[i]!),
    overscan: 8,
    // Until the container is measured, assume it is as tall as the window so the first paint shows rows.
    initialRect: { width: 0, height: typeof window === 'undefined' ? 800 : window.innerHeight },
    scrollToFn: elementScroll,
    observeElementRect,
    observeElementOffset,
    measureElement,
    onChange: () => rerender(0),
  };
  const [virtualizer] = useState(() => new Virtualizer<HTMLDivElement, HTMLLIElement>(options));
  virtualizer.setOptions(options);

  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => {
    virtualizer._willUpdate();
    const id = pendingFocus.current;
    if (id) {
      const el = document.getElementById(id);
      if (el) {
        pendingFocus.current = null;
        pendingIndex.current = null;
        el.focus({ preventScroll: true });
      }
    }
  });

  useImperativeHandle(
    props.handle ?? null,
    () => ({
      reveal(index: number, focusId?: string) {
        pendingFocus.current = focusId ?? null;
        virtualizer.scrollToIndex(index, { align: 'auto' });
        rerender(0);
      },
    }),
    [virtualizer],
  );

  const onKeyDown = (e: KeyboardEvent) => {
    const { focusIdOf, onArrow, items } = props;
    if (!focusIdOf || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
    const row = (e.target as Element).closest<HTMLElement>('li[data-index]');
    const from = pendingIndex.current ?? (row ? Number(row.dataset.index) : -1);
    const next = Math.min(items.length - 1, Math.max(0, from + (e.key === 'ArrowDown' ? 1 : -1)));
    const item = items[next];
    if (item === undefined) return;
    e.preventDefault();
    pendingIndex.current = next;
    pendingFocus.current = focusIdOf(item);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    rerender(0);
    onArrow?.(item, next);
  };

  const rows = virtualizer.getVirtualItems();
  const count = props.items.length;
  return (
    <div
      class={props.class}
      ref={scroller}
      onKeyDown={onKeyDown}
      onPointerDown={() => {
        pendingIndex.current = null;
        pendingFocus.current = null;
      }}
    >
      <ul
        class="virtual-list"
        aria-label={props.label}
        style={count ? { height: `${virtualizer.getTotalSize()}px` } : undefined}
      >
        {count === 0 && props.empty}
        {rows.map((row) => {
          const item = props.items[row.index];
          if (item === undefined) return null;
          return (
            <li
              key={row.key as string}
              data-index={row.index}
              ref={virtualizer.measureElement}
              class={props.itemClass}
              aria-setsize={count}
              aria-posinset={row.index + 1}
              style={{ transform: `translateY(${row.start}px)` }}
            >
              {props.renderItem(item, row.index)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
