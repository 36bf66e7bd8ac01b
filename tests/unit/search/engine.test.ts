// The index on real text: the two sample articles (same story, two outlets),
// a note and a passage, as a user would search them.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { boundedDistance } from '../../../electron/core/search/expansion.js';
import { SearchIndex, type IndexDoc } from '../../../electron/core/search/search-index.js';
import { parseQuery } from '../../../electron/core/search/query.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '../../fixtures');
const read = (f: string) => readFileSync(path.join(fixtures, f), 'utf8');
const moscow = read('moscow-times-blinken-iranian-drones.txt');
const rferl = read('rferl-blinken-iranian-drones.txt');

const DOCS: IndexDoc[] = [
  {
    type: 'article',
    id: 'mt',
    title: "Russia's Use of Iranian Drones in Ukraine 'Appalling': Blinken",
    source: 'The Moscow Times',
    author: 'AFP',
    text: moscow,
    published: '2022-10-28',
    tags: ['ukraine/drones'],
    stamp: '1',
  },
  {
    type: 'article',
    id: 'rf',
    title: "Blinken Calls Russia's Use Of Iranian Drones In Ukraine 'Appalling'",
    source: 'RFE/RL',
    author: '',
    text: rferl,
    published: '2022-10-27',
    tags: ['ukraine', 'iran'],
    stamp: '1',
  },
  {
    type: 'note',
    id: 'n1',
    articleId: 'rf',
    title: 'Energy war',
    text: 'Strikes on power stations aim to leave Ukrainians without heat in winter. Compare the Moscow Times account.',
    date: '2022-11-02',
    tags: ['ukraine/energy'],
    stamp: '1',
  },
  {
    type: 'passage',
    id: 'p1',
    articleId: 'mt',
    title: "Russia's Use of Iranian Drones in Ukraine 'Appalling': Blinken",
    source: 'The Moscow Times',
    text: 'kill Ukrainian civilians and destroy the infrastructure they rely on for electricity, for water, for heat',
    indexMeta: false,
    published: '2022-10-28',
    date: '2022-10-28',
    tags: [],
    stamp: '1',
  },
  {
    type: 'note',
    id: 'n2',
    title: 'Дроны над Киевом',
    text: 'Иранские дроны «Шахед» атаковали энергетическую инфраструктуру Киева.',
    date: '2022-10-18',
    tags: [],
    stamp: '1',
  },
];

let ix: SearchIndex;
const ids = (q: string, limit = 20) => ix.search(parseQuery(q), limit).hits.map((h) => h.doc.id);

beforeEach(() => {
  ix = new SearchIndex();
  for (const d of DOCS) ix.add(d);
});

describe('ranking', () => {
  it('finds both reports of the story and ranks a title match first', () => {
    const r = ids('iranian drones ');
    expect(r.slice(0, 2).sort()).toEqual(['mt', 'rf']);
    // "Munitions" is only in RFE/RL's report, "Diwali" only in the Moscow Times'.
    expect(ids('munitions ')).toEqual(['rf']);
    expect(ids('diwali ')).toEqual(['mt']);
    // "Calls" is in RFE/RL's title: the title field outweighs a body mention.
    expect(ids('blinken calls ')[0]).toBe('rf');
  });

  it('matches other forms of a word (stemming) and ignores case and accents', () => {
    expect(ids('DRONE ')).toContain('mt');
    expect(ids('attacked ')).toEqual(expect.arrayContaining(['rf']));
  });

  it('ranks documents with more of the words first', () => {
    const r = ids('heat winter stations ');
    expect(r[0]).toBe('n1');
  });

  it('finds Cyrillic words regardless of case', () => {
    expect(ids('ДРОНЫ ')).toEqual(['n2']);
    expect(ids('шахед ')).toEqual(['n2']);
  });
});

describe('query language', () => {
  it('matches an exact phrase only where the words stand in that order', () => {
    expect(ids('"destroy the infrastructure" ').sort()).toEqual(['mt', 'p1', 'rf']);
    expect(ids('"infrastructure destroy" ')).toEqual([]);
  });

  it('drops documents with an excluded word', () => {
    expect(ids('blinken -diwali ')).toEqual(['rf']);
    expect(ids('heat -moscow ')).toEqual(['p1']);
  });

  it('completes the word being typed and corrects a typo only when a word matches nothing', () => {
    expect(ids('munitio')).toEqual(['rf']);
    expect(ids('munitio ')).toEqual([]); // a finished word is not a prefix
    expect(ids('blinkn ')).toEqual(expect.arrayContaining(['mt', 'rf']));
    expect(ids('infrastructre ').sort()).toEqual(['mt', 'p1', 'rf']);
    // "heat" exists, so it is not "corrected" into "heats" or "head".
    expect(ids('heat ').sort()).toEqual(['mt', 'n1', 'p1', 'rf']);
  });

  it('accepts either side of OR', () => {
    expect(ids('munitions OR шахед ').sort()).toEqual(['n2', 'rf']);
  });

  it('filters by tag including sub-tags, by type, source, dates and notes', () => {
    expect(ids('tag:ukraine').sort()).toEqual(['mt', 'n1', 'rf']);
    expect(ids('tag:ukraine/drones')).toEqual(['mt']);
    expect(ids('heat type:passage')).toEqual(['p1']);
    expect(ids('blinken source:moscow')).toEqual(['mt', 'p1'].filter((x) => x === 'mt'));
    expect(ids('source:"moscow times" type:passage')).toEqual(['p1']);
    expect(ids('before:2022-10-28 type:article')).toEqual(['rf']);
    expect(ids('after:2022-10-31')).toEqual(['n1']);
    expect(ids('has:notes')).toEqual(['rf']);
    expect(ids('-tag:ukraine type:note')).toEqual(['n2']);
  });

  it('lists filter-only results newest first', () => {
    expect(ids('type:note')).toEqual(['n1', 'n2']);
  });
});

describe('updates and persistence', () => {
  it('forgets the old words of an edited document and the whole of a removed one', () => {
    ix.add({ ...DOCS[1]!, text: 'Blinken spoke in Ottawa about export controls.', stamp: '2' });
    expect(ids('munitions ')).toEqual([]);
    expect(ids('export ')).toEqual(['rf']);
    ix.remove('n:n2');
    expect(ids('шахед ')).toEqual([]);
    expect(ix.size).toBe(4);
  });

  it('updates tags without reindexing the words', () => {
    ix.updateMeta('a:mt', { tags: ['archive'] });
    expect(ids('tag:ukraine/drones')).toEqual([]);
    expect(ids('drones tag:archive')).toEqual(['mt']);
  });

  it('answers the same after a save and a load, and after compaction', () => {
    ix.add({ ...DOCS[0]!, stamp: '2' }); // leaves a removed copy behind
    const queries = ['iranian drones ', '"for water" ', 'appal', 'tag:ukraine', 'blinkn ', 'has:notes'];
    const before = queries.map((q) => ids(q));
    const { index, meta } = SearchIndex.deserialize(ix.serialize({ format: 1 }));
    expect(meta).toEqual({ format: 1 });
    ix = index;
    expect(ix.deleted).toBe(1); // saved as a hole, not compacted on every save
    expect(queries.map((q) => ids(q))).toEqual(before);
    ix.compact();
    expect(ix.deleted).toBe(0);
    expect(queries.map((q) => ids(q))).toEqual(before);
    expect(queries.map((q) => ids(q))).toEqual(
      queries.map((q) =>
        SearchIndex.deserialize(ix.serialize())
          .index.search(parseQuery(q))
          .hits.map((h) => h.doc.id),
      ),
    );
  });

  it('refuses a damaged file rather than returning wrong results', () => {
    const bytes = ix.serialize();
    expect(() => SearchIndex.deserialize(bytes.subarray(0, bytes.length - 10))).toThrow();
    expect(() => SearchIndex.deserialize(Buffer.from('{"not":"an index"}'))).toThrow(/not a Scholia search index/);
  });
});

const cranfield = path.resolve(here, '../../../../shared/datasets/ir/cranfield');
describe.skipIf(!existsSync(path.join(cranfield, 'docs.jsonl')))(
  'Cranfield (skipped when ../shared/datasets is absent)',
  () => {
    it('puts a judged-relevant abstract in the top 10 for most questions', () => {
      const rows = (f: string) =>
        readFileSync(path.join(cranfield, f), 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Record<string, string>);
      const c = new SearchIndex();
      for (const d of rows('docs.jsonl'))
        c.add({ type: 'article', id: d.id!, title: d.title!, text: d.text!, stamp: '1' });
      const rel = new Map<string, Set<string>>();
      for (const r of rows('qrels.jsonl')) {
        if (Number(r.relevance) > 0) rel.set(r.query_id!, (rel.get(r.query_id!) ?? new Set()).add(r.doc_id!));
      }
      const qs = rows('queries.jsonl').slice(0, 60);
      const hit = qs.filter((q) => c.search(parseQuery(q.text!), 10).hits.some((h) => rel.get(q.id!)?.has(h.doc.id)));
      expect(hit.length / qs.length).toBeGreaterThan(0.7);
    });
  },
);

describe('typo distance', () => {
  it('counts one edit for a swapped, missing, extra or wrong letter, and gives up past the bound', () => {
    expect(boundedDistance('bilnken', 'blinken', 1)).toBe(1); // swap
    expect(boundedDistance('blinkn', 'blinken', 1)).toBe(1); // missing
    expect(boundedDistance('xblinken', 'blinken', 1)).toBe(1); // extra, at the start
    expect(boundedDistance('parliamnet', 'parliament', 2)).toBe(1);
    expect(boundedDistance('kitten', 'sitting', 2)).toBe(3); // 3 edits: beyond the bound
    expect(boundedDistance('drone', 'drone', 1)).toBe(0);
  });
});
