// Gathers what a scope covers, once, from the store. Read-only: export never
// changes the library.
import type { CoreContext } from '../context.js';
import type { ArticleBody, ArticleMeta, Note, PageMark, Passage } from '../model.js';
import { pageSpan } from '../pages.js';
import { type BundleArticle, type ExportBundle, ExportError, type ExportScope } from './format.js';
import { passageIdsIn } from './passage-links.js';
import { PASSAGE_LINKS_SETTING } from '../anchor/index.js';
import { hasPendingStore } from '../store/types.js';

export function isWholeLibrary(scope: ExportScope): boolean {
  return Boolean(scope.all) || (!scope.noteIds?.length && !scope.articleIds?.length && !scope.tag);
}

/** True when `tags` holds `tag` or one of its sub-tags (`ukraine` covers `ukraine/drones`). */
export function hasTag(tags: readonly string[], tag: string): boolean {
  const t = tag.toLowerCase().replace(/\/+$/, '');
  return tags.some((x) => {
    const l = x.toLowerCase();
    return l === t || l.startsWith(t + '/');
  });
}

/** Runs `fn` over items with at most `limit` in flight (bodies are files: don't open 10k at once). */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export async function gatherBundle(
  ctx: CoreContext,
  scope: ExportScope,
  opts: { needsBodies: boolean },
): Promise<ExportBundle> {
  const { store } = ctx;
  const whole = isWholeLibrary(scope);
  const allArticles = store.listArticles();
  const allNotes = store.listNotes();
  const allPassages = store.listPassages();
  const articleById = new Map(allArticles.map((a) => [a.id, a]));
  const passageById = new Map(allPassages.map((p) => [p.id, p]));

  let articleIds: Set<string>;
  let noteIds: Set<string>;
  if (whole) {
    articleIds = new Set(allArticles.map((a) => a.id));
    noteIds = new Set(allNotes.map((n) => n.id));
  } else {
    articleIds = new Set();
    noteIds = new Set();
    for (const id of scope.articleIds ?? []) {
      if (!articleById.has(id))
        throw new ExportError(`No article ${id} in the library: nothing was exported.`, 'not-found');
      articleIds.add(id);
    }
    // An article exported on its own brings the notes written on it (they were left behind: "0 notes").
    for (const n of allNotes) if (n.articleId && articleIds.has(n.articleId)) noteIds.add(n.id);
    const knownNotes = new Set(allNotes.map((n) => n.id));
    for (const id of scope.noteIds ?? []) {
      if (!knownNotes.has(id))
        throw new ExportError(`No note ${id} in the library: nothing was exported.`, 'not-found');
      noteIds.add(id);
    }
    if (scope.tag) {
      const tag = scope.tag;
      for (const a of allArticles) if (hasTag(a.tags, tag)) articleIds.add(a.id);
      // An article with a highlight under the tag belongs to the tag too.
      for (const p of allPassages) if (hasTag(p.tags, tag)) articleIds.add(p.articleId);
      for (const n of allNotes) if (hasTag(n.tags, tag)) noteIds.add(n.id);
      if (articleIds.size === 0 && noteIds.size === 0) {
        throw new ExportError(`Nothing to export: no note, article or passage has the tag "${tag}".`, 'empty');
      }
    }
  }

  const noteMetas = allNotes.filter((n) => noteIds.has(n.id));
  const notes = (
    await mapLimit(noteMetas, 32, async (m) => (await store.getNote(m.id)) ?? ({ ...m, body: '' } as Note))
  ).filter(Boolean);

  // Passages and articles the notes point at, even outside the scope: a note's
  // quotes and citations must come along with it.
  const citedPassageIds = new Set<string>();
  const citedArticleIds = new Set<string>();
  for (const n of notes) {
    if (n.articleId) citedArticleIds.add(n.articleId);
    for (const pid of passageIdsIn(n.body)) {
      const p = passageById.get(pid);
      if (!p) continue;
      citedPassageIds.add(pid);
      citedArticleIds.add(p.articleId);
    }
  }
  const passages: Passage[] = allPassages.filter((p) => articleIds.has(p.articleId) || citedPassageIds.has(p.id));
  const citedArticles: ArticleMeta[] = allArticles.filter((a) => citedArticleIds.has(a.id) && !articleIds.has(a.id));

  const metas = allArticles.filter((a) => articleIds.has(a.id));
  const articles: BundleArticle[] = opts.needsBodies
    ? await mapLimit(metas, 32, async (meta) => ({ meta, body: await store.getArticleBody(meta.id) }))
    : metas.map((meta) => ({ meta }));

  let citedBodies: Map<string, ArticleBody> | undefined;
  if (opts.needsBodies && citedArticles.length) {
    const bodies = await mapLimit(citedArticles, 32, async (m) => [m.id, await store.getArticleBody(m.id)] as const);
    citedBodies = new Map(bodies.filter((b): b is readonly [string, ArticleBody] => Boolean(b[1])));
  }

  // PDF articles' page maps, so citations and exports can name a passage's pages.
  const pdfIds = [...new Set(passages.map((p) => p.articleId))].filter((id) => articleById.get(id)?.format === 'pdf');
  const pageMaps = new Map<string, PageMark[]>();
  for (const id of pdfIds) {
    const pages = (await store.getArticleBody(id))?.pages;
    if (pages) pageMaps.set(id, pages);
  }

  const bundle: ExportBundle = {
    scope,
    whole,
    exportedAt: ctx.now().toISOString(),
    articles,
    notes,
    passages,
    citedArticles,
    citedBodies,
    lookup: {
      article: (id) => articleById.get(id),
      passage: (id) => passageById.get(id),
      pageMap: (id) => pageMaps.get(id),
      pages: (p) =>
        p.state === 'orphan' ? null : pageSpan(pageMaps.get(p.articleId), p.position.start, p.position.end),
    },
  };
  const inScope = new Set(passages.map((p) => p.id));
  const links = (store.getSetting<NonNullable<ExportBundle['passageLinks']>>(PASSAGE_LINKS_SETTING) ?? []).filter(
    (l) => inScope.has(l.fromId) && inScope.has(l.toId),
  );
  if (links.length) bundle.passageLinks = links;
  if (whole) {
    bundle.trash = { entries: store.listTrash(), items: await store.getTrashItems() };
    bundle.settings = store.listSettings();
    if (hasPendingStore(store)) bundle.pending = [...store.listPending()];
  }
  return bundle;
}

/** A human title for a single-file export: the note's or article's title, the tag, or the library. */
export function bundleTitle(bundle: ExportBundle): string {
  const s = bundle.scope;
  if (!bundle.whole) {
    if (s.noteIds?.length === 1 && !s.articleIds?.length && !s.tag && bundle.notes[0]) return bundle.notes[0].title;
    if (s.articleIds?.length === 1 && !s.noteIds?.length && !s.tag && bundle.articles[0])
      return bundle.articles[0].meta.title;
    if (s.tag && !s.noteIds?.length && !s.articleIds?.length) return `Tag ${s.tag.replace(/\//g, ' - ')}`;
    return 'Scholia selection';
  }
  return 'Scholia library';
}
