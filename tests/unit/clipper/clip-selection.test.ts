// Placing a selection made on a web page onto the article Scholia kept of it
// (electron/clip-selection.ts): the same words with other white space.
import { describe, expect, it } from 'vitest';
import { collapseSpace, placeSelection } from '../../../electron/clip-selection.js';

const TEXT = [
  'When the Riverside tram line opened in the spring, the council promised shorter commutes.',
  'What the line replaced',
  'Route 9, along the embankment',
  'Route 12, the night service, which still runs',
  'The council will decide whether to extend the line past the hospital.',
].join('\n\n');

describe('collapseSpace', () => {
  it('maps every kept character back to its offset', () => {
    const original = '  a \n\n b\u00a0\tc\u00adde  ';
    const { text, map } = collapseSpace(original);
    expect(text).toBe('a b cde');
    expect([...text].map((ch, i) => (ch === ' ' ? ' ' : original[map[i]!]))).toEqual([...text]);
  });
});

describe('placeSelection', () => {
  it('finds the words across a paragraph gap the page rendered as one line break', () => {
    const placed = placeSelection(TEXT, {
      exact: 'embankment\nRoute 12',
      prefix: 'Route 9, along the ',
      suffix: ', the night',
    });
    expect(placed).not.toBeNull();
    expect(TEXT.slice(placed!.start, placed!.end)).toBe('embankment\n\nRoute 12');
    expect(placed!.state).toBe('anchored');
  });

  it('tells repeated words apart by their context', () => {
    const first = placeSelection(TEXT, { exact: 'the line', prefix: 'What ', suffix: ' replaced' })!;
    const last = placeSelection(TEXT, { exact: 'the line', prefix: 'whether to extend ', suffix: ' past the' })!;
    expect(first.start).toBe(TEXT.indexOf('the line replaced'));
    expect(last.start).toBe(TEXT.indexOf('the line past'));
  });

  it('ignores soft hyphens and non-breaking spaces the page had', () => {
    const placed = placeSelection(TEXT, { exact: 'night\u00a0ser\u00advice', prefix: '', suffix: '' })!;
    expect(TEXT.slice(placed.start, placed.end)).toBe('night service');
  });

  it('answers null for words that are not there, or for white space only', () => {
    expect(placeSelection(TEXT, { exact: 'Subscribe to our newsletter for more', prefix: '', suffix: '' })).toBeNull();
    expect(placeSelection(TEXT, { exact: ' \n\t', prefix: '', suffix: '' })).toBeNull();
  });
});
