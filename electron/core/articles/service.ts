// Articles: import (any front end hands over bytes), list, read, edit metadata, delete.
import type { ArticleDetail, ArticleSummary, ArticlesApi, ImportResult } from '../api.js';
import type { CoreContext } from '../context.js';
import { newId } from '../ids.js';
import type { ArticleBody, ArticleMeta } from '../model.js';
import { contentHash, extractArticles } from '../import/registry.js';
import { type ExtractedArticle, type ImportInput, ImportError } from '../import/types.js';
import { StoreError } from '../store/types.js';
import { detectInterchange, importInterchange, type InterchangeResult } from '../export/interchange.js';

/** One line a person can read about an interchange import. */
function describeInterchange(r: InterchangeResult): string {
  if (r.kind === 'scholia-backup') return `Backup restored: ${r.articles} articles, ${r.notes} notes, ${r.passages} passages`;
  const unmatched = r.unmatched.length ? `, ${r.unmatched.length} page(s) not in your library` : '';
  return `Annotations: ${r.passages} passages placed, ${r.orphans} orphaned${unmatched}`;
}

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

export function toSummary(m: ArticleMeta): ArticleSummary {
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
  };
}

/** Stores one extracted article unless the library already holds the same text. */
export async function addExtracted(ctx: CoreContext, ex: ExtractedArticle, origin: string): Promise<ImportResult> {
  const hash = contentHash(ex.text);
  const existing = ctx.store.listArticles().find((a) => a.contentHash === hash);
  if (existing) return { path: origin, status: 'duplicate', id: existing.id, title: existing.title };
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
    addedAt: now,
    updatedAt: now,
  };
  const body: ArticleBody = { id, text: ex.text, removed: ex.removed, original: ex.original, html: ex.html };
  await ctx.store.putArticle(meta, body);
  ctx.events.emit('article:changed', id);
  return { path: origin, status: 'imported', id, title: meta.title };
}

/** Imports one input (a file's bytes); never throws: failures become a 'failed' result. */
export async function importInput(ctx: CoreContext, input: ImportInput): Promise<ImportResult[]> {
  try {
    // A W3C / Hypothesis annotation file or a Scholia backup is not an article: it attaches to the library.
    const kind = detectInterchange(input.bytes, input.name);
    if (kind) {
      const r = await importInterchange(ctx, kind, input.bytes);
      const { status: _s, ...details } = r;
      return [{ path: input.name, status: 'imported', title: describeInterchange(r), ...details }];
    }
    const extracted = await extractArticles(input);
    const results: ImportResult[] = [];
    for (const ex of extracted) results.push(await addExtracted(ctx, ex, input.name));
    return results;
  } catch (err) {
    if (err instanceof StoreError) throw err; // the library itself is in trouble: stop the batch
    const reason = err instanceof ImportError ? err.message : `could not be read (${(err as Error).message})`;
    return [{ path: input.name, status: 'failed', error: reason }];
  }
}

export function createArticlesService(ctx: CoreContext): ArticlesApi {
  return {
    async listArticles() {
      return ctx.store.listArticles().map(toSummary);
    },
    async getArticle(id) {
      const meta = ctx.store.getArticleMeta(id);
      if (!meta) return null;
      const body = await ctx.store.getArticleBody(id);
      if (!body) return null;
      const detail: ArticleDetail = { ...meta, text: body.text, removed: body.removed };
      return detail;
    },
    async importFiles(files) {
      const results: ImportResult[] = [];
      for (const f of files) {
        const bytes = new Uint8Array(Buffer.from(f.dataBase64, 'base64'));
        results.push(...(await importInput(ctx, { name: f.name, bytes, mime: f.mime })));
      }
      return results;
    },
    async importPaste(input) {
      const useHtml = Boolean(input.html && input.html.trim());
      const data = useHtml ? input.html! : input.text;
      const name = useHtml ? 'Pasted page.html' : 'Pasted text.txt';
      const [result] = await importInput(ctx, { name, bytes: new TextEncoder().encode(data) });
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
      if (patch.url !== undefined) next.url = patch.url.trim();
      if (patch.tags !== undefined) next.tags = patch.tags;
      await ctx.store.putArticleMeta(next);
      ctx.events.emit('article:changed', id);
      return toSummary(next);
    },
    async deleteArticle(id) {
      await ctx.store.trashArticle(id);
      ctx.events.emit('article:removed', id);
    },
  };
}
