// @vitest-environment jsdom
// The page view's text layer: each stored line box holds its slice of the canonical text, so a
// selection on the pages counts the same offsets as one in the text view.
import { h, render } from 'preact';
import { afterEach, expect, it } from 'vitest';
import { selectionOffsets } from '../../../renderer/src/passages/dom-offsets.js';
import { flatLines, highlightAt, layoutLine, pageLines, splitLine } from '../../../renderer/src/reader/page-text.js';
import { highlightRects } from '../../../renderer/src/reader/page-geometry.js';
import { TextLayer } from '../../../renderer/src/reader/text-layer.js';

afterEach(() => {
  document.body.innerHTML = '';
});

// Three lines: two on page 0, the paragraph running on to page 1 (the space between lines is in
// neither box, as the import stores them). Boxes in PDF points × 10.
const text = 'The first line and\nthe second one, which runs on to the next page.';
const l1 = text.indexOf('the second');
const l2 = text.indexOf('to the next');
const lines = [
  ...[0, 0, 18, 720, 7000, 3000, 7120],
  ...[0, l1, l2 - 1, 720, 6850, 3000, 6970],
  ...[1, l2, text.length, 720, 7600, 2900, 7720],
];

it('reads one page’s lines, in points, skipping empty ones', () => {
  expect(pageLines(lines, 0)).toEqual([
    { start: 0, end: 18, box: [72, 700, 300, 712] },
    { start: l1, end: l2 - 1, box: [72, 685, 300, 697] },
  ]);
  expect(pageLines(lines, 1).map((l) => text.slice(l.start, l.end))).toEqual(['to the next page.']);
  expect(pageLines([2, 5, 5, 0, 0, 10, 10], 2)).toEqual([]);
});

it('lays a line’s run over its box: the font from the box height, stretched to the box width', () => {
  // Corners as PDF.js gives them (y grows down, so the second corner is above the first).
  const at = layoutLine([100, 240, 400, 218], (size) => size * 10);
  expect(at).toMatchObject({ left: 100, top: 218, width: 300, height: 22 });
  expect(at.fontSize).toBeCloseTo(20);
  expect(at.scaleX).toBeCloseTo(300 / 200);
  // Nothing to measure (no canvas): drawn unstretched rather than divided by zero.
  expect(layoutLine([0, 0, 50, 11], () => 0).scaleX).toBe(1);
});

it('finds the highlight under a click, the last drawn when they overlap', () => {
  const boxes = [
    { id: 'a', left: 0, top: 0, right: 100, bottom: 20 },
    { id: 'b', left: 50, top: 0, right: 150, bottom: 20 },
  ];
  expect(highlightAt(boxes, 10, 10)).toBe('a');
  expect(highlightAt(boxes, 60, 10)).toBe('b');
  expect(highlightAt(boxes, 60, 30)).toBeNull();
});

/** Both pages' text layers, as the page view lays them (a viewport that keeps points as pixels). */
function renderPages(): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(
    h(
      'div',
      null,
      [0, 1].map((page) =>
        h(
          'div',
          { class: 'pdf-page', key: page },
          h(TextLayer, {
            text,
            lines: pageLines(lines, page),
            toViewport: (b) => [b[0], 800 - b[1], b[2], 800 - b[3]],
            measure: (run, size) => run.length * size * 0.5,
          }),
        ),
      ),
    ),
    root,
  );
  return root;
}

function select(a: Node, ao: number, b: Node, bo: number): Selection {
  const range = document.createRange();
  range.setStart(a, ao);
  range.setEnd(b, bo);
  const sel = window.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
  return sel;
}

it('shows each line as its slice of the text, placed on its box', () => {
  const root = renderPages();
  const runs = [...root.querySelectorAll<HTMLElement>('.pdf-text-layer span')];
  expect(runs.map((r) => r.textContent)).toEqual([
    'The first line and',
    'the second one, which runs on',
    'to the next page.',
  ]);
  expect(runs.map((r) => Number(r.dataset.start))).toEqual([0, l1, l2]);
  expect(runs[0]!.style.left).toBe('72px');
  expect(runs[0]!.style.top).toBe('88px');
  expect(runs[0]!.style.height).toBe('12px');
});

it('maps a selection on the pages to the canonical range, within a line, across lines and across a page break', () => {
  const root = renderPages();
  const [first, second, third] = [...root.querySelectorAll<HTMLElement>('.pdf-text-layer span')].map(
    (r) => r.firstChild!,
  );
  const within = selectionOffsets(root, select(first!, 4, first!, 9))!;
  expect(text.slice(within.start, within.end)).toBe('first');
  // From page 0's last line to page 1's first: one range, the line break between them included.
  const across = selectionOffsets(root, select(second!, 11, third!, 11))!;
  expect(text.slice(across.start, across.end)).toBe('one, which runs on to the next');
  // A drag that ends past a line's end (on the layer itself, between runs) stops where the next line begins.
  const layer = root.querySelector('.pdf-text-layer')!;
  const gap = selectionOffsets(root, select(first!, 10, layer, 1))!;
  expect(text.slice(gap.start, gap.end)).toBe('line and\n');
});

// A justified line as Chromium prints it: one PDF.js item per word, the spaces stretched between them.
const justified = 'by the Organisation for Economic Co-';
const jLine = {
  start: 100,
  end: 100 + justified.length,
  box: [51.7, 738, 286.5, 750] as [number, number, number, number],
};
const jText = ' '.repeat(100) + justified + '\noperation';
const item = (str: string, x: number, width: number) => ({ str, x, y: 740.9, width });
const jItems = [
  item('by', 51.7, 12.7),
  item(' ', 64.4, 13.5),
  item('the', 74.5, 17.2),
  item('Organisation', 101.8, 69),
  item('for', 181, 15.2),
  item('Economic', 206.3, 52.1),
  item('Co-', 268.6, 17.9),
  // The other column's line on the same baseline, and the next line down: not this line's.
  item('possible', 300, 40),
  { str: 'operation', x: 51.7, y: 726.6, width: 50 },
];

it('cuts a justified line at its printed words, word and space pieces tiling the line and its text', () => {
  const pieces = splitLine(jText, jLine, jItems)!;
  expect(pieces.map((p) => jText.slice(p.start, p.end))).toEqual([
    'by',
    ' ',
    'the',
    ' ',
    'Organisation',
    ' ',
    'for',
    ' ',
    'Economic',
    ' ',
    'Co-',
  ]);
  // Each word over its item, each space over the gap to the next word, the last word to the line's end.
  expect(pieces.map((p) => [p.box[0], p.box[2]].map((x) => Math.round(x * 10) / 10))).toEqual([
    [51.7, 64.4],
    [64.4, 74.5],
    [74.5, 91.7],
    [91.7, 101.8],
    [101.8, 170.8],
    [170.8, 181],
    [181, 196.2],
    [196.2, 206.3],
    [206.3, 258.4],
    [258.4, 268.6],
    [268.6, 286.5],
  ]);
  expect(pieces.every((p) => p.box[1] === 738 && p.box[3] === 750)).toBe(true);
  // A highlight over three of its words is one box, from the first word's print to the third's end.
  const [box, ...more] = highlightRects(flatLines(0, pieces), 0, 103, 100 + justified.indexOf('for') + 3);
  expect(more).toEqual([]);
  expect(box![0]).toBe(74.5);
  expect(box![2]).toBeCloseTo(196.2);
});

it('lays a line whole when the items do not spell its text', () => {
  expect(splitLine(jText, jLine, [item('by', 51.7, 12.7), item('these', 74.5, 20)])).toBeNull();
  expect(splitLine(jText, jLine, [item('by the Organisation for Economic Co-', 51.7, 234.8)])).toBeNull();
  // The hyphen of a word the import made whole is in the item, not in the text.
  const whole = { start: 0, end: 14, box: [0, 0, 100, 12] as [number, number, number, number] };
  const pieces = splitLine(
    'a hyphen- ated',
    whole,
    [item('a', 0, 5), item('hyphen-', 10, 50)].map((i) => ({ ...i, y: 5 })),
  );
  expect(pieces).toBeNull();
  const cut = splitLine(
    'a hyphen',
    { ...whole, end: 8 },
    [item('a', 0, 5), item('hyphen-', 10, 50)].map((i) => ({ ...i, y: 5 })),
  )!;
  expect(cut.map((p) => 'a hyphen'.slice(p.start, p.end))).toEqual(['a', ' ', 'hyphen']);
});
