// A list that keeps only the rows in view (plus a few either side) in the DOM,
// so a library of 10,000 or 50,000 articles costs the page what 30 rows do:
// typing in the search box, opening an article or resizing never touches the
// rest. Rows may differ in height (tags wrap); each is measured once shown.
// Screen readers still hear the whole list's size (aria-setsize/posinset).
// The list is one Tab stop (roving tabindex): only one row's controls take Tab,
// the last row focused (else the active one, else the first row shown); Up/Down,
// Home/End move between rows.
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
  /**
   * Scrolls row `index` into view and, with `focusId`, focuses that element inside it once it is rendered.
   * While an arrow-key move is on its way, a reveal without `focusId` is ignored: it answers an older
   * selection, and scrolling back to it (or dropping the move's focus) would lose the row the user is on.
   */
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
   * Without it, the row's first button or link takes the focus.
   */
  focusIdOf?(item: T): string;
  /** The row that takes Tab until the user focuses another (the selected one). */
  activeKey?: string | null;
  onArrow?(item: T, index: number): void;
  handle?: Ref<VirtualListHandle | null>;
}

type Options = VirtualizerOptions<HTMLDivElement, HTMLLIElement>;

const FOCUSABLE = 'button, a[href], input, select, textarea, [tabindex]';

const firstControl = (li: Element | null | undefined): HTMLElement | null =>
  li?.querySelector<HTMLElement>('button, a[href]') ?? null;

export function VirtualList<T>(props: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  /** What to focus once it is rendered: an element id, or row index (its first control). */
  const pendingFocus = useRef<string | number | null>(null);
  /** The key of the row that last had the focus: it keeps the list's one Tab stop. */
  const focusedKey = useRef<string | null>(null);
  const lastActive = useRef(props.activeKey);
  if (lastActive.current !== props.activeKey) {
    // A selection made elsewhere (search, a note's link) moves the Tab stop to it.
    lastActive.current = props.activeKey;
    if (props.activeKey !== focusedKey.current) focusedKey.current = null;
  }
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
    const target = pendingFocus.current;
    if (target !== null) {
      const el =
        typeof target === 'string'
          ? document.getElementById(target)
          : firstControl(scroller.current?.querySelector(`li[data-index="${target}"]`));
      if (el) {
        pendingFocus.current = null;
        pendingIndex.current = null;
        el.focus({ preventScroll: true });
      }
    }
    rove();
  });

  const controlsOf = (li: Element): HTMLElement[] =>
    [...li.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.hasAttribute('disabled'));

  /** Gives Tab to one row's controls only; the rows are DOM the list renders, so it sets tabIndex itself. */
  const rove = () => {
    const ul = scroller.current?.firstElementChild;
    if (!ul) return;
    const lis = [...ul.children].filter((el): el is HTMLLIElement => el instanceof HTMLLIElement && !!el.dataset.key);
    const keys = new Set(lis.map((li) => li.dataset.key));
    const want = [focusedKey.current, props.activeKey].find((k) => k && keys.has(k)) ?? lis[0]?.dataset.key;
    for (const li of lis) for (const el of controlsOf(li)) el.tabIndex = li.dataset.key === want ? 0 : -1;
  };

  useImperativeHandle(
    props.handle ?? null,
    () => ({
      reveal(index: number, focusId?: string) {
        if (!focusId && pendingIndex.current !== null) return;
        if (focusId) pendingFocus.current = focusId;
        virtualizer.scrollToIndex(index, { align: 'auto' });
        rerender(0);
      },
    }),
    [virtualizer],
  );

  const onKeyDown = (e: KeyboardEvent) => {
    const { onArrow, items } = props;
    const keys: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity };
    const step = keys[e.key];
    if (step === undefined || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    // Keys typed in a field inside a row (a checkbox is fine) stay the field's.
    const target = e.target as HTMLElement;
    if (target.isContentEditable || (target instanceof HTMLInputElement && target.type !== 'checkbox')) return;
    const row = target.closest<HTMLElement>('li[data-index]');
    if (!row) return;
    const from = pendingIndex.current ?? Number(row.dataset.index);
    const next = Math.min(
      items.length - 1,
      Math.max(0, Number.isFinite(step) ? from + step : step < 0 ? 0 : items.length - 1),
    );
    const item = items[next];
    if (item === undefined) return;
    e.preventDefault();
    pendingIndex.current = next;
    pendingFocus.current = props.focusIdOf ? props.focusIdOf(item) : next;
    focusedKey.current = props.keyOf(item);
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
      onFocusIn={(e) => {
        const li = (e.target as Element).closest<HTMLElement>('li[data-key]');
        if (li?.dataset.key && focusedKey.current !== li.dataset.key) {
          focusedKey.current = li.dataset.key;
          rove();
        }
      }}
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
              data-key={row.key as string}
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
