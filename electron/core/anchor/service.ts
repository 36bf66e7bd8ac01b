// Passages: highlights over an article's canonical text, kept in place when
// the text changes (editArticleText, restoreRemovedBlock), and the notes that
// cite them. Everything is stored through ctx.store and announced on ctx.events.
import { passageLinksService } from './links.js';
import type { CoreContext } from '../context.js';
import { newId } from '../ids.js';
import type { ArticleBody, ArticleMeta, NoteMeta, PageMark, Passage } from '../model.js';
import { carryStructure, extractWithReport, fetchUrl, ImportError, type ImportInput } from '../import/index.js';
import { replaceWithVersion, versionInfo, versionView } from './versions.js';
import { carryLines, carryPages, formatPages, pageSpan } from '../pages.js';
import { contentHash, countWords } from '../text.js';
import { InvalidArgumentsError } from '../contract.js';
import { StoreError } from '../store/types.js';
import type { PassagesApi, PassageView, ReanchorReport } from './api.js';
import { describeSelection } from './anchoring.js';
import { Backlinks } from './backlinks.js';
import { reanchorPassages } from './reanchor.js';
import { carryRemovedBlocks, restoreBlock } from './text-change.js';

/** The colour a highlight gets when none is chosen (the first of the reader's palette). */
export const DEFAULT_COLOR = 'yellow';

function notFound(what: string, id: string): StoreError {
  return new StoreError(`No ${what} with id ${id}`, 'not-found');
}

/** Tags as typed: trimmed, blanks dropped, each once. */
function cleanTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
}

/** Pasted or edited text from any platform: one kind of line break. */
function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

export function createPassagesService(ctx: CoreContext): PassagesApi {
  const backlinks = new Backlinks(ctx);

  /**
   * Text changes of one article run one at a time: each reads the text and the
   * passages, then writes both, and two interleaved would describe passages
   * against a text that was replaced in between.
   */
  const queues = new Map<string, Promise<unknown>>();
  function serial<T>(articleId: string, work: () => Promise<T>): Promise<T> {
    const run = (queues.get(articleId) ?? Promise.resolve()).then(work, work);
    // The caller gets `run` and its failure; the queue only needs to know it is over.
    const tail = run.catch(() => undefined);
    queues.set(articleId, tail);
    void tail.then(() => {
      if (queues.get(articleId) === tail) queues.delete(articleId);
    });
    return run;
  }

  // PDF articles' page maps, by article and text hash, so listing passages reads each body once.
  const pageMaps = new Map<string, { hash: string; pages: PageMark[] | undefined }>();
  async function pagesOf(articleId: string): Promise<PageMark[] | undefined> {
    const meta = ctx.store.getArticleMeta(articleId);
    if (meta?.format !== 'pdf') return undefined;
    const known = pageMaps.get(articleId);
    if (known?.hash === meta.contentHash) return known.pages;
    const pages = (await ctx.store.getArticleBody(articleId))?.pages;
    pageMaps.set(articleId, { hash: meta.contentHash, pages });
    return pages;
  }

  async function view(p: Passage): Promise<PassageView> {
    const v: PassageView = { ...p, notes: await backlinks.notesFor(p.id) };
    const span = p.state === 'orphan' ? null : pageSpan(await pagesOf(p.articleId), p.position.start, p.position.end);
    if (span) {
      v.pages = span;
      v.pageLabel = formatPages(span);
    }
    return v;
  }

  async function articleOf(articleId: string): Promise<{ meta: ArticleMeta; body: ArticleBody }> {
    const meta = ctx.store.getArticleMeta(articleId);
    const body = meta ? await ctx.store.getArticleBody(articleId) : undefined;
    if (!meta || !body) throw notFound('article', articleId);
    return { meta, body };
  }

  function passageOf(id: string): Passage {
    const p = ctx.store.getPassage(id);
    if (!p) throw notFound('passage', id);
    return p;
  }

  function checkSpan(text: string, start: number, end: number): void {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end <= start) {
      throw new InvalidArgumentsError(
        `The selection ${start}..${end} is not inside the article's text (0..${text.length}) or is empty`,
      );
    }
  }

  /** Stores the new text and re-anchors every passage of the article on it. */
  async function replaceText(meta: ArticleMeta, body: ArticleBody, next: ArticleBody): Promise<ReanchorReport> {
    const now = ctx.now().toISOString();
    const passages = ctx.store.listPassages(meta.id);
    const { changed, report } = reanchorPassages(passages, body.text, next.text, now);
    const nextMeta: ArticleMeta = {
      ...meta,
      words: countWords(next.text),
      contentHash: contentHash(next.text),
      updatedAt: now,
    };
    // The text first: a crash in between leaves passages described against the old
    // text, which the next change (or open) re-anchors; the reverse would leave
    // positions pointing into a text that was never stored.
    // Headings, lists and links stay with the paragraphs that carry them (import/structure.ts).
    const pages = carryPages(body.pages, body.text, next.text);
    const pdfLines = carryLines(body.pdfLines, body.text, next.text);
    await ctx.store.putArticle(nextMeta, {
      ...next,
      ...carryStructure(body, next.text),
      ...(pages ? { pages } : {}),
      ...(pdfLines ? { pdfLines } : {}),
    });
    await ctx.store.putPassages(changed);
    ctx.events.emit('article:changed', meta.id);
    for (const p of changed) ctx.events.emit('passage:changed', p.id);
    return report;
  }

  /**
   * Any other change of an article's text (a re-import of a newer version, a
   * room that edits bodies) is caught here: passages that no longer sit on
   * their quote are placed again. Our own edits arrive already consistent, so
   * this finds nothing to do for them.
   */
  async function syncArticle(articleId: string): Promise<void> {
    const passages = ctx.store.listPassages(articleId);
    if (passages.length === 0) return;
    const body = await ctx.store.getArticleBody(articleId);
    if (!body) return;
    const stale = passages.filter(
      (p) => p.state === 'orphan' || body.text.slice(p.position.start, p.position.end) !== p.quote.exact,
    );
    if (stale.length === 0) return;
    const { changed } = reanchorPassages(stale, body.text, body.text, ctx.now().toISOString());
    if (changed.length === 0) return;
    await ctx.store.putPassages(changed);
    for (const p of changed) ctx.events.emit('passage:changed', p.id);
  }
  ctx.events.on('article:changed', (id) => {
    serial(id, () => syncArticle(id)).then(
      () => ctx.problems.resolve(`anchor.reanchor:${id}`),
      (err: unknown) =>
        // Passages left on a stale place are the user's highlights: said in the app, re-checked on the next change.
        ctx.problems.report(
          `anchor.reanchor:${id}`,
          `The highlights of "${ctx.store.getArticleMeta(id)?.title ?? id}" could not be placed again after its text changed; they are re-checked on its next change.`,
          err,
        ),
    );
  });

  /** The one article a newer version's input holds (a file of several articles is not a version of one). */
  async function newerVersion(articleId: string, input: ImportInput) {
    const { articles } = await extractWithReport(input);
    if (articles.length !== 1)
      throw new ImportError(
        `${input.name} holds ${articles.length} articles, not one newer version of this article. Nothing was changed.`,
        'invalid',
      );
    return serial(articleId, async () => {
      const { meta, body } = await articleOf(articleId);
      return replaceWithVersion(ctx, meta, body, articles[0]!);
    });
  }

  return {
    ...passageLinksService(ctx),

    async updateArticleFromFile(articleId, file) {
      await articleOf(articleId);
      const bytes = new Uint8Array(Buffer.from(file.dataBase64, 'base64'));
      return newerVersion(articleId, { name: file.name, bytes, ...(file.mime ? { mime: file.mime } : {}) });
    },

    async updateArticleFromUrl(articleId, url) {
      const { meta } = await articleOf(articleId);
      const address = url?.trim() || meta.url;
      if (!address)
        throw new ImportError(
          'This article has no web address to update from: give one, or update from a file.',
          'invalid',
        );
      return newerVersion(articleId, await fetchUrl(address, { timeoutMs: 20_000 }));
    },

    async listArticleVersions(articleId) {
      const { body } = await articleOf(articleId);
      return (body.versions ?? []).map(versionInfo);
    },

    async getArticleVersion(articleId, versionId) {
      const { body } = await articleOf(articleId);
      const v = body.versions?.find((x) => x.id === versionId);
      if (!v) throw notFound('version', versionId);
      return versionView(v, body.text);
    },
    async addPassage(input) {
      return serial(input.articleId, async () => {
        const { body } = await articleOf(input.articleId);
        checkSpan(body.text, input.start, input.end);
        const sel = describeSelection(body.text, input.start, input.end);
        const now = ctx.now().toISOString();
        const passage: Passage = {
          id: newId('p'),
          articleId: input.articleId,
          quote: sel.quote,
          position: sel.position,
          state: 'anchored',
          color: input.color ?? DEFAULT_COLOR,
          tags: cleanTags(input.tags ?? []),
          ...(input.comment?.trim() ? { comment: input.comment.trim() } : {}),
          createdAt: now,
          updatedAt: now,
        };
        await ctx.store.putPassages([passage]);
        ctx.events.emit('passage:changed', passage.id);
        return view(passage);
      });
    },

    async listPassages(filter) {
      const list = ctx.store.listPassages(filter?.articleId);
      // Grouped by article (in the order the store lists them), in reading order within each.
      const rank = new Map<string, number>();
      for (const p of list) if (!rank.has(p.articleId)) rank.set(p.articleId, rank.size);
      const sorted = [...list].sort(
        (a, b) =>
          rank.get(a.articleId)! - rank.get(b.articleId)! ||
          a.position.start - b.position.start ||
          a.position.end - b.position.end,
      );
      return Promise.all(sorted.map(view));
    },

    async getPassage(id) {
      const p = ctx.store.getPassage(id);
      return p ? view(p) : null;
    },

    async updatePassage(id, patch) {
      const p = passageOf(id);
      const next: Passage = { ...p, updatedAt: ctx.now().toISOString() };
      if (patch.color !== undefined) next.color = patch.color;
      if (patch.tags !== undefined) next.tags = cleanTags(patch.tags);
      if (patch.comment !== undefined) {
        if (patch.comment.trim()) next.comment = patch.comment.trim();
        else delete next.comment;
      }
      await ctx.store.putPassages([next]);
      ctx.events.emit('passage:changed', id);
      return view(next);
    },

    async deletePassage(id) {
      passageOf(id);
      await ctx.store.trashPassage(id);
      ctx.events.emit('passage:removed', id);
    },

    async reattachPassage(id, start, end) {
      const p = passageOf(id);
      return serial(p.articleId, async () => {
        const { body } = await articleOf(p.articleId);
        checkSpan(body.text, start, end);
        const sel = describeSelection(body.text, start, end);
        const next: Passage = {
          ...p,
          quote: sel.quote,
          position: sel.position,
          state: 'anchored',
          updatedAt: ctx.now().toISOString(),
        };
        await ctx.store.putPassages([next]);
        ctx.events.emit('passage:changed', id);
        return view(next);
      });
    },

    async editArticleText(articleId, text) {
      return serial(articleId, async () => {
        const { meta, body } = await articleOf(articleId);
        const newText = normaliseText(text);
        if (newText === body.text) {
          const passages = ctx.store.listPassages(articleId);
          const orphaned = passages.filter((p) => p.state === 'orphan').length;
          return { moved: 0, fuzzy: 0, orphaned, unchanged: passages.length - orphaned };
        }
        // Removed boilerplate stays restorable, each block carried to the matching paragraph boundary.
        const removed = carryRemovedBlocks(body.removed, body.text, newText);
        return replaceText(meta, body, { ...body, text: newText, removed });
      });
    },

    async restoreRemovedBlock(articleId, blockId) {
      return serial(articleId, async () => {
        const { meta, body } = await articleOf(articleId);
        const restored = restoreBlock(body.text, body.removed, blockId);
        if (!restored) throw notFound('removed block', blockId);
        return replaceText(meta, body, { ...body, text: restored.text, removed: restored.removed });
      });
    },

    async notesForPassage(id) {
      const ids = new Set(await backlinks.notesFor(id));
      return ctx.store.listNotes().filter((n: NoteMeta) => ids.has(n.id));
    },
  };
}
