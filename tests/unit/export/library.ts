// A small real library for the export tests: the two sample articles (the
// same Blinken story from The Moscow Times and RFE/RL), the quote both share
// highlighted in each, and notes linking to those passages.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { describeSelection } from '../../../electron/core/anchor/anchoring.js';
import { createCoreContext, type CoreContext } from '../../../electron/core/context.js';
import type { ArticleBody, ArticleMeta, Note, Passage } from '../../../electron/core/model.js';
import { JsonStore } from '../../../electron/core/store/json-store.js';
import type { LibraryStore } from '../../../electron/core/store/types.js';

export const QUOTE =
  'kill Ukrainian civilians and destroy the infrastructure they rely on for electricity, for water, for heat';
const fixtures = path.resolve(__dirname, '../../fixtures');

const made: string[] = [];
afterAll(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file. */
export function tmpDir(label = 'scholia-export-'): string {
  const d = mkdtempSync(path.join(os.tmpdir(), label));
  made.push(d);
  return d;
}

export function contextFor(store: LibraryStore, now = '2026-11-22T01:00:00.000Z'): CoreContext {
  return createCoreContext({ store, mode: 'cli', now: () => new Date(now) });
}

export async function openJsonLibrary(dir = tmpDir()): Promise<CoreContext> {
  const store = new JsonStore(dir);
  await store.open();
  return contextFor(store);
}

function article(id: string, file: string, meta: Partial<ArticleMeta>): { meta: ArticleMeta; body: ArticleBody } {
  const raw = readFileSync(path.join(fixtures, file), 'utf8');
  const text = raw.trim();
  return {
    meta: {
      id,
      title: 'Untitled',
      source: '',
      author: '',
      published: null,
      url: '',
      lang: 'en',
      tags: [],
      words: text.split(/\s+/).length,
      format: 'txt',
      origin: file,
      contentHash: `hash-${id}`,
      addedAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z',
      ...meta,
    },
    body: { id, text, removed: [], original: raw, html: '' },
  };
}

function passageOn(id: string, articleId: string, text: string, tags: string[] = []): Passage {
  const start = text.indexOf(QUOTE);
  if (start < 0) throw new Error('fixture lost its quote');
  const sel = describeSelection(text, start, start + QUOTE.length);
  return {
    id,
    articleId,
    ...sel,
    state: 'anchored',
    color: 'yellow',
    tags,
    createdAt: '2026-11-21T09:00:00.000Z',
    updatedAt: '2026-11-21T09:00:00.000Z',
  };
}

export interface SampleIds {
  mt: string;
  rferl: string;
  pMt: string;
  pRferl: string;
  synthesis: string;
  onMt: string;
}

/** Fills `store` with the sample library and returns its ids. */
export async function fillSample(ctx: CoreContext): Promise<SampleIds> {
  const mt = article('a_mt', 'moscow-times-blinken-iranian-drones.txt', {
    title: "Russia's Use of Iranian Drones in Ukraine 'Appalling': Blinken",
    source: 'The Moscow Times',
    author: 'AFP',
    published: '2022-10-27',
    url: 'https://www.themoscowtimes.com/2022/10/27/russias-use-of-iranian-drones-in-ukraine-appalling-blinken-a79208',
    tags: ['ukraine/drones', 'iran'],
  });
  const rferl = article('a_rferl', 'rferl-blinken-iranian-drones.txt', {
    title: "Blinken Calls Russia's Use Of Iranian Drones In Ukraine 'Appalling'",
    source: 'RFE/RL',
    author: 'Jane Doe and John Smith',
    published: '2022-10-27',
    url: 'https://www.rferl.org/a/blinken-russia-iranian-drones-appalling/32104580.html',
    tags: ['ukraine'],
  });
  await ctx.store.putArticle(mt.meta, mt.body);
  await ctx.store.putArticle(rferl.meta, rferl.body);
  const pMt = passageOn('p_mt', 'a_mt', mt.body.text, ['quotes']);
  const pRferl = passageOn('p_rferl', 'a_rferl', rferl.body.text);
  await ctx.store.putPassages([pMt, pRferl]);
  const synthesis: Note = {
    id: 'n_synth',
    title: 'Blinken on Iranian drones: two outlets, one quote',
    articleId: null,
    tags: ['ukraine/drones', 'synthesis'],
    createdAt: '2026-11-21T10:00:00.000Z',
    updatedAt: '2026-11-21T11:00:00.000Z',
    body: `Both outlets carry the same words from Blinken.\n\n[“kill Ukrainian civilians”](scholia://passage/p_mt)\n\nRFE/RL adds where he said it: [the same quote](scholia://passage/p_rferl) in Ottawa.\n\n\`\`\`\n[not a link](scholia://passage/p_mt)\n\`\`\`\n`,
  };
  const onMt: Note = {
    id: 'n_mt',
    title: 'Moscow Times framing',
    articleId: 'a_mt',
    tags: [],
    createdAt: '2026-11-21T12:00:00.000Z',
    updatedAt: '2026-11-21T12:00:00.000Z',
    body: 'The Moscow Times opens with a **donation appeal** before the story.',
  };
  await ctx.store.putNote(synthesis);
  await ctx.store.putNote(onMt);
  return { mt: 'a_mt', rferl: 'a_rferl', pMt: 'p_mt', pRferl: 'p_rferl', synthesis: 'n_synth', onMt: 'n_mt' };
}
