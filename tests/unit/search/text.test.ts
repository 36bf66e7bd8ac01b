import { expect, it } from 'vitest';
import { fold, termOf, tokenize } from '../../../electron/core/search/text.js';
import { makeSnippet } from '../../../electron/core/search/snippet.js';

it('gives the same term to the forms of a word and none to function words', () => {
  expect(termOf('drones')).toBe(termOf('drone'));
  expect(termOf('attacks')).toBe(termOf('attacked'));
  expect(termOf('the')).toBeNull();
  expect(termOf("russia's")).toBe(termOf('russia'));
});

it('tokenizes Cyrillic, accented and apostrophised words with their offsets', () => {
  const text = 'Блинкен назвал «ужасающим» — Zürich’s café';
  expect(tokenize(text).map((t) => [t.word, text.slice(t.start, t.end)])).toEqual([
    ['блинкен', 'Блинкен'],
    ['назвал', 'назвал'],
    ['ужасающим', 'ужасающим'],
    ["zurich's", 'Zürich’s'],
    ['cafe', 'café'],
  ]);
  expect(fold('Ёлка')).toBe('елка');
});

it('cuts a snippet where the words cluster and marks them', () => {
  const text =
    'The ministry said nothing. Later, officials confirmed that Iranian-made drones struck power stations in Kyiv. ' +
    'Repairs will take weeks.';
  const s = makeSnippet(text, new Set([termOf('iranian')!, termOf('drones')!]), 8);
  expect(s.text).toContain('«Iranian»-made «drones»');
  expect(text.slice(s.offset, s.offset + 7)).toBe('Iranian');
  // Guillemets in the text never pass for highlights.
  const ru = makeSnippet('Он назвал «ужасающим» удары', new Set(['ужасающим']));
  expect(ru.text).toBe('Он назвал ‹«ужасающим»› удары');
});
