// @vitest-environment jsdom
// Footnotes, captions and the reference list of a PDF are kept in the text and marked as such
// (blocks of kind footnote / caption / reference), and the reader shows them apart: on a real
// paper printed by Chromium (tests/fixtures/pdf/paper.pdf, with paper.json saying what was
// printed as what), and on small synthetic pages, one rule at a time.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { render } from 'preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { readLayout, type PdfLayout } from '../../../electron/core/import/pdf/extract.js';
import { readPages, type PdfItem } from '../../../electron/core/import/pdf/layout.js';
import { assembleText } from '../../../electron/core/import/pdf/paragraphs.js';
import { pageAt } from '../../../electron/core/pages.js';
import { renderBlocks } from '../../../renderer/src/reader/blocks.js';

const dir = path.resolve(import.meta.dirname, '../../fixtures/pdf');
const printed = JSON.parse(readFileSync(path.join(dir, 'paper.json'), 'utf8')) as { part: string; text: string }[];
const words = (s: string) => (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

let paper: PdfLayout;
beforeAll(async () => {
  paper = await readLayout(new Uint8Array(readFileSync(path.join(dir, 'paper.pdf'))), 'paper.pdf');
});

const blocksOf = (kind: string) =>
  paper.text.blocks.filter((b) => b.kind === kind).map((b) => paper.text.text.slice(b.start, b.end));

describe('a printed paper: what is marked', () => {
  it('marks every footnote, caption and reference entry printed, each as one block, and nothing else', () => {
    for (const kind of ['footnote', 'caption', 'reference']) {
      const want = printed.filter((p) => p.part === kind).map((p) => words(p.text));
      expect(want.length).toBeGreaterThan(1);
      expect(blocksOf(kind).map(words)).toEqual(want);
    }
    // Body paragraphs stay paragraphs: none of them is marked.
    const marked = new Set(['footnote', 'caption', 'reference'].flatMap(blocksOf).map(words));
    for (const body of printed.filter((p) => p.part === 'body')) expect(marked.has(words(body.text))).toBe(false);
  });

  it('keeps the text whole: blocks only say what each paragraph is', () => {
    const { text, blocks } = paper.text;
    const paragraphs = text.split('\n\n');
    expect(blocks.map((b) => text.slice(b.start, b.end))).toEqual(paragraphs);
    // Every printed word is in the text, footnotes and references included.
    const all = words(text);
    for (const p of printed) expect(all).toContain(words(p.text).split(' ').slice(0, 8).join(' '));
  });

  it('moves a footnote out of the paragraph it interrupts, to the end of that paragraph on its own page', () => {
    const { text, blocks, pages } = paper.text;
    const note = blocks.find((b) => b.kind === 'footnote')!;
    const before = blocks[blocks.indexOf(note) - 1]!;
    // The paragraph runs from the foot of the left column into the right one, the footnote
    // between the two on the page; in the text it is one paragraph, the footnote after it.
    const interrupted = printed.find((p) => p.part === 'body' && p.text.startsWith('In a recent contribution'))!;
    expect(words(text.slice(before.start, before.end))).toBe(words(interrupted.text));
    expect(text.slice(note.start, note.end)).toMatch(/^1 Analytic solutions/);
    expect(pageAt(pages, note.start)?.index).toBe(1);
  });

  it('keeps each footnote mark with its sentence', () => {
    expect(paper.text.text).toContain('incompressible fluid is considered.1 Solutions for the');
  });
});

describe('the same paper typeset by groff (hyphenation, footnotes set by the macros, hung reference labels)', () => {
  let groff: PdfLayout;
  beforeAll(async () => {
    groff = await readLayout(new Uint8Array(readFileSync(path.join(dir, 'paper-groff.pdf'))), 'paper-groff.pdf');
  });
  const of = (kind: string) =>
    groff.text.blocks.filter((b) => b.kind === kind).map((b) => words(groff.text.text.slice(b.start, b.end)));

  it('marks each reference entry whole', () => {
    expect(of('reference')).toEqual(printed.filter((p) => p.part === 'reference').map((p) => words(p.text)));
  });

  it('marks every footnote and caption', () => {
    expect(of('footnote')).toEqual(printed.filter((p) => p.part === 'footnote').map((p) => words(p.text)));
    expect(of('caption')).toEqual(printed.filter((p) => p.part === 'caption').map((p) => words(p.text)));
  });

  it('joins words groff hyphenated at a line end, and keeps compounds', () => {
    expect(groff.text.text).toContain('in order to determine the spanwise distribution');
    expect(groff.text.text).not.toMatch(/\bde-termine/);
    expect(groff.text.text).toContain('two-dimensional');
  });
});

describe('a printed paper: what the reader shows', () => {
  it('shows footnotes as labelled notes, captions labelled, references as a list, with every paragraph at its offset', () => {
    const root = document.createElement('div');
    root.className = 'reader-text';
    render(renderBlocks(paper.text, []), root);
    const notes = [...root.querySelectorAll('[role="note"][aria-label="Footnotes"] p.reader-footnote')];
    expect(notes.map((n) => n.textContent)).toEqual(blocksOf('footnote').filter((_, i) => i < notes.length));
    expect(notes.length).toBeGreaterThanOrEqual(3);
    const captions = [...root.querySelectorAll('p.reader-caption[aria-label="Caption"]')].map((c) => c.textContent);
    expect(captions).toEqual(blocksOf('caption'));
    const list = root.querySelectorAll('ul[aria-label="References"]');
    expect(list).toHaveLength(1);
    const entries = [...list[0]!.querySelectorAll(':scope > li:not(.reader-footnote-item) > p')].map(
      (p) => p.textContent,
    );
    expect(entries).toEqual(blocksOf('reference'));
    // The rule passages depend on: each paragraph element holds exactly its text, at its offset.
    for (const el of root.querySelectorAll<HTMLElement>('[data-start]')) {
      const start = Number(el.dataset.start);
      expect(el.textContent).toBe(paper.text.text.slice(start, start + el.textContent!.length));
    }
    expect(root.querySelectorAll('[data-start]')).toHaveLength(paper.text.text.split('\n\n').length);
  });
});

/** Words on one baseline from x (5 points per character at `size`). */
function run(text: string, x: number, y: number, size = 10): PdfItem[] {
  const items: PdfItem[] = [];
  for (const w of text.split(' ')) {
    items.push({ str: w, x, y, w: w.length * 0.5 * size, size });
    x += (w.length + 1) * 0.5 * size;
  }
  return items;
}

const assemble = (items: PdfItem[]) => {
  const { lines, furniture } = readPages([{ items }]);
  const t = assembleText(lines, furniture, 1);
  return t.blocks.map((b) => [b.kind, t.text.slice(b.start, b.end)]);
};

describe('the marking rules, one at a time', () => {
  const body = (from: number, n: number) =>
    Array.from({ length: n }, (_, k) => run(`body line ${k} of the text and more words here`, 0, from - k * 12)).flat();

  it('a raised small number at a column foot starts a footnote; the same number in body type does not', () => {
    const items = [
      ...body(700, 8),
      { str: '1', x: 0, y: 604.5, w: 3, size: 6 },
      ...run('See the appendix for details.', 4, 600, 8),
    ];
    expect(assemble(items).at(-1)).toEqual(['footnote', '1 See the appendix for details.']);
    const plain = [...body(700, 8), ...run('1 See the appendix for details.', 0, 604)];
    expect(assemble(plain).some(([k]) => k === 'footnote')).toBe(false);
  });

  it('small code at the foot of a page is not a footnote', () => {
    const items = [...body(700, 8), ...run('*foo* and _bar_', 0, 600, 8)];
    expect(assemble(items).some(([k]) => k === 'footnote')).toBe(false);
  });

  it('a caption has its label and punctuation: "Figure 3." is one, "Figure 3 shows" is body', () => {
    const items = [...body(700, 4), ...run('Figure 3. Pressure on the wing.', 0, 640), ...body(620, 3)];
    expect(assemble(items)).toContainEqual(['caption', 'Figure 3. Pressure on the wing.']);
    const prose = [...body(700, 4), ...run('Figure 3 shows the pressure on the wing.', 0, 640), ...body(620, 3)];
    expect(assemble(prose).some(([k]) => k === 'caption')).toBe(false);
  });

  it('a reference label hung out into the gutter stays with its column', () => {
    const items: PdfItem[] = [];
    for (let k = 0; k < 10; k++) {
      items.push(...run(`left column line ${k} words`, 0, 700 - k * 12));
      if (k !== 4) items.push(...run(`right column line ${k} words`, 262, 700 - k * 12));
    }
    // groff's .IP sets a label wider than its indent out to the left of the column.
    items.push(...run('[17]', 236, 652), ...run('K. Author. A title.', 262, 652));
    const { lines } = readPages([{ items }]);
    expect(lines.find((l) => l.text.includes('[17]'))).toMatchObject({ text: '[17] K. Author. A title.', column: 1 });
  });

  it('after a References heading each numbered entry is one reference, however many lines', () => {
    const items = [
      ...body(700, 4),
      ...run('References', 0, 640, 13),
      ...run('[1] A. Author. A title that runs on', 0, 620),
      ...run('over two lines. J. Ae. Scs. 25, 1958.', 12, 608),
      ...run('[2] B. Author. Short. 1957.', 0, 596),
      ...run('[3] C. Author. Another one. J. Ae.', 0, 584),
      ...run('Scs. 26, 1959, 314.', 12, 572),
    ];
    const blocks = assemble(items);
    expect(blocks.filter(([k]) => k === 'reference')).toEqual([
      ['reference', '[1] A. Author. A title that runs on over two lines. J. Ae. Scs. 25, 1958.'],
      ['reference', '[2] B. Author. Short. 1957.'],
      ['reference', '[3] C. Author. Another one. J. Ae. Scs. 26, 1959, 314.'],
    ]);
    expect(blocks).toContainEqual(['heading', 'References']);
  });
});
