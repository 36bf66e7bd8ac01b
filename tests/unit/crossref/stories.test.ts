// Stories across outlets through the real core: the two sample outlets and a third report of the same
// event (tests/fixtures/wire-desk-…) are proposed as one story, confirmed, searched with story:, shown
// (timeline, quote matrix with speakers, what each outlet adds, word diffs), split, merged and exported;
// typed links between highlights are listed from both ends and found by has:contradictions.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');
const FILES = [
  'moscow-times-blinken-iranian-drones.txt',
  'rferl-blinken-iranian-drones.txt',
  'wire-desk-blinken-iranian-drones.html',
];
const DRONES = 'kill Ukrainian civilians and destroy the infrastructure';

let dir: string;
let core: Core;
let mt: string;
let rfe: string;
let wire: string;
let unrelated: string;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-stories-'));
  core = await openCore({ libraryDir: path.join(dir, 'library'), mode: 'cli' });
  const results = await core.api.importFiles([
    ...FILES.map((name) => ({ name, dataBase64: readFileSync(path.join(fixtures, name)).toString('base64') })),
    {
      name: 'tram.txt',
      dataBase64: Buffer.from(
        'Riverside tram line reopens\n\nThe riverside tram line reopened on Monday after three months of track repairs, the city transport office said.',
      ).toString('base64'),
    },
  ]);
  [mt, rfe, wire, unrelated] = results.map((r) => r.id!) as [string, string, string, string];
  await core.api.updateArticle(mt, { published: '2022-10-27' });
  await core.api.updateArticle(rfe, { published: '2022-10-27T18:00:00Z' });
});

afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

it('proposes the three outlets as one story, and not the unrelated article', async () => {
  const proposals = await core.api.proposeStories();
  expect(proposals).toHaveLength(1);
  expect(new Set(proposals[0]!.articleIds)).toEqual(new Set([mt, rfe, wire]));
  expect(proposals[0]!.articleIds).not.toContain(unrelated);
  // Confirmed, it is no longer proposed, and story: finds its articles only.
  const story = await core.api.saveStory({ name: 'Iranian drones', articleIds: proposals[0]!.articleIds });
  expect(await core.api.proposeStories()).toEqual([]);
  expect((await core.api.listStories()).map((s) => [s.name, s.count])).toEqual([['Iranian drones', 3]]);
  const found = await core.api.search('story:drones type:article', { limit: 50 });
  expect(new Set(found.map((r) => r.id))).toEqual(new Set([mt, rfe, wire]));
  expect(await core.api.search('story:tram')).toEqual([]);
  await expect(core.api.saveStory({ id: story.id, name: '  ', articleIds: [mt] })).rejects.toThrow(/needs a name/);
});

it('shows the story: timeline, quotes with speakers and outlets, what each adds, word diffs', async () => {
  const story = await core.api.saveStory({ name: 'Iranian drones', articleIds: [wire, rfe, mt] });
  const v = await core.api.getStoryView(story.id);
  // Publication order: the Moscow Times (a date only), RFE/RL the same evening, Wire Desk the next morning.
  expect(v.articles.map((a) => a.id)).toEqual([mt, rfe, wire]);
  const drones = v.quotes.find((q) => q.text.includes(DRONES))!;
  expect(drones.speaker).toMatch(/Blinken/);
  const kinds = Object.fromEntries(drones.carriers.map((c) => [c.articleId, c.kind]));
  // The two samples carry it word for word; Wire Desk has "electricity, water and heat".
  expect(kinds).toEqual({ [mt]: 'verbatim', [rfe]: 'verbatim', [wire]: 'altered' });
  const added = (id: string) =>
    v.additions
      .find((a) => a.articleId === id)!
      .sentences.map((s) => s.text)
      .join(' | ');
  expect(added(mt)).toMatch(/400 Iranian drones/);
  expect(added(rfe)).toMatch(/October 27 announced a plan/);
  expect(added(wire)).toMatch(/three Iranian generals/);
  expect(added(mt)).not.toMatch(/Canada and the United States/);
  // "to expose, to deter, and to counter" vs "to expose, to deter and to counter": the comma is the diff.
  const canada = v.diffs.find((d) =>
    d.pieces
      .map((p) => p.text)
      .join('')
      .includes('to expose, to deter'),
  )!;
  expect(canada.pieces.filter((p) => p.op !== 'same').map((p) => p.text.trim())).toContain(',');
});

it('splits, merges and exports a story as a sanitized report', async () => {
  const story = await core.api.saveStory({ name: 'Drones <script>alert(1)</script>', articleIds: [mt, rfe, wire] });
  const [kept, split] = await core.api.splitStory(story.id, [wire], 'Wire copy');
  expect(kept!.articleIds).toEqual([mt, rfe]);
  expect(split!.articleIds).toEqual([wire]);
  const merged = await core.api.mergeStories([kept!.id, split!.id]);
  expect(new Set(merged.articleIds)).toEqual(new Set([mt, rfe, wire]));
  expect((await core.api.listStories()).length).toBe(1);
  await core.api.saveStory({
    id: merged.id,
    name: merged.name,
    articleIds: merged.articleIds,
    notes: 'Mine <img src=x onerror=alert(1)>',
  });
  const html = await core.api.exportStory(merged.id, 'html');
  expect(html.filename).toMatch(/^story-drones.*\.html$/);
  expect(html.content).toContain('Blinken');
  expect(html.content).toContain('400 Iranian drones');
  expect(html.content).not.toMatch(/<script>|onerror/);
  const md = await core.api.exportStory(merged.id, 'markdown');
  expect(md.content).toContain('| Quote | Speaker |');
  expect(md.content).not.toContain('<script>');
  await expect(core.api.getStoryView('s_missing')).rejects.toThrow(/No story/);
});

it('links two highlights with a relation, shown from both ends, found by has:contradictions', async () => {
  const mtText = (await core.api.getArticle(mt))!.text;
  const rfeText = (await core.api.getArticle(rfe))!.text;
  const at = (t: string, s: string) => ({ start: t.indexOf(s), end: t.indexOf(s) + s.length });
  const a = await core.api.addPassage({ articleId: mt, ...at(mtText, DRONES) });
  const b = await core.api.addPassage({ articleId: rfe, ...at(rfeText, DRONES) });
  const link = await core.api.linkPassages({ fromId: a.id, toId: b.id, relation: 'corroborates' });
  expect((await core.api.listPassageLinks(a.id)).map((l) => [l.relation, l.to.source])).toEqual([
    ['corroborates', 'RFE/RL'],
  ]);
  expect((await core.api.listPassageLinks(b.id)).map((l) => [l.relation, l.from.source])).toEqual([
    ['corroborates', 'The Moscow Times'],
  ]);
  expect(await core.api.search('has:contradictions')).toEqual([]);
  await core.api.linkPassages({ fromId: b.id, toId: a.id, relation: 'contradicts' });
  const hits = await core.api.search('has:contradictions', { limit: 50 });
  expect(new Set(hits.map((h) => h.id))).toEqual(new Set([a.id, b.id, mt, rfe]));
  await expect(core.api.linkPassages({ fromId: a.id, toId: a.id, relation: 'quotes' })).rejects.toThrow(/itself/);
  await expect(core.api.linkPassages({ fromId: a.id, toId: b.id, relation: 'other' })).rejects.toThrow(/label/);
  // A highlight in the trash hides its links; restoring it brings them back.
  await core.api.deletePassage(b.id);
  expect(await core.api.listPassageLinks(a.id)).toEqual([]);
  await core.api.deletePassageLink(link.id);
  await expect(core.api.deletePassageLink(link.id)).rejects.toThrow(/No passage link/);
});

it('places each quote on its own words, without the comma before the closing mark', async () => {
  const story = await core.api.saveStory({ name: 'Iranian drones', articleIds: [mt, rfe] });
  const v = await core.api.getStoryView(story.id);
  const mtText = (await core.api.getArticle(mt))!.text;
  for (const q of v.quotes)
    for (const c of q.carriers) {
      if (c.articleId !== mt) continue;
      expect(mtText.slice(c.start, c.end)).toBe(c.text);
      expect(c.text).not.toMatch(/[,\s]$/);
    }
});
