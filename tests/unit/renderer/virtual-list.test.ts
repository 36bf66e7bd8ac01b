// @vitest-environment jsdom
// The virtual list's arrow keys: each press moves to the next row, focuses it
// and reports it, even when presses come faster than rows render (key repeat);
// the ends of the list stop it; a click forgets a move still on its way.
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { VirtualList, type VirtualListHandle } from '../../../renderer/src/shared/virtual-list.js';

interface Row {
  id: string;
  title: string;
}
const ROWS: Row[] = Array.from({ length: 200 }, (_, i) => ({ id: `a${i}`, title: `Article ${i}` }));
let host: HTMLElement;
let onArrow: Mock<(item: Row, index: number) => void>;
const handle: { current: VirtualListHandle | null } = { current: null };

beforeEach(() => {
  // jsdom lays nothing out: a 400 px tall list of 40 px rows.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 400 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 300 });
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', { configurable: true, get: () => ROWS.length * 40 });
  Object.defineProperty(HTMLLIElement.prototype, 'offsetHeight', { configurable: true, get: () => 40 });
  Element.prototype.scrollTo = function (this: Element, o: ScrollToOptions | number) {
    if (typeof o === 'object' && o.top !== undefined) {
      this.scrollTop = o.top;
      this.dispatchEvent(new Event('scroll'));
    }
  } as Element['scrollTo'];
  host = document.createElement('div');
  document.body.append(host);
  onArrow = vi.fn<(item: Row, index: number) => void>();
  act(() => {
    render(
      h(VirtualList<Row>, {
        class: 'article-list',
        label: 'Articles',
        items: ROWS,
        keyOf: (r) => r.id,
        estimate: 40,
        focusIdOf: (r) => `row-${r.id}`,
        onArrow,
        handle,
        activeKey: 'a3',
        renderItem: (r) => h('button', { type: 'button', id: `row-${r.id}` }, r.title),
      }),
      host,
    );
  });
});

afterEach(() => {
  act(() => render(null, host));
  host.remove();
  vi.restoreAllMocks();
});

const press = (key: string): void => {
  act(() => {
    (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
};

describe('virtual list keyboard', () => {
  it('renders only some rows, each with its place in the whole list', () => {
    const items = host.querySelectorAll('li[data-index]');
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(ROWS.length);
    expect(items[0]!.getAttribute('aria-setsize')).toBe('200');
    expect(items[0]!.getAttribute('aria-posinset')).toBe('1');
  });

  it('moves focus row by row with the arrows and reports each row', () => {
    act(() => document.getElementById('row-a0')!.focus());
    press('ArrowDown');
    expect(document.activeElement?.id).toBe('row-a1');
    press('ArrowDown');
    press('ArrowDown');
    expect(document.activeElement?.id).toBe('row-a3');
    press('ArrowUp');
    expect(document.activeElement?.id).toBe('row-a2');
    expect(onArrow.mock.calls.map(([r]) => (r as Row).id)).toEqual(['a1', 'a2', 'a3', 'a2']);
  });

  it('counts every press when presses come faster than rows render', async () => {
    act(() => document.getElementById('row-a0')!.focus());
    const first = document.activeElement!;
    // Forty presses on the row that had the focus, before any re-render can move it (key repeat).
    for (let i = 0; i < 40; i++) first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(onArrow).toHaveBeenCalledTimes(40);
    expect(onArrow.mock.calls.at(-1)![0].id).toBe('a40');
    expect(document.activeElement?.id).toBe('row-a40');
  });

  it('stops at the ends of the list and leaves other keys alone', () => {
    act(() => document.getElementById('row-a0')!.focus());
    press('ArrowUp');
    expect(document.activeElement?.id).toBe('row-a0');
    const e = new KeyboardEvent('keydown', { key: 'a', bubbles: true, cancelable: true });
    act(() => {
      document.activeElement!.dispatchEvent(e);
    });
    expect(e.defaultPrevented).toBe(false);
  });

  it('keeps the move when the selection it caused reveals its row before the row is rendered', async () => {
    act(() => document.getElementById('row-a0')!.focus());
    const first = document.activeElement!;
    // Row 40 is far outside the rendered rows; the library pane's effect for the new
    // selection (Preact's 35 ms effect fallback under load) runs before the row renders.
    for (let i = 0; i < 40; i++) first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(document.getElementById('row-a40')).toBeNull();
    handle.current!.reveal(40);
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(document.activeElement?.id).toBe('row-a40');
  });

  it('is one Tab stop: the active row until another row is focused, Home and End jump', () => {
    const tabbable = () => [...host.querySelectorAll<HTMLElement>('button')].filter((b) => b.tabIndex === 0);
    expect(tabbable().map((b) => b.id)).toEqual(['row-a3']);
    act(() => document.getElementById('row-a5')!.focus());
    expect(tabbable().map((b) => b.id)).toEqual(['row-a5']);
    press('Home');
    expect(document.activeElement?.id).toBe('row-a0');
    expect(tabbable().map((b) => b.id)).toEqual(['row-a0']);
    press('End');
    return act(() => new Promise((r) => setTimeout(r, 50))).then(() => {
      expect(document.activeElement?.id).toBe('row-a199');
      expect(tabbable().map((b) => b.id)).toEqual(['row-a199']);
    });
  });
});
