// Stories: groups of articles about one event. Proposed from what the
// cross-source index already knows (pairs with enough rare shared passages,
// see evidence.ts; or, without shared passages, much the same vocabulary and
// dates within a few days), then confirmed, named, split and merged by the
// user. Kept in the library's settings (one small list, like collections), so
// they travel with backups; an article deleted from the library simply drops
// out of its story.
import type { CoreContext } from '../context.js';
import { CoreError } from '../errors.js';
import { newId } from '../ids.js';
import type { ArticleMeta } from '../model.js';
import { linkViews, liveLinks } from '../anchor/index.js';
import { StoreError } from '../store/types.js';
import type { Story, StoryInput, StoryProposal, StoriesApi, StorySummary, StoryView } from './api.js';
import { daysBetween, CLOSE_DAYS } from './evidence.js';
import type { AlignedPair, PreparedText } from './match.js';
import {
  additions,
  byPublication,
  diffs,
  pairCache,
  quoteMatrix,
  sharedSpans,
  timeline,
  type ViewArticle,
} from './story-view.js';
import { storyReport } from './story-report.js';
import { normaliseWord } from './tokens.js';

export const STORIES_SETTING = 'stories';
/** Cosine of content-word counts above which two articles a few days apart read as one event without shared passages. */
const SIMILAR_TEXT = 0.5;
const MAX_STORY = 200;

export class StoryError extends CoreError<'invalid'> {
  constructor(message: string) {
    super(message, 'invalid');
  }
}

/** What the stories need from the cross-source service. */
export interface StoryDeps {
  prepared(meta: ArticleMeta): Promise<PreparedText>;
  /** Other articles with the pairs that are evidence of a common source (none: not evidence). */
  related(meta: ArticleMeta): Promise<{ meta: ArticleMeta; prepared: PreparedText; pairs: AlignedPair[] }[]>;
}

/** The stored stories, articles no longer in the library left out. */
export function storedStories(ctx: CoreContext): Story[] {
  const list = ctx.store.getSetting<Story[]>(STORIES_SETTING) ?? [];
  return list.map((s) => ({ ...s, articleIds: s.articleIds.filter((id) => ctx.store.getArticleMeta(id)) }));
}

/** Articles of the stories whose name contains the words of `name` (or whose id it is): the `story:` filter. */
export function storyArticles(ctx: CoreContext, name: string): Set<string> {
  const fold = (s: string) =>
    s
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const want = fold(name);
  const out = new Set<string>();
  for (const s of storedStories(ctx)) {
    const n = ` ${fold(s.name)} `;
    if (s.id === name || (want && n.includes(` ${want} `)) || (want && fold(s.name).startsWith(want)))
      for (const id of s.articleIds) out.add(id);
  }
  return out;
}

const STOP = new Set(
  'the a an and or but of to in on at for with by from as is are was were be been has have had it its this that he she they his her their we said says will would not no'.split(
    ' ',
  ),
);

function vector(text: string): Map<string, number> {
  const v = new Map<string, number>();
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = normaliseWord(m[0]);
    if (w.length < 3 || STOP.has(w)) continue;
    v.set(w, (v.get(w) ?? 0) + 1);
  }
  return v;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [w, x] of a) {
    na += x * x;
    const y = b.get(w);
    if (y) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

export function createStoriesService(ctx: CoreContext, deps: StoryDeps): StoriesApi {
  const save = (list: Story[]) => ctx.store.setSetting(STORIES_SETTING, list);
  const raw = (): Story[] => ctx.store.getSetting<Story[]>(STORIES_SETTING) ?? [];
  const find = (id: string): Story => {
    const s = storedStories(ctx).find((x) => x.id === id);
    if (!s) throw new StoreError(`No story with id ${id}`, 'not-found');
    return s;
  };
  const checkArticles = (ids: string[]): string[] => {
    const unique = [...new Set(ids)];
    if (unique.length === 0) throw new StoryError('A story needs at least one article');
    if (unique.length > MAX_STORY) throw new StoryError(`A story holds at most ${MAX_STORY} articles`);
    for (const id of unique)
      if (!ctx.store.getArticleMeta(id)) throw new StoreError(`No article with id ${id}`, 'not-found');
    return unique;
  };
  const checkName = (name: string): string => {
    const n = name.trim().replace(/\s+/g, ' ');
    if (!n) throw new StoryError('A story needs a name');
    if (n.length > 200) throw new StoryError('A story name is at most 200 characters');
    return n;
  };

  async function view(id: string): Promise<StoryView> {
    const story = find(id);
    const metas = story.articleIds.map((a) => ctx.store.getArticleMeta(a)!).filter(Boolean);
    const arts: ViewArticle[] = [];
    for (const m of metas)
      arts.push({
        id: m.id,
        title: m.title,
        source: m.source,
        published: m.published,
        url: m.url,
        prepared: await deps.prepared(m),
      });
    const pairsOf = pairCache();
    const ordered = byPublication(arts);
    const passages = metas.flatMap((m) => ctx.store.listPassages(m.id));
    const ids = new Set(passages.map((p) => p.id));
    return {
      story,
      articles: timeline(ordered, pairsOf),
      quotes: quoteMatrix(ordered),
      additions: additions(ordered, pairsOf),
      diffs: diffs(ordered, pairsOf),
      shared: sharedSpans(ordered, pairsOf),
      passages,
      links: linkViews(
        ctx,
        liveLinks(ctx).filter((l) => ids.has(l.fromId) || ids.has(l.toId)),
      ),
    };
  }

  return {
    async listStories(): Promise<StorySummary[]> {
      return storedStories(ctx)
        .map((s) => ({ ...s, count: s.articleIds.length }))
        .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }));
    },

    async proposeStories(): Promise<StoryProposal[]> {
      const inStory = new Set(storedStories(ctx).flatMap((s) => s.articleIds));
      const metas = ctx.store.listArticles().filter((m) => !inStory.has(m.id));
      const parent = new Map<string, string>(metas.map((m) => [m.id, m.id]));
      const root = (x: string): string => {
        let r = x;
        while (parent.get(r) !== r) r = parent.get(r)!;
        parent.set(x, r);
        return r;
      };
      const linked = new Map<string, number>();
      const vectors = new Map<string, Map<string, number>>();
      const vec = (id: string, p: PreparedText) => {
        let v = vectors.get(id);
        if (!v) vectors.set(id, (v = vector(p.text)));
        return v;
      };
      for (const m of metas) {
        const self = await deps.prepared(m);
        for (const o of await deps.related(m)) {
          if (!parent.has(o.meta.id) || o.meta.id <= m.id) continue;
          const days = daysBetween(m.published, o.meta.published);
          const joined =
            o.pairs.length > 0 ||
            (days !== null &&
              days <= CLOSE_DAYS &&
              cosine(vec(m.id, self), vec(o.meta.id, o.prepared)) >= SIMILAR_TEXT);
          if (!joined) continue;
          const a = root(m.id);
          const b = root(o.meta.id);
          if (a !== b) parent.set(a, b);
          linked.set(`${m.id}|${o.meta.id}`, 1);
        }
      }
      const groups = new Map<string, string[]>();
      for (const m of metas) {
        const r = root(m.id);
        groups.set(r, [...(groups.get(r) ?? []), m.id]);
      }
      const out: StoryProposal[] = [];
      for (const ids of groups.values()) {
        if (ids.length < 2) continue;
        const set = new Set(ids);
        let pairs = 0;
        for (const k of linked.keys()) {
          const [a, b] = k.split('|') as [string, string];
          if (set.has(a) && set.has(b)) pairs++;
        }
        const first = byPublication(ids.map((id) => ctx.store.getArticleMeta(id)!))[0]!;
        out.push({ name: first.title, articleIds: ids, linkedPairs: pairs });
      }
      return out.sort((a, b) => b.articleIds.length - a.articleIds.length || b.linkedPairs - a.linkedPairs);
    },

    async saveStory(input: StoryInput): Promise<Story> {
      const name = checkName(input.name);
      const articleIds = checkArticles(input.articleIds);
      const list = raw();
      const existing = input.id ? list.find((s) => s.id === input.id) : undefined;
      if (input.id && !existing) throw new StoreError(`No story with id ${input.id}`, 'not-found');
      const now = ctx.now().toISOString();
      const notes = input.notes ?? existing?.notes;
      const story: Story = {
        id: existing?.id ?? newId('c').replace(/^c_/, 's_'),
        name,
        articleIds,
        ...(notes ? { notes } : {}),
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      await save(existing ? list.map((s) => (s.id === story.id ? story : s)) : [...list, story]);
      return story;
    },

    async splitStory(id: string, articleIds: string[], name: string): Promise<Story[]> {
      const story = find(id);
      const n = checkName(name);
      const moving = checkArticles(articleIds);
      const rest = story.articleIds.filter((a) => !moving.includes(a));
      if (moving.some((a) => !story.articleIds.includes(a)))
        throw new StoryError('Only articles of the story can be split off');
      if (rest.length === 0)
        throw new StoryError('Splitting off every article leaves nothing: rename the story instead');
      const now = ctx.now().toISOString();
      const kept: Story = { ...story, articleIds: rest, updatedAt: now };
      const split: Story = {
        id: newId('c').replace(/^c_/, 's_'),
        name: n,
        articleIds: moving,
        createdAt: now,
        updatedAt: now,
      };
      await save([...raw().map((s) => (s.id === id ? kept : s)), split]);
      return [kept, split];
    },

    async mergeStories(ids: string[], name?: string | null): Promise<Story> {
      const unique = [...new Set(ids)];
      if (unique.length < 2) throw new StoryError('Merging needs at least two stories');
      const stories = unique.map(find);
      const first = stories[0]!;
      const now = ctx.now().toISOString();
      const notes = stories
        .map((s) => s.notes?.trim())
        .filter(Boolean)
        .join('\n\n');
      const merged: Story = {
        id: first.id,
        name: name ? checkName(name) : first.name,
        articleIds: [...new Set(stories.flatMap((s) => s.articleIds))].slice(0, MAX_STORY),
        ...(notes ? { notes } : {}),
        createdAt: first.createdAt,
        updatedAt: now,
      };
      const gone = new Set(unique.slice(1));
      await save(
        raw()
          .filter((s) => !gone.has(s.id))
          .map((s) => (s.id === first.id ? merged : s)),
      );
      return merged;
    },

    async deleteStory(id: string): Promise<void> {
      find(id);
      await save(raw().filter((s) => s.id !== id));
    },

    getStoryView: view,

    async exportStory(id, format) {
      return storyReport(await view(id), format);
    },
  };
}
