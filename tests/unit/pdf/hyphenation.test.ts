// Words hyphenated at a line's end: TeX and groff break words anywhere, a browser breaks only a
// compound at its own hyphen. The document is the evidence for which it is (eval:pdf's groff
// papers lost 1.5 F1 points to "de-termine" before this).
import { describe, expect, it } from 'vitest';
import { readPages, type PdfItem } from '../../../electron/core/import/pdf/layout.js';
import { assembleText } from '../../../electron/core/import/pdf/paragraphs.js';

/** One paragraph of lines, 12 points apart, 5 points per character. */
function paragraphOf(lines: string[]): string {
  const items: PdfItem[] = [];
  lines.forEach((line, k) => {
    let x = 0;
    for (const w of line.split(' ')) {
      items.push({ str: w, x, y: 800 - k * 12, w: w.length * 5, size: 10 });
      x += (w.length + 1) * 5;
    }
  });
  const { lines: read, furniture } = readPages([{ items }]);
  return assembleText(read, furniture, 1).text;
}

const filler = Array.from({ length: 42 }, (_, k) => `filler words number ${k} of the long running text goes`);

describe('a word hyphenated at the end of a line', () => {
  it('is joined in a document whose typesetter hyphenates, even when the whole word is printed nowhere else', () => {
    const text = paragraphOf([
      ...filler,
      'an extraction and a paragraph, well and known words, then the extrac-',
      'tion of the para-',
      'graph where we de-',
      'termine that it is well-',
      'known to all',
    ]);
    expect(text).toContain('the extraction of the paragraph where we determine that');
    // Both halves are words of the document: a compound keeps its hyphen.
    expect(text).toContain('it is well-known to all');
  });

  it('keeps its hyphen in a document that breaks lines only at compounds', () => {
    const text = paragraphOf([
      ...filler,
      'a cross-border and long-term plan, then a cross-',
      'border deal and a long-',
      'term view where we de-',
      'termine nothing',
    ]);
    expect(text).toContain('a cross-border deal and a long-term view where we de-termine nothing');
  });

  it('keeps its hyphen in a short document without evidence either way', () => {
    expect(paragraphOf(['we de-', 'termine it'])).toBe('we de-termine it');
  });
});
