// Highlights render in place when they overlap or cross paragraph boundaries.
import { describe, expect, it } from 'vitest';
import { segmentParagraph } from '../../../renderer/src/shared/segments.js';
import { passageLink } from '../../../renderer/src/passages/colors.js';

const TEXT = 'Russia has used the drones to kill civilians.\n\nIt is appalling, Blinken said.';
const paras = (() => {
  let pos = 0;
  return TEXT.split('\n\n').map((t) => {
    const p = { start: pos, text: t };
    pos += t.length + 2;
    return p;
  });
})();

describe('segmentParagraph', () => {
  it('splits a paragraph at overlapping highlights, covering each run with the right highlights', () => {
    const a = { id: 'a', start: TEXT.indexOf('used'), end: TEXT.indexOf('kill') + 4, color: 'yellow' };
    const b = { id: 'b', start: TEXT.indexOf('drones'), end: TEXT.indexOf('civilians') + 9, color: 'green' };
    const segs = segmentParagraph(paras[0]!.start, paras[0]!.text, [a, b]);
    expect(segs.map((s) => s.text).join('')).toBe(paras[0]!.text);
    expect(segs.map((s) => [s.text, s.spans.map((x) => x.id).join('+')])).toEqual([
      ['Russia has ', ''],
      ['used the ', 'a'],
      ['drones to kill', 'a+b'],
      [' civilians', 'b'],
      ['.', ''],
    ]);
  });

  it('clips a highlight that crosses a paragraph boundary into each paragraph', () => {
    const h = { id: 'h', start: TEXT.indexOf('civilians'), end: TEXT.indexOf('appalling') + 9, color: 'blue' };
    const first = segmentParagraph(paras[0]!.start, paras[0]!.text, [h]);
    const second = segmentParagraph(paras[1]!.start, paras[1]!.text, [h]);
    expect(first.filter((s) => s.spans.length).map((s) => s.text)).toEqual(['civilians.']);
    expect(second.filter((s) => s.spans.length).map((s) => s.text)).toEqual(['It is appalling']);
  });
});

describe('passageLink', () => {
  it('is plain Markdown that escapes brackets in the quote and names the outlet', () => {
    expect(passageLink('p_1', 'a [bracketed] quote', 'RFE/RL')).toBe(
      '[“a \\[bracketed\\] quote” (RFE/RL)](scholia://passage/p_1)',
    );
  });
});
