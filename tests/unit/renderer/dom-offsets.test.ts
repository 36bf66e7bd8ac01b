// @vitest-environment jsdom
// Reader selections to text offsets: the reader renders paragraphs as
// <p data-start=N>, highlights as <mark>; a selection anywhere in them must
// map to the same characters of the canonical text.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pointToOffset, selectionOffsets } from '../../../renderer/src/passages/dom-offsets.js';

const TEXT = 'Russia has used the drones to kill civilians.\n\nIt is appalling, Blinken said.';
let root: HTMLDivElement;

beforeEach(() => {
  root = document.createElement('div');
  // The second paragraph starts after the blank line: offset 47.
  root.innerHTML =
    '<p data-start="0">Russia has used the <mark>drones</mark> to kill civilians.</p>' +
    '<p data-start="47">It is appalling, Blinken said.</p>';
  document.body.append(root);
});
afterEach(() => root.remove());

function select(startNode: Node, startOffset: number, endNode: Node, endOffset: number): Selection {
  const sel = window.getSelection()!;
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  sel.removeAllRanges();
  sel.addRange(range);
  return sel;
}

describe('dom offsets', () => {
  it('maps a selection inside one paragraph, across a highlight, to the text it shows', () => {
    const [p1] = root.querySelectorAll('p');
    const before = p1!.firstChild!; // "Russia has used the "
    const after = p1!.lastChild!; // " to kill civilians."
    const sel = select(before, 'Russia has used the '.length - 4, after, ' to kill'.length);
    const o = selectionOffsets(root, sel)!;
    expect(TEXT.slice(o.start, o.end)).toBe('the drones to kill');
  });

  it('maps a selection that starts inside a highlight and ends in the next paragraph', () => {
    const mark = root.querySelector('mark')!.firstChild!;
    const p2 = root.querySelectorAll('p')[1]!.firstChild!;
    const o = selectionOffsets(root, select(mark, 2, p2, 'It is appalling'.length))!;
    expect(TEXT.slice(o.start, o.end)).toBe('ones to kill civilians.\n\nIt is appalling');
  });

  it('counts child nodes for element points (a triple-click selects a whole paragraph)', () => {
    const p1 = root.querySelectorAll('p')[0]!;
    const o = selectionOffsets(root, select(p1, 0, p1, p1.childNodes.length))!;
    expect(TEXT.slice(o.start, o.end)).toBe('Russia has used the drones to kill civilians.');
    expect(pointToOffset(root, root.querySelector('mark')!, 1)).toBe(TEXT.indexOf(' to kill'));
  });

  it('snaps a point between paragraphs to the nearest paragraph edge', () => {
    expect(pointToOffset(root, root, 1)).toBe(47);
    expect(pointToOffset(root, root, 2)).toBe(TEXT.length);
  });

  it('ignores selections outside the article and empty ones', () => {
    const outside = document.createElement('p');
    outside.textContent = 'elsewhere';
    document.body.append(outside);
    expect(selectionOffsets(root, select(outside.firstChild!, 0, outside.firstChild!, 4))).toBeNull();
    const t = root.querySelector('p')!.firstChild!;
    expect(selectionOffsets(root, select(t, 3, t, 3))).toBeNull();
    outside.remove();
  });
});
