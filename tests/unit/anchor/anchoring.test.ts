// Anchoring on real texts: a few cases copied inline from the upstream fixtures
// (../shared/datasets/anchoring, whose licences are kept there) and from the
// two sample articles in tests/fixtures.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { anchor, approximateMatches, describeSelection } from '../../../electron/core/anchor/anchoring.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');
const moscow = readFileSync(path.join(fixtures, 'moscow-times-blinken-iranian-drones.txt'), 'utf8');
const PASSAGE =
  'kill Ukrainian civilians and destroy the infrastructure they rely on for electricity, for water, for heat';

// hypothesis/client match-quote-test.js (BSD-2-Clause), whitespace-normalised.
const TWO_CITIES =
  'It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity, it was the season of Light, it was the season of Darkness, it was the spring of hope, it was the winter of despair, we had everything before us, we had nothing before us, we were all going direct to Heaven, we were all going direct the other way.';
const SOLITUDE =
  'Many years later, as he faced the firing squad, Colonel Aureliano Buendía was to remember that distant afternoon when his father took him to discover ice';
// tilgovi/dom-anchor-text-quote test fixture text (MIT), as textContent.
const LOREM =
  'Pellentesque habitant morbi tristique senectus et netus et\n  malesuada fames ac turpis egestas. Vestibulum tortor quam, feugiat vitae,\n  ultricies eget, tempor sit amet, ante. Donec eu libero sit amet quam egestas\n  semper. Aenean ultricies mi vitae est. Mauris placerat eleifend\n  leo. Quisque sit amet est et sapien ullamcorper pharetra. Vestibulum erat\n  wisi, condimentum sed, commodo vitae, ornare sit amet,\n  wisi. Aenean fermentum, elit eget tincidunt condimentum, eros ipsum rutrum\n  orci, sagittis tempus lacus enim ac dui. Donec non enim in\n  turpis pulvinar facilisis. Ut felis.';

const at = (text: string, r: { start: number; end: number } | null): string | null =>
  r ? text.slice(r.start, r.end) : null;

describe('describeSelection', () => {
  it('keeps 32 characters of context on each side, as the W3C selectors in the wild do', () => {
    const start = LOREM.indexOf('commodo vitae');
    const sel = describeSelection(LOREM, start, start + 'commodo vitae'.length);
    expect(sel.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'commodo vitae',
      prefix: 'm erat\n  wisi, condimentum sed, ',
      suffix: ', ornare sit amet,\n  wisi. Aenea',
    });
    expect(sel.position).toEqual({ type: 'TextPositionSelector', start, end: start + 13 });
  });

  it('refuses an empty or out-of-range span', () => {
    expect(() => describeSelection('abc', 2, 2)).toThrow(RangeError);
    expect(() => describeSelection('abc', 1, 9)).toThrow(RangeError);
  });
});

describe('anchor', () => {
  it('disambiguates a repeated quote by its prefix, even a misspelt one', () => {
    expect(anchor(TWO_CITIES, { quote: { exact: 'before us', prefix: 'we had every-thing' } })?.start).toBe(305);
    expect(anchor(TWO_CITIES, { quote: { exact: 'before us', prefix: 'we had nout' } })?.start).toBe(331);
    expect(anchor(TWO_CITIES, { quote: { exact: 'we had', suffix: 'nutting' } })?.start).toBe(316);
  });

  it('breaks ties between equally good matches by the position hint', () => {
    expect(anchor(TWO_CITIES, { quote: { exact: 'befor us' } }, { hint: 331 })?.start).toBe(331);
    expect(anchor(TWO_CITIES, { quote: { exact: 'befor us' } }, { hint: 305 })?.start).toBe(305);
  });

  it('finds an approximate quote and scores it below an exact one', () => {
    const r = anchor(SOLITUDE, { quote: { exact: 'some years later' } });
    expect(at(SOLITUDE, r)).toBe('Many years later');
    expect(r?.state).toBe('fuzzy');
    expect(r!.score).toBeLessThan(anchor(SOLITUDE, { quote: { exact: 'Many years later' } })!.score);
    expect(at(LOREM, anchor(LOREM, { quote: { exact: 'commodo cites' } }))).toBe('commodo vitae');
  });

  it('refuses a long quote whose middle was rewritten, though its ends still match', () => {
    expect(anchor(LOREM, { quote: { exact: 'Quisque sit amet est et sapien ullam triceracorn' } })).toBeNull();
    expect(anchor(TWO_CITIES, { quote: { exact: SOLITUDE } })).toBeNull();
  });

  it('finds the sample passage again after a sentence is inserted before it', () => {
    const start = moscow.indexOf(PASSAGE);
    expect(start).toBeGreaterThan(0);
    const sel = describeSelection(moscow, start, start + PASSAGE.length);
    const edited = moscow.slice(0, start - 200) + 'A sentence the user added. ' + moscow.slice(start - 200);
    const r = anchor(edited, sel);
    expect(r?.state).toBe('anchored');
    expect(r?.start).toBe(start + 'A sentence the user added. '.length);
  });

  it('follows a typo fix inside the passage (fuzzy) and orphans it when its text is deleted', () => {
    const start = moscow.indexOf(PASSAGE);
    const sel = describeSelection(moscow, start, start + PASSAGE.length);
    const fixed = moscow.replace('for electricity', 'for electrcity');
    const r = anchor(fixed, sel);
    expect(r?.state).toBe('fuzzy');
    expect(at(fixed, r)).toBe(PASSAGE.replace('electricity', 'electrcity'));
    expect(anchor(moscow.replace(PASSAGE, ''), sel)).toBeNull();
  });

  it('does not jump to the same short word in another paragraph when its own paragraph is gone', () => {
    const text = 'First paragraph says evasive once.\n\nSecond paragraph calls her evasive, and asks why.';
    const start = text.lastIndexOf('evasive');
    const sel = describeSelection(text, start, start + 7);
    const edited = 'First paragraph says evasive once.';
    expect(anchor(edited, sel)).toBeNull();
    // A bare quote from outside (no position) still finds the word.
    expect(at(edited, anchor(edited, { quote: sel.quote }))).toBe('evasive');
  });
  it('keeps an edited quotation in its place when the article repeats it word for word elsewhere', () => {
    // BASIL (news/basil) articles quote the same sentence twice: in the lead and further down.
    const q = 'Americans don’t believe their leaders in Washington are listening and now is the time to change that.';
    const text = `He said it plainly on the trail.\n\n${q}\n\nAnd it upends the June 19 vote.\n\nLater, in a statement: “${q}”`;
    const start = text.indexOf(q);
    const sel = describeSelection(text, start, start + q.length);
    const edited = text.replace(`\n\n${q}\n\n`, `\n\n${q.replace('their ', '')}\n\n`);
    const r = anchor(edited, sel);
    expect(r?.state).toBe('fuzzy');
    expect(r?.start).toBe(start);
  });
});

describe('approximateMatches', () => {
  // robertknight/approx-string-match-js test cases (MIT).
  it('returns the lowest-error matches with their error counts', () => {
    expect(approximateMatches('three blind mice', 'bliind', 6)).toEqual([{ start: 6, end: 11, errors: 1 }]);
    expect(approximateMatches('foursquare andseven', 'four square and seven', 21)).toEqual([
      { start: 0, end: 19, errors: 2 },
    ]);
    expect(approximateMatches('four candles', 'foouur', 1)).toEqual([]);
    expect(approximateMatches('', 'foo', 0)).toEqual([]);
    expect(approximateMatches('foo', '', 0)).toEqual([]);
  });
});
