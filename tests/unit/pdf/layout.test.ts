// The layout rules on small synthetic pages, one rule at a time: what a PDF gives (runs of glyphs
// at positions) and the text a reader should get.
import { describe, expect, it } from 'vitest';
import { joinItems, readPages, type PdfItem } from '../../../electron/core/import/pdf/layout.js';
import { assembleText } from '../../../electron/core/import/pdf/paragraphs.js';

/** Words laid out on one baseline from x, each run `gap` points after the previous (10 pt text, 5 pt per char). */
function run(words: string[], x: number, y: number, gap: number): PdfItem[] {
  const items: PdfItem[] = [];
  for (const w of words) {
    items.push({ str: w, x, y, w: w.length * 5, size: 10 });
    x += w.length * 5 + gap;
  }
  return items;
}

const textOf = (pages: PdfItem[][]) => {
  const { lines, furniture } = readPages(pages.map((items) => ({ items })));
  return assembleText(lines, furniture, pages.length).text;
};

describe('joining text runs into words', () => {
  it('joins runs that touch (a ligature or kerning split) and spaces runs with a word gap', () => {
    expect(joinItems(run(['de', 'fi', 'cit'], 0, 0, 0))).toBe('deficit');
    expect(joinItems(run(['budget', 'deficit'], 0, 0, 3))).toBe('budget deficit');
    // A drawn space between runs is a space whatever the gap.
    expect(joinItems([...run(['a'], 0, 0, 0), { str: ' ', x: 5, y: 0, w: 0, size: 10 }, ...run(['b'], 5, 0, 0)])).toBe(
      'a b',
    );
  });
});

describe('reading order', () => {
  it('reads a two-column page column by column, a title across both first', () => {
    const items: PdfItem[] = [{ str: 'A title over both columns of the page', x: 0, y: 800, w: 400, size: 10 }];
    for (let i = 0; i < 8; i++) {
      items.push(...run([`left${i}`, 'words'], 0, 780 - i * 12, 3));
      items.push(...run([`right${i}`, 'words'], 250, 780 - i * 12, 3));
    }
    const text = textOf([items]);
    const order = ['A title', 'left0', 'left7', 'right0', 'right7'].map((w) => text.indexOf(w));
    expect(order.every((v, i) => v >= 0 && (i === 0 || v > order[i - 1]!))).toBe(true);
  });
});

describe('hyphenation at the end of a line', () => {
  const page = (first: string, second: string, elsewhere: string) => [
    ...run(first.split(' '), 0, 700, 3),
    ...run(second.split(' '), 0, 688, 3),
    ...run(elsewhere.split(' '), 0, 600, 3),
  ];
  it('joins a word the document also prints whole', () => {
    expect(textOf([page('the extrac-', 'tion works', 'every extraction counts')])).toMatch(/the extraction works/);
  });
  it('keeps a real hyphen: no evidence the joined word exists, or the document prints it hyphenated', () => {
    expect(textOf([page('a well-', 'known fact', 'nothing else here')])).toMatch(/a well-known fact/);
    expect(textOf([page('a cross-', 'source match', 'one cross-source and crosssource')])).toMatch(
      /a cross-source match/,
    );
    expect(textOf([page('said al-', 'Qaddafi today', 'nothing else')])).toMatch(/said al-Qaddafi today/);
  });
});

describe('page furniture', () => {
  it('sets aside a header repeated on every page and the page numbers, and keeps the body', () => {
    const pages = [1, 2, 3].map((n) => [
      ...run(['Journal', 'of', 'Tests', `${2020 + n}`], 0, 800, 3),
      ...run([['First', 'Second', 'Third'][n - 1]!, 'page', 'of', 'a', 'text', 'that', 'ends'], 0, 700, 3),
      ...run([['right', 'just', 'over'][n - 1]!, 'here.'], 0, 688, 3),
      ...run([`${n}`], 200, 40, 3),
    ]);
    const { lines, furniture } = readPages(pages.map((items) => ({ items })));
    const out = assembleText(lines, furniture, 3);
    expect(out.text).toBe(
      [
        'First page of a text that ends right here.',
        'Second page of a text that ends just here.',
        'Third page of a text that ends over here.',
      ].join('\n\n'),
    );
    expect(out.removed.map((r) => r.reason).sort()).toEqual([
      'page number',
      'page number',
      'page number',
      'running header',
      'running header',
      'running header',
    ]);
    expect(out.pages.map((p) => p.start)).toEqual([0, 44, 88]);
  });
});
