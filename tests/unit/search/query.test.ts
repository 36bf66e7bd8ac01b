// The search box's query language as a user types it.
import { expect, it } from 'vitest';
import { dateBound, parseQuery } from '../../../electron/core/search/query.js';

it('reads words, an exact phrase, an exclusion and filters in one query', () => {
  const q = parseQuery('Iranian "kamikaze drones" -Moscow tag:Ukraine/Drones type:passage after:2022-10-01 ');
  expect(q.groups).toEqual([
    { atoms: [{ kind: 'word', word: 'iranian', prefix: false }] },
    { atoms: [{ kind: 'phrase', words: ['kamikaze', 'drones'] }] },
    { atoms: [{ kind: 'filter', key: 'tag', value: 'ukraine/drones' }] },
    { atoms: [{ kind: 'filter', key: 'type', value: 'passage' }] },
    { atoms: [{ kind: 'filter', key: 'after', value: '2022-10-01' }] },
  ]);
  expect(q.exclude).toEqual([{ kind: 'word', word: 'moscow', prefix: false }]);
});

it('treats only the word still being typed as a prefix', () => {
  expect(parseQuery('blinken appal').groups.map((g) => g.atoms[0])).toEqual([
    { kind: 'word', word: 'blinken', prefix: false },
    { kind: 'word', word: 'appal', prefix: true },
  ]);
  // A space, a closing quote or punctuation ends the word.
  expect(parseQuery('appal ').groups[0]!.atoms[0]).toMatchObject({ prefix: false });
  expect(parseQuery('"appal"').groups[0]!.atoms[0]).toMatchObject({ prefix: false });
});

it('joins the neighbours of OR into one group of alternatives', () => {
  const q = parseQuery('drones OR missiles Kyiv');
  expect(q.groups.map((g) => g.atoms.map((a) => (a.kind === 'word' ? a.word : '?')))).toEqual([
    ['drones', 'missiles'],
    ['kyiv'],
  ]);
  // Lower-case "or" is a word (a stop word), not the operator.
  expect(parseQuery('drones or missiles ').groups).toHaveLength(3);
});

it('keeps an unclosed quote as a phrase while it is being typed', () => {
  expect(parseQuery('"shahed drones').groups[0]!.atoms[0]).toEqual({ kind: 'phrase', words: ['shahed', 'drones'] });
});

it('folds case and accents (ї → і as ü → u) and splits Cyrillic words like Latin ones', () => {
  const q = parseQuery('Zürich ДРОНЫ Україна ');
  expect(q.groups.map((g) => (g.atoms[0]!.kind === 'word' ? g.atoms[0]!.word : ''))).toEqual([
    'zurich',
    'дроны',
    'украіна',
  ]);
});

it('reads quoted filter values and leaves unknown keys as words', () => {
  const q = parseQuery('source:"Moscow Times" http://example.org ');
  expect(q.groups[0]!.atoms[0]).toEqual({ kind: 'filter', key: 'source', value: 'moscow times' });
  expect(q.groups.slice(1).map((g) => g.atoms[0]!.kind)).toEqual(['word', 'word', 'word']);
});

it('reads partial dates as the whole year or month', () => {
  expect(dateBound('2022', 'before')).toBe('2022-01-01');
  expect(dateBound('2022', 'after')).toBe('2022-12-31');
  expect(dateBound('2022-10', 'after')).toBe('2022-10-31');
  expect(dateBound('2022-10-01', 'before')).toBe('2022-10-01');
  expect(dateBound('last week', 'before')).toBeNull();
});
