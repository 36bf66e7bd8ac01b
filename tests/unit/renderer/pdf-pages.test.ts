// @vitest-environment jsdom
// PDF articles in the reader: page markers sit in the text without changing what a selection
// means (offsets still count the canonical text), and highlights land on the page-view lines.
import { Fragment, h, render } from 'preact';
import { afterEach, expect, it } from 'vitest';
import { pointToOffset } from '../../../renderer/src/passages/dom-offsets.js';
import { renderBlocks, type ReaderDoc } from '../../../renderer/src/reader/blocks.js';
import { highlightRects } from '../../../renderer/src/reader/page-geometry.js';

afterEach(() => {
  document.body.innerHTML = '';
});

const text = 'First paragraph on page one.\n\nIt runs on to the next page here.';
const second = text.indexOf('next page');
const doc: ReaderDoc = { text, pages: [{ start: 0, label: 'i' }, { start: second }] };

it('shows a marker where each page begins, inside the paragraph, and offsets still count only the text', () => {
  const root = document.createElement('div');
  document.body.append(root);
  render(h(Fragment, null, renderBlocks(doc, [])), root);
  const markers = [...root.querySelectorAll<HTMLElement>('.page-marker')];
  expect(markers.map((m) => m.dataset.label)).toEqual(['p. i', 'p. 2']);
  const para = root.querySelectorAll('p')[1]!;
  expect(para.textContent).toBe('It runs on to the next page here.');
  // The text node after the page 2 marker begins at page 2's offset.
  const after = markers[1]!.nextSibling!;
  expect(after.textContent!.startsWith('next page')).toBe(true);
  expect(pointToOffset(root, after, 0)).toBe(second);
  expect(pointToOffset(root, markers[1]!.previousSibling!, 3)).toBe(text.indexOf('It runs') + 3);
});

it('draws a highlight as the part of each line it covers, on its own page only', () => {
  // Two lines: page 0 chars 0-10 at x 100-200, page 1 chars 11-21 at x 50-150 (points × 10).
  const lines = [0, 0, 10, 1000, 500, 2000, 600, 1, 11, 21, 500, 700, 1500, 800];
  expect(highlightRects(lines, 0, 5, 15)).toEqual([[150, 50, 200, 60]]);
  expect(highlightRects(lines, 1, 5, 15)).toEqual([[50, 70, 90, 80]]);
  expect(highlightRects(lines, 1, 0, 5)).toEqual([]);
});
