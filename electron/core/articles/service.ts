// Articles: import (any front end hands over bytes), list, read, edit metadata, delete.
import { InvalidArgumentsError } from '../contract.js';
import type { ArticleDetail, ArticleMetaPatch, ArticleSort, ArticleSummary, ArticlesApi, ImportResult } from './api.js';
import { replaceWithVersion } from '../anchor/index.js';
import type { CoreContext } from '../context.js';
import { CoreError, errorCode } from '../errors.js';
import { newId } from '../ids.js';
import type { ArticleBody, ArticleMeta, Creator } from '../model.js';
import {
  type ExtractedArticle,
  type Extraction,
  type ImportInput,
  ImportError,
  extractWithReport,
  fetchUrl,
  findNearDuplicate,
  textFingerprint,
  URL_RULE,
  articleUrl,
} from '../import/index.js';
import { contentHash, countWords } from '../text.js';
import { CITATION_KEY_RULE, creatorDisplay, itemTypeOf, namesFromByline, newCitationKey } from '../citation-data.js';
import { StoreError } from '../store/types.js';
import { detectInterchange, importInterchange, type InterchangeKind, type InterchangeResult } from '../interop/api.js';

/** One line a person can read about an interchange import. */
function describeInterchange(r: InterchangeResult): string {
  if (r.kind === 'scholia-backup')
    return `Backup restored: ${r.articles} articles, ${r.notes} notes, ${r.passages} passages`;
  if ('summary' in r) return r.summary;
  const unmatched = r.unmatched.length ? `, ${r.unmatched.length} page(s) not in your library` : '';
  return `Annotations: ${r.passages} passages placed, ${r.orphans} orphaned${unmatched}`;
}

/** Highlights and attached notes per article, counted in one pass over the library. */
export interface ArticleCounts {
  passages: Map<string, number>;
  notes: Map<string, number>;
}

export function countPerArticle(ctx: CoreContext): ArticleCounts {
  const passages = new Map<string, number>();
  for (const p of ctx.store.listPassages()) passages.set(p.articleId, (passages.get(p.articleId) ?? 0) + 1);
  const notes = new Map<string, number>();
  for (const n of ctx.store.listNotes()) if (n.articleId) notes.set(n.articleId, (notes.get(n.articleId) ?? 0) + 1);
  return { passages, notes };
}

export function toSummary(m: ArticleMeta, counts?: ArticleCounts): ArticleSummary {
  return {
    id: m.id,
    title: m.title,
    source: m.source,
    author: m.author,
    published: m.published,
    url: m.url,
    tags: m.tags,
    words: m.words,
    format: m.format,
    addedAt: m.addedAt,
    passages: counts?.passages.get(m.id) ?? 0,
    notes: counts?.notes.get(m.id) ?? 0,
    read: Boolean(m.readAt),
    archived: Boolean(m.archivedAt),
  };
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Orders summaries for the library list (see ListArticlesOptions). */
export function sortSummaries(list: ArticleSummary[], sort: ArticleSort, reverse = false): ArticleSummary[] {
  const newestFirst = (a: string | null, b: string | null) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? 1 : -1;
  const cmp: Record<ArticleSort, (a: ArticleSummary, b: ArticleSummary) => number> = {
    added: (a, b) => newestFirst(a.addedAt, b.addedAt),
    published: (a, b) => newestFirst(a.published, b.published) || newestFirst(a.addedAt, b.addedAt),
    title: (a, b) => collator.compare(a.title, b.title),
    source: (a, b) =>
      // Articles of no known source go last, whichever the direction.
      (a.source ? 0 : 1) - (b.source ? 0 : 1) ||
      collator.compare(a.source, b.source) ||
      collator.compare(a.title, b.title),
  };
  const sign = reverse ? -1 : 1;
  return [...list].sort((a, b) => sign * cmp[sort](a, b) || collator.compare(a.id, b.id));
}

/** How an import treats articles the library already has. */
export interface ImportOptions {
  /** Import even when the same or nearly the same text is already in the library (the user chose to). */
  allowDuplicates?: boolean;
}

/**
 * Stores one extracted article unless the library already holds the same text
 * (exact) or most of it (near duplicate): then the existing article is reported.
 */
export async function addExtracted(
  ctx: CoreContext,
  ex: ExtractedArticle,
  origin: string,
  opts: ImportOptions = {},
): Promise<ImportResult> {
  const hash = contentHash(ex.text);
  const fingerprint = textFingerprint(ex.text);
  if (!opts.allowDuplicates) {
    const existing = ctx.store.listArticles().find((a) => a.contentHash === hash);
    if (existing) return { path: origin, status: 'duplicate', id: existing.id, title: existing.title };
    // The same address with another text: a newer version of that article (outlets edit silently). It
    // replaces the text, the highlights move with it, and the old text is kept as a version.
    const sameUrl = ex.url ? ctx.store.listArticles().find((a) => a.url === ex.url) : undefined;
    const sameBody = sameUrl ? await ctx.store.getArticleBody(sameUrl.id) : undefined;
    if (sameUrl && sameBody) {
      const r = await replaceWithVersion(ctx, sameUrl, sameBody, ex);
      return {
        path: origin,
        status: 'imported',
        id: sameUrl.id,
        title: sameUrl.title,
        updated: { ...r.report, ...(r.versionId ? { versionId: r.versionId } : {}) },
      };
    }
    const near = findNearDuplicate(ex.text, ctx.store.listArticles(), { fingerprint });
    if (near) {
      const other = ctx.store.getArticleMeta(near.id);
      return {
        path: origin,
        status: 'duplicate',
        id: near.id,
        title: other?.title ?? '',
        error: `most of its text is already in your library (${Math.round(near.similarity * 100)}% alike)`,
      };
    }
  }
  const now = ctx.now().toISOString();
  const id = newId('a');
  const meta: ArticleMeta = {
    id,
    title: ex.title.trim() || origin,
    source: ex.source,
    author: ex.author,
    published: ex.published,
    url: ex.url,
    lang: ex.lang,
    tags: ex.tags,
    words: countWords(ex.text),
    format: ex.format,
    origin,
    contentHash: hash,
    fingerprint,
    addedAt: now,
    updatedAt: now,
    ...ex.citation,
    accessed: now,
  };
  // Every format feeds the same citation fields: a plain text's outlet and byline (found by the text
  // rules) become its container and creators, as a page's metadata does.
  if (!meta.creators?.length) {
    const creators = namesFromByline(meta.author);
    if (creators.length) meta.creators = creators;
    else delete meta.creators;
  }
  if (!meta.containerTitle && meta.source) meta.containerTitle = meta.source;
  meta.itemType = itemTypeOf(meta);
  // The citation key is made once, here, and pinned: later edits of author, title or date never change it.
  meta.citationKey = newCitationKey(meta, usedCitationKeys(ctx));
  const body: ArticleBody = { id, text: ex.text, removed: ex.removed, original: ex.original, html: ex.html };
  // The document's structure, when the format found one (absent keys keep old-style bodies unchanged).
  if (ex.blocks?.length) body.blocks = ex.blocks;
  if (ex.links?.length) body.links = ex.links;
  if (ex.images?.length) body.images = ex.images;
  if (ex.pages) body.pages = ex.pages;
  if (ex.pdf) body.pdf = ex.pdf;
  if (ex.pdfLines) body.pdfLines = ex.pdfLines;
  await ctx.store.putArticle(meta, body);
  ctx.events.emit('article:changed', id);
  const result: ImportResult = { path: origin, status: 'imported', id, title: meta.title };
  if (ex.warnings?.length) {
    result.warnings = ex.warnings;
    // Extraction may have run in a worker, which has no log: what it warned of is logged here.
    for (const w of ex.warnings)
      ctx.log.info('import.file.warning', { room: 'articles', format: meta.format }, new Error(w));
  }
  return result;
}

/** Citation keys already pinned in the library, lower-cased. */
function usedCitationKeys(ctx: CoreContext, except?: string): Set<string> {
  const used = new Set<string>();
  for (const a of ctx.store.listArticles()) if (a.citationKey && a.id !== except) used.add(a.citationKey.toLowerCase());
  return used;
}

/** Imports one input (a file's bytes); never throws: failures become a 'failed' result. */
export async function importInput(
  ctx: CoreContext,
  input: ImportInput,
  opts: ImportOptions = {},
  format?: ArticleMeta['format'],
): Promise<ImportResult[]> {
  let kind: InterchangeKind | null;
  try {
    kind = detectInterchange(input.bytes, input.name);
  } catch (err) {
    return importFailure(ctx, input.name, err);
  }
  if (kind) return importInterchangeInput(ctx, kind, input);
  return storeExtraction(ctx, input.name, extractWithReport(input), opts, format);
}

/**
 * A W3C / Hypothesis annotation file or a Scholia backup is not an article: it
 * attaches to the library (detectInterchange tells which). Never throws but for StoreError.
 */
export async function importInterchangeInput(
  ctx: CoreContext,
  kind: InterchangeKind,
  input: ImportInput,
): Promise<ImportResult[]> {
  try {
    const r = await importInterchange(ctx, kind, input.bytes, input.name, input.assets);
    const { status: _s, ...details } = r;
    return [{ path: input.name, status: 'imported', title: describeInterchange(r), ...details }];
  } catch (err) {
    return importFailure(ctx, input.name, err);
  }
}

/**
 * The store step of an import: adds the articles of an extraction (made in this
 * thread or in a worker, see import/pool.ts) and reports the parts that failed.
 * Never throws but for StoreError: a failed extraction becomes a 'failed' result.
 */
export async function storeExtraction(
  ctx: CoreContext,
  name: string,
  extraction: Promise<Extraction>,
  opts: ImportOptions = {},
  format?: ArticleMeta['format'],
): Promise<ImportResult[]> {
  try {
    const { articles, failures } = await extraction;
    const results: ImportResult[] = [];
    for (const ex of articles) {
      // A PDF stays 'pdf' whatever brought it (a URL import): its page view and page locators go by it.
      const kept = format && ex.format !== 'pdf' ? { ...ex, format } : ex;
      results.push(await addExtracted(ctx, kept, name, opts));
    }
    for (const f of failures) results.push({ path: f.where, status: 'failed', error: f.error });
    return results;
  } catch (err) {
    return importFailure(ctx, name, err);
  }
}

/** One input's failure as a result; a StoreError (the library itself is in trouble) stops the batch instead. */
function importFailure(ctx: CoreContext, name: string, err: unknown): ImportResult[] {
  if (err instanceof StoreError) throw err;
  // Said to the user in the result; logged by code (a parser crash shows as 'internal': our bug to find).
  ctx.log.info(
    'import.file.failed',
    { room: 'articles', code: errorCode(err) },
    err instanceof CoreError ? undefined : err,
  );
  const reason = err instanceof ImportError ? err.message : `could not be read (${(err as Error).message})`;
  const failed: ImportResult = { path: name, status: 'failed', error: reason };
  if (err instanceof ImportError && err.code.startsWith('password-')) failed.code = err.code;
  return [failed];
}

export function createArticlesService(ctx: CoreContext): ArticlesApi {
  return {
    async listArticles(opts) {
      const counts = countPerArticle(ctx);
      let list = ctx.store.listArticles().map((m) => toSummary(m, counts));
      if (opts?.read !== undefined) list = list.filter((a) => a.read === opts.read);
      if (opts?.archived !== undefined) list = list.filter((a) => a.archived === opts.archived);
      return opts?.sort ? sortSummaries(list, opts.sort, opts.reverse) : list;
    },
    async getArticle(id) {
      const meta = ctx.store.getArticleMeta(id);
      if (!meta) return null;
      const body = await ctx.store.getArticleBody(id);
      if (!body) return null;
      const detail: ArticleDetail = { ...meta, text: body.text, removed: body.removed };
      if (body.blocks) detail.blocks = body.blocks;
      if (body.links) detail.links = body.links;
      if (body.pages) detail.pages = body.pages;
      return detail;
    },
    async getArticlePdf(articleId) {
      if (!ctx.store.getArticleMeta(articleId)) return null;
      const body = await ctx.store.getArticleBody(articleId);
      return body?.pdf ? { dataBase64: body.pdf, lines: body.pdfLines ?? [] } : null;
    },
    async getArticleImage(articleId, imageId) {
      if (!ctx.store.getArticleMeta(articleId)) return null;
      const image = (await ctx.store.getArticleBody(articleId))?.images?.find((i) => i.id === imageId);
      return image ? { mime: image.mime, dataUrl: `data:${image.mime};base64,${image.data}` } : null;
    },
    async importFiles(files, opts) {
      const results: ImportResult[] = [];
      for (const f of files) {
        const bytes = new Uint8Array(Buffer.from(f.dataBase64, 'base64'));
        const input: ImportInput = { name: f.name, bytes, mime: f.mime, url: f.url };
        if (f.password !== undefined) input.password = f.password;
        results.push(...(await importInput(ctx, input, opts ?? {})));
      }
      return results;
    },
    async importUrl(url, opts) {
      // The one network request Scholia makes: an explicit URL import by the user.
      let input: ImportInput;
      try {
        input = await fetchUrl(url, { timeoutMs: 20_000 });
      } catch (err) {
        const reason = err instanceof ImportError ? err.message : (err as Error).message;
        return [{ path: url, status: 'failed', error: reason }];
      }
      return importInput(ctx, input, opts ?? {}, 'url');
    },
    async importPaste(input) {
      const useHtml = Boolean(input.html && input.html.trim());
      const data = useHtml ? input.html! : input.text;
      const name = useHtml ? 'Pasted page.html' : 'Pasted text.txt';
      const [result] = await importInput(ctx, { name, bytes: new TextEncoder().encode(data) }, {}, 'paste');
      return result ?? { path: name, status: 'failed', error: 'nothing to import' };
    },
    async updateArticle(id, patch) {
      const meta = ctx.store.getArticleMeta(id);
      if (!meta) throw new StoreError(`No article with id ${id}`, 'not-found');
      const next: ArticleMeta = { ...meta, updatedAt: ctx.now().toISOString() };
      if (patch.title !== undefined) next.title = patch.title.trim() || meta.title;
      if (patch.source !== undefined) next.source = patch.source.trim();
      if (patch.author !== undefined) next.author = patch.author.trim();
      if (patch.published !== undefined) next.published = patch.published || null;
      if (patch.url !== undefined) {
        const url = articleUrl(patch.url);
        if (url === null)
          throw new InvalidArgumentsError(`updateArticle: ${URL_RULE}; "${patch.url.slice(0, 80)}" was not saved.`);
        next.url = url;
      }
      if (patch.tags !== undefined) next.tags = patch.tags;
      applyCitationPatch(ctx, id, next, patch);
      await ctx.store.putArticleMeta(next);
      ctx.events.emit('article:changed', id);
      return toSummary(next, countPerArticle(ctx));
    },
    setArticleRead: (id, read) => setViewState(id, 'readAt', read),
    setArticleArchived: (id, archived) => setViewState(id, 'archivedAt', archived),
    async deleteArticle(id) {
      await ctx.store.trashArticle(id);
      ctx.events.emit('article:removed', id);
    },
  };

  /** Read and archived are view states, not edits: the date they were set, updatedAt kept, nothing re-indexed. */
  async function setViewState(id: string, field: 'readAt' | 'archivedAt', on: boolean): Promise<ArticleSummary> {
    const meta = ctx.store.getArticleMeta(id);
    if (!meta) throw new StoreError(`No article with id ${id}`, 'not-found');
    if (Boolean(meta[field]) !== on) {
      await ctx.store.putArticleMeta({ ...meta, [field]: on ? ctx.now().toISOString() : null });
    }
    return toSummary(ctx.store.getArticleMeta(id)!, countPerArticle(ctx));
  }
}

/** The citation fields of an edit (the Article details dialog): checked, then applied to `next`. */
function applyCitationPatch(ctx: CoreContext, id: string, next: ArticleMeta, patch: ArticleMetaPatch): void {
  if (patch.creators !== undefined) {
    next.creators = patch.creators
      .map((c): Creator => ({
        role: c.role,
        ...(c.literal?.trim()
          ? { literal: c.literal.trim() }
          : { family: c.family?.trim() ?? '', given: c.given?.trim() ?? '' }),
      }))
      .filter((c) => c.literal || c.family || c.given);
    // The byline shown in the library follows the authors the user entered.
    if (patch.author === undefined)
      next.author = next.creators
        .filter((c) => c.role === 'author')
        .map(creatorDisplay)
        .join(', ');
  } else if (patch.author !== undefined) {
    // A byline typed by hand: its names become the creators (editors and translators stay).
    next.creators = [...namesFromByline(next.author), ...(next.creators ?? []).filter((c) => c.role !== 'author')];
  }
  for (const k of ['itemType', 'containerTitle', 'publisher', 'doi', 'issn', 'page', 'volume', 'issue'] as const) {
    const v = patch[k];
    if (v === undefined) continue;
    if (v === '' || v === null) delete next[k];
    else (next as unknown as Record<string, string>)[k] = v.trim();
  }
  for (const k of ['modified', 'accessed'] as const) if (patch[k] !== undefined) next[k] = patch[k] || null;
  if (patch.citationKey !== undefined) {
    const key = patch.citationKey.trim();
    if (!CITATION_KEY_RULE.test(key))
      throw new InvalidArgumentsError(
        `updateArticle: a citation key starts with a letter and holds letters, digits and _:.-/ (up to 100); "${key.slice(0, 80)}" was not saved.`,
      );
    if (usedCitationKeys(ctx, id).has(key.toLowerCase()))
      throw new InvalidArgumentsError(
        `updateArticle: the citation key "${key}" is already another article's; keys are unique.`,
      );
    next.citationKey = key;
  }
}
