// The precision guard of cross-source pairs on real news (six BASIL events, three outlets each, picked
// because the plain matcher paired them across events: a senator's name and title, "a wall on the
// southern border", "use of a private email system while secretary of state"), measured against the
// plain 8-word-shingle baseline in the same run; and boilerplate an article set aside is no evidence.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { createCoreContext } from '../../../electron/core/context.js';
import { createCrossrefService } from '../../../electron/core/crossref/service.js';
import { tokenize } from '../../../electron/core/crossref/tokens.js';
import type { ArticleBody, ArticleMeta } from '../../../electron/core/model.js';
import type { LibraryStore } from '../../../electron/core/store/types.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');

interface Row {
  id: string;
  title: string;
  source: string;
  date: string;
  event_id: string;
  text: string;
  removed?: string[];
}

function library(rows: Row[]) {
  const metas = new Map<string, ArticleMeta>();
  const bodies = new Map<string, ArticleBody>();
  for (const r of rows) {
    metas.set(r.id, {
      id: r.id,
      title: r.title,
      source: r.source,
      author: '',
      published: r.date,
      url: '',
      lang: 'en',
      tags: [],
      words: 0,
      format: 'txt',
      origin: r.id,
      contentHash: String(r.text.length),
      addedAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    });
    const removed = (r.removed ?? []).map((text, i) => ({ id: `r${i}`, text, reason: 'donation appeal', at: 0 }));
    bodies.set(r.id, { id: r.id, text: r.text, removed, original: r.text, html: '' });
  }
  const store: Partial<LibraryStore> = {
    dir: '/memory',
    listArticles: () => [...metas.values()],
    getArticleMeta: (id) => metas.get(id),
    getArticleBody: async (id) => bodies.get(id),
    listPassages: () => [],
    getPassage: () => undefined,
  };
  return createCrossrefService(createCoreContext({ store: store as LibraryStore, mode: 'cli' }));
}

const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

async function reportedPairs(rows: Row[]): Promise<Set<string>> {
  const crossref = library(rows);
  const out = new Set<string>();
  for (const r of rows)
    for (const s of await crossref.sharedPassages(r.id)) for (const m of s.matches) out.add(key(r.id, m.articleId));
  return out;
}

function baselinePairs(rows: Row[]): Set<string> {
  const shingles = rows.map((r) => {
    const n = tokenize(r.text).map((t) => t.norm);
    return new Set(n.slice(0, Math.max(0, n.length - 7)).map((_, i) => n.slice(i, i + 8).join(' ')));
  });
  const out = new Set<string>();
  for (let i = 0; i < rows.length; i++)
    for (let j = i + 1; j < rows.length; j++)
      if ([...shingles[i]!].some((s) => shingles[j]!.has(s))) out.add(key(rows[i]!.id, rows[j]!.id));
  return out;
}

it('reports same-event pairs of outlets, and far fewer cross-event pairs than plain shingles', async () => {
  const rows = readFileSync(path.join(fixtures, 'crossref-basil-sample.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Row);
  const event = new Map(rows.map((r) => [r.id, r.event_id]));
  const same = (k: string) => {
    const [a, b] = k.split('|') as [string, string];
    return event.get(a) === event.get(b);
  };
  const ours = [...(await reportedPairs(rows))];
  const base = [...baselinePairs(rows)];
  const precision = (ps: string[]) => ps.filter(same).length / ps.length;
  const truth = 6 * 3;
  console.log(`baseline ${base.filter(same).length}/${base.length}, ours ${ours.filter(same).length}/${ours.length}`);
  expect(base.filter((k) => !same(k)).length).toBeGreaterThanOrEqual(3);
  expect(precision(ours)).toBeGreaterThanOrEqual(0.97);
  expect(precision(ours)).toBeGreaterThan(precision(base));
  // Recall held: at least as many same-event pairs as the baseline finds, and at least a quarter of all.
  expect(ours.filter(same).length).toBeGreaterThanOrEqual(base.filter(same).length);
  expect(ours.filter(same).length / truth).toBeGreaterThanOrEqual(0.25);
});

it('does not pair two articles on a passage that another article set aside as boilerplate', async () => {
  const appeal =
    'We urge you to support our independent newsroom today, because every contribution, however small, keeps our reporters in the field and our journalism free for all readers';
  const story = (n: number, lead: string) => `${lead}\n\n${appeal}.\n\nNo agreement was reached on item ${n}.`;
  const rows: Row[] = [
    {
      id: 'a',
      title: 'A',
      source: 'Outlet A',
      date: '2022-01-01',
      event_id: 'x',
      text: story(1, 'The harbour reopened after the storm, and the ferries ran again by noon.'),
    },
    {
      id: 'b',
      title: 'B',
      source: 'Outlet B',
      date: '2022-01-01',
      event_id: 'y',
      text: story(2, 'A wildfire near the forest village was contained overnight by volunteers.'),
    },
  ];
  // Without the set-aside copy the appeal pairs them...
  expect((await reportedPairs(rows)).has(key('a', 'b'))).toBe(true);
  // ...with it, the library knows the appeal for boilerplate and the pair is not evidence.
  const c: Row = {
    id: 'c',
    title: 'C',
    source: 'Outlet A',
    date: '2022-02-01',
    event_id: 'z',
    text: 'Unrelated.',
    removed: [appeal],
  };
  const pairs = await reportedPairs([...rows, c]);
  expect(pairs.has(key('a', 'b'))).toBe(false);
});
