// Carries one read export into the library, all or nothing: every item is turned
// into records first (articles extracted, highlights placed, to-fetch entries
// made), then they are written in one batch per kind. Nothing is written for a
// file that fails before that point; a write that fails part way is taken back.
import type { CoreContext } from '../../context.js';
import { newId } from '../../ids.js';
import { type ImportInput, extractWithReport } from '../../import/index.js';
import type { ArticleBody, ArticleMeta, Passage, PendingEntry, PendingHighlight } from '../../model.js';
import { hasPendingStore } from '../../store/types.js';
import { contentHash } from '../../text.js';
import { normalizeUrl } from '../annotations/read.js';
import { buildArticle, highlightsText, placeHighlights } from './article.js';
import type { MigrationKind, MigrationRead } from './types.js';

export interface MigrationResult {
  status: 'imported';
  kind: MigrationKind;
  /** The app the export came from, in words. */
  app: string;
  /** Articles made from text the export carried (or from a book's highlights). */
  articles: number;
  /** Entries waiting to be fetched (the export had only their link). */
  pending: number;
  /** Highlights placed in their article's text. */
  passages: number;
  /** Highlights kept as orphans: their quote is not in the article's text. */
  orphans: number;
  /** Items the library already had (same link or same text): skipped. */
  duplicates: number;
  /** What could not be carried over. */
  warnings: string[];
  /** One line for the import report. */
  summary: string;
}

const MAX_LISTED = 20;

function quoteOf(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return `“${one.length > 60 ? `${one.slice(0, 59)}…` : one}”`;
}

function normaliseHighlights(hs: PendingHighlight[]): PendingHighlight[] {
  return hs.map((h) => ({ ...h, quote: h.quote.replace(/\s+/g, ' ').trim() })).filter((h) => h.quote);
}

/** Saved article HTML is a fragment (Omnivore, Wallabag): as a whole page, the HTML importer reads it like any other. */
function asDocument(html: string, title: string): string {
  if (/<html[\s>]/i.test(html.slice(0, 2048))) return html;
  const t = title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${t}</title></head><body><article>${html}</article></body></html>`;
}

function keyOf(url: string): string | null {
  return url ? normalizeUrl(url) : null;
}

export async function applyMigration(
  ctx: CoreContext,
  kind: MigrationKind,
  read: MigrationRead,
  name: string,
): Promise<MigrationResult> {
  const { store } = ctx;
  const now = ctx.now().toISOString();
  const origin = `${read.app} (${name})`;
  const warnings = [...read.warnings];
  const orphanQuotes: string[] = [];
  const byUrl = new Map<string, ArticleMeta>();
  for (const a of store.listArticles()) {
    for (const u of [a.url, a.origin]) {
      const k = keyOf(u);
      if (k && !byUrl.has(k)) byUrl.set(k, a);
    }
  }
  const byHash = new Set(store.listArticles().map((a) => a.contentHash));
  const byTitle = new Map(store.listArticles().map((a) => [a.title.trim().toLowerCase(), a]));
  const pendingStore = hasPendingStore(store) ? store : null;
  const pendingUrls = new Set((pendingStore?.listPending() ?? []).map((e) => keyOf(e.url)));

  const articles: Array<{ meta: ArticleMeta; body: ArticleBody }> = [];
  const passages: Passage[] = [];
  const pending: PendingEntry[] = [];
  let duplicates = 0;
  const texts = new Map<string, string>();
  const textOf = async (a: ArticleMeta) => {
    if (!texts.has(a.id)) texts.set(a.id, (await store.getArticleBody(a.id))?.text ?? '');
    return texts.get(a.id)!;
  };

  const attach = (articleId: string, text: string, hs: PendingHighlight[], existing: Passage[] = []) => {
    const fresh = hs.filter((h) => !existing.some((p) => p.quote.exact === h.quote));
    const placed = placeHighlights(articleId, text, fresh, now);
    passages.push(...placed.passages);
    orphanQuotes.push(...placed.orphans);
  };

  for (const item of read.items) {
    const highlights = normaliseHighlights(item.highlights);
    const urlKey = keyOf(item.url);
    const known = urlKey ? byUrl.get(urlKey) : undefined;
    if (known) {
      // Already in the library: its highlights still come over, onto the article there.
      duplicates++;
      if (highlights.length) attach(known.id, await textOf(known), highlights, store.listPassages(known.id));
      continue;
    }
    if (item.content) {
      const ext = item.content.kind;
      const input: ImportInput = {
        name: `${item.where.replace(/[^\w.-]+/g, '_').slice(0, 60)}.${ext}`,
        bytes: new TextEncoder().encode(ext === 'html' ? asDocument(item.content.text, item.title) : item.content.text),
        url: item.url || undefined,
      };
      let extracted;
      try {
        extracted = (await extractWithReport(input)).articles[0];
      } catch (err) {
        warnings.push(
          `${item.where}: its text could not be read (${(err as Error).message}); ${item.url ? 'kept to fetch instead' : 'skipped'}.`,
        );
      }
      if (extracted) {
        const hash = contentHash(extracted.text);
        if (byHash.has(hash)) {
          duplicates++;
          continue;
        }
        byHash.add(hash);
        const built = buildArticle(extracted, item, origin, now);
        articles.push(built);
        if (urlKey) byUrl.set(urlKey, built.meta);
        attach(built.meta.id, extracted.text, highlights);
        continue;
      }
    }
    if (item.highlightsOnly) {
      const same = (item.url && urlKey && byUrl.get(urlKey)) || byTitle.get(item.title.trim().toLowerCase());
      if (same) {
        duplicates++;
        attach(same.id, await textOfAny(same), highlights, store.listPassages(same.id));
        continue;
      }
      const text = highlightsText(highlights);
      if (!text) continue;
      const built = buildArticle(
        {
          title: item.title,
          source: item.source,
          author: item.author,
          published: item.published,
          url: item.url,
          lang: '',
          tags: [],
          text,
          removed: [],
          original: text,
          html: '',
          format: 'txt',
        },
        { ...item, tags: [...item.tags, read.app.toLowerCase()] },
        origin,
        now,
      );
      articles.push(built);
      byTitle.set(item.title.trim().toLowerCase(), built.meta);
      texts.set(built.meta.id, text);
      attach(built.meta.id, text, highlights);
      continue;
    }
    if (item.url) {
      if (urlKey && pendingUrls.has(urlKey)) {
        duplicates++;
        continue;
      }
      if (urlKey) pendingUrls.add(urlKey);
      pending.push({
        id: newId('f'),
        url: item.url,
        title: item.title,
        tags: item.tags,
        savedAt: item.savedAt,
        addedAt: now,
        origin,
        ...(item.author ? { author: item.author } : {}),
        ...(item.source ? { source: item.source } : {}),
        ...(item.published ? { published: item.published } : {}),
        ...(item.read ? { read: true } : {}),
        ...(item.archived ? { archived: true } : {}),
        ...(highlights.length ? { highlights } : {}),
        state: 'waiting',
      });
      continue;
    }
    warnings.push(`${item.where}: nothing to import (no text and no link).`);
  }

  async function textOfAny(a: ArticleMeta): Promise<string> {
    const fresh = articles.find((x) => x.meta.id === a.id);
    return fresh ? fresh.body.text : textOf(a);
  }

  if (pending.length && !pendingStore) {
    throw new Error(`${name}: this library cannot keep pages to fetch; nothing was imported from it.`);
  }
  await writeAll(ctx, articles, passages, pending);

  const orphans = orphanQuotes.length;
  if (orphans) {
    const listed = orphanQuotes.slice(0, MAX_LISTED).map(quoteOf).join(', ');
    const more = orphans > MAX_LISTED ? ` and ${orphans - MAX_LISTED} more` : '';
    warnings.push(
      `${orphans} highlight(s) could not be placed in their article's text and are kept as orphans: ${listed}${more}.`,
    );
  }
  const placed = passages.length - orphans;
  const parts = [
    articles.length && `${articles.length} article(s)`,
    pending.length && `${pending.length} to fetch`,
    passages.length && `${placed} highlight(s) placed${orphans ? `, ${orphans} orphaned` : ''}`,
    duplicates && `${duplicates} already in your library`,
  ].filter(Boolean);
  return {
    status: 'imported',
    kind,
    app: read.app,
    articles: articles.length,
    pending: pending.length,
    passages: placed,
    orphans,
    duplicates,
    warnings,
    summary: `${read.app}: ${parts.length ? parts.join(', ') : 'nothing new'}`,
  };
}

/** One batch per kind; when a later batch fails, the articles already written go to the trash (restorable). */
async function writeAll(
  ctx: CoreContext,
  articles: Array<{ meta: ArticleMeta; body: ArticleBody }>,
  passages: Passage[],
  pending: PendingEntry[],
): Promise<void> {
  const { store } = ctx;
  if (articles.length) await store.putArticles(articles);
  try {
    if (passages.length) await store.putPassages(passages);
    if (pending.length && hasPendingStore(store)) await store.putPending(pending);
  } catch (err) {
    for (const a of articles) await store.trashArticle(a.meta.id).catch(() => undefined);
    throw err;
  }
  for (const a of articles) ctx.events.emit('article:changed', a.meta.id);
  for (const p of passages) ctx.events.emit('passage:changed', p.id);
}
