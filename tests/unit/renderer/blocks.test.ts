// @vitest-environment jsdom
// The reader renders the article's structure (reader/blocks.tsx) while every paragraph
// element still maps DOM positions to canonical-text offsets (passages/dom-offsets.ts).
import { h, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { TextBlock, TextLink } from '../../../electron/core/model.js';
import { renderBlocks, type ReaderDoc } from '../../../renderer/src/reader/blocks.js';
import { elementAtOffset, pointToOffset, selectionOffsets } from '../../../renderer/src/passages/dom-offsets.js';
import type { Span } from '../../../renderer/src/shared/segments.js';

/** Builds a document the way the import does: paragraphs joined by a blank line, one block each. */
function doc(
  parts: Array<[string, Omit<TextBlock, 'start' | 'end'>?]>,
  links: Array<[string, string]> = [],
): ReaderDoc {
  const blocks: TextBlock[] = [];
  let pos = 0;
  const texts: string[] = [];
  for (const [text, shape] of parts) {
    if (shape?.kind === 'image') {
      blocks.push({ ...shape, start: pos, end: pos });
      continue;
    }
    blocks.push({ kind: 'paragraph', ...shape, start: pos, end: pos + text.length });
    texts.push(text);
    pos += text.length + 2;
  }
  const text = texts.join('\n\n');
  const l: TextLink[] = links.map(([words, href]) => ({
    start: text.indexOf(words),
    end: text.indexOf(words) + words.length,
    href,
  }));
  return { text, blocks, links: l };
}

const ARTICLE = doc(
  [
    ['Russia launched drones at the grid, officials said.'],
    ['What was hit', { kind: 'heading', level: 2 }],
    ['Power plants in Kyiv', { kind: 'list-item', ordered: false, depth: 1 }],
    ['Two substations', { kind: 'list-item', ordered: false, depth: 2 }],
    ['Water pumps', { kind: 'list-item', ordered: false, depth: 1 }],
    ['First step', { kind: 'list-item', ordered: true, depth: 1, n: 3 }],
    ['We will not be indifferent.', { kind: 'quote' }],
    ['And we mean it.', { kind: 'quote' }],
    ['City', { kind: 'cell', table: 0, row: 0, header: true }],
    ['Strikes', { kind: 'cell', table: 0, row: 0, header: true }],
    ['Kyiv', { kind: 'cell', table: 0, row: 1 }],
    ['12', { kind: 'cell', table: 0, row: 1 }],
    ['', { kind: 'image', image: 'img1', alt: 'A burning substation' }],
    ['A substation after the strike.', { kind: 'figcaption' }],
    ['let x = 1;', { kind: 'code' }],
    ['Read the full report online.'],
  ],
  [
    ['full report', 'https://www.rferl.org/a/32104.html'],
    ['officials', 'javascript:alert(1)'],
  ],
);

let host: HTMLElement;
function mount(d: ReaderDoc, spans: Span[] = [], imageSrc?: (id: string) => string | undefined): HTMLElement {
  host = document.createElement('div');
  host.className = 'reader-text';
  document.body.appendChild(host);
  render(h('div', null, renderBlocks(d, spans, { imageSrc })), host);
  return host;
}
afterEach(() => {
  render(null, host);
  host.remove();
});

const paragraphsOf = (text: string) => text.split('\n\n');

describe('renderBlocks', () => {
  it('shows headings, nested lists, numbered lists, quotes, tables, figures, code and links', () => {
    const root = mount(ARTICLE, [], (id) => (id === 'img1' ? 'data:image/png;base64,AAAA' : undefined));
    expect(root.querySelector('h2')!.textContent).toBe('What was hit');
    // Nested list: the sub-item sits inside the first item.
    const ul = root.querySelector('ul')!;
    expect([...ul.children].map((li) => li.tagName)).toEqual(['LI', 'LI']);
    expect(ul.querySelector('li > ul > li')!.textContent).toBe('Two substations');
    const ol = root.querySelector('ol')!;
    expect(ol.getAttribute('start')).toBe('3');
    expect(ol.textContent).toBe('First step');
    // Consecutive quote paragraphs are one quotation.
    expect(root.querySelectorAll('blockquote')).toHaveLength(1);
    expect(root.querySelectorAll('blockquote p')).toHaveLength(2);
    // Table rows and header cells.
    const rows = [...root.querySelectorAll('table tr')].map((tr) =>
      [...tr.children].map((c) => `${c.tagName}:${c.textContent}`),
    );
    expect(rows).toEqual([
      ['TH:City', 'TH:Strikes'],
      ['TD:Kyiv', 'TD:12'],
    ]);
    // The image with its caption is one figure, its src the stored image's data URL.
    const fig = root.querySelector('figure')!;
    expect(fig.querySelector('img')!.getAttribute('src')).toBe('data:image/png;base64,AAAA');
    expect(fig.querySelector('img')!.getAttribute('alt')).toBe('A burning substation');
    expect(fig.querySelector('figcaption')!.textContent).toBe('A substation after the strike.');
    expect(root.querySelector('pre')!.textContent).toBe('let x = 1;');
    // One link: the http(s) one, its target shown, opened outside the app; the javascript: one is plain text.
    const links = [...root.querySelectorAll('a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href'), a.title, a.target, a.rel])).toEqual([
      [
        'full report',
        'https://www.rferl.org/a/32104.html',
        'https://www.rferl.org/a/32104.html',
        '_blank',
        'noopener noreferrer',
      ],
    ]);
  });

  it('keeps one element per paragraph whose text is exactly the paragraph, at its offset', () => {
    const root = mount(ARTICLE);
    const els = [...root.querySelectorAll<HTMLElement>('[data-start]')];
    let pos = 0;
    const expected = paragraphsOf(ARTICLE.text).map((t) => {
      const e = { start: pos, text: t };
      pos += t.length + 2;
      return e;
    });
    expect(els.map((e) => ({ start: Number(e.dataset.start), text: e.textContent }))).toEqual(expected);
  });

  it('draws a highlight across a heading and a list item, and a selection there maps back to it', () => {
    const start = ARTICLE.text.indexOf('was hit');
    const end = ARTICLE.text.indexOf('Power plants') + 'Power plants'.length;
    const root = mount(ARTICLE, [{ id: 'p1', start, end, color: 'green' }]);
    const marks = [...root.querySelectorAll('mark')];
    expect(marks.map((m) => [m.closest('[data-start]')!.tagName, m.textContent])).toEqual([
      ['H2', 'was hit'],
      ['P', 'Power plants'],
    ]);
    expect(marks[1]!.closest('li')).not.toBeNull();
    // The user selects the same words: from inside the heading to inside the list item.
    const range = document.createRange();
    range.setStart(marks[0]!.firstChild!, 0);
    range.setEnd(marks[1]!.firstChild!, 'Power plants'.length);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    expect(selectionOffsets(root, sel)).toEqual({ start, end });
  });

  it('maps points between paragraph elements (list, table row, figure) to the nearest paragraph edge', () => {
    const root = mount(ARTICLE);
    const ul = root.querySelector('ul')!;
    expect(pointToOffset(root, ul, 0)).toBe(ARTICLE.text.indexOf('Power plants'));
    const tr = root.querySelectorAll('tr')[1]!;
    expect(pointToOffset(root, tr, 1)).toBe(ARTICLE.text.indexOf('\n\n12') + 2);
    const wrapper = root.firstElementChild!;
    expect(pointToOffset(root, wrapper, wrapper.childNodes.length)).toBe(ARTICLE.text.length);
    expect(elementAtOffset(root, ARTICLE.text.indexOf('Strikes') + 3)!.textContent).toBe('Strikes');
    // A point inside a link counts the link's characters too.
    const a = root.querySelector('a')!;
    expect(pointToOffset(root, a.firstChild!, 4)).toBe(ARTICLE.text.indexOf('full report') + 4);
  });

  it('renders plain paragraphs for an article without structure, and ignores a block that no longer fits', () => {
    const old = { text: 'One.\n\nTwo words.\n\nThree.' };
    const root = mount(old);
    expect(
      [...root.querySelectorAll('[data-start]')].map((e) => `${e.tagName}@${(e as HTMLElement).dataset.start}`),
    ).toEqual(['P@0', 'P@6', 'P@18']);
    render(null, host);
    host.remove();
    // A heading block whose end is off (the text changed under it) is not trusted.
    const stale = { text: old.text, blocks: [{ kind: 'heading' as const, level: 2, start: 6, end: 9 }] };
    const root2 = mount(stale);
    expect(root2.querySelector('h2')).toBeNull();
    expect(root2.querySelectorAll('p')).toHaveLength(3);
  });

  it('never points an image at the network: without a stored image there is a labelled placeholder', () => {
    const root = mount(ARTICLE);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('figure [role="img"]')!.getAttribute('aria-label')).toBe('A burning substation');
  });
});
