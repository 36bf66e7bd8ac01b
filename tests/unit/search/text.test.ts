import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { fold, termOf, tokenize } from '../../../electron/core/search/text.js';
import { makeSnippet } from '../../../electron/core/search/snippet.js';

const FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'fixtures');

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

it('finds as good a snippet in long texts by looking only around matches as by reading every word', () => {
  // The two sample articles, each query made of words that occur in them (and prefixes being typed).
  const texts = ['moscow-times-blinken-iranian-drones.txt', 'rferl-blinken-iranian-drones.txt'].map((f) =>
    readFileSync(path.join(FIXTURES, f), 'utf8'),
  );
  const marked = (snippet: string) => new Set([...snippet.matchAll(/«([^»]*)»/g)].map((m) => termOf(fold(m[1]!))));
  let compared = 0;
  let asGood = 0;
  for (const text of texts) {
    expect(text.length).toBeGreaterThan(600); // the fast path is the one under test
    const vocab = [
      ...new Set(
        tokenize(text)
          .map((t) => termOf(t.word))
          .filter((t): t is string => t !== null),
      ),
    ];
    for (let i = 0; i + 2 < vocab.length; i += 7) {
      const terms = new Set([vocab[i]!, vocab[(i * 13) % vocab.length]!, vocab[(i * 31 + 5) % vocab.length]!]);
      const fast = makeSnippet(text, terms);
      const full = makeSnippet(text, terms, 28, { exhaustive: true });
      compared++;
      // Every snippet shows at least one match, each mark is a query term, and the reader scrolls to a real match.
      expect(fast.offset).toBeGreaterThanOrEqual(0);
      for (const t of marked(fast.text)) expect(terms.has(t!)).toBe(true);
      expect(terms.has(termOf(fold(tokenize(text.slice(fast.offset))[0]!.word))!)).toBe(true);
      if (marked(fast.text).size >= marked(full.text).size) asGood++;
    }
  }
  expect(compared).toBeGreaterThan(40);
  // Windows are chosen by characters, not words, so a rare tie may fall the other way.
  expect(asGood / compared).toBeGreaterThanOrEqual(0.95);
});
