// A newer version of an article (imported again from its address, or "Update
// from file/URL"): the new text replaces the old, the highlights move with it
// by the usual re-anchoring (moved / fuzzy / orphaned, never lost), and the
// old text is kept as a version the user can read and diff against: outlets
// edit articles silently, and the difference is research material.
import type { CoreContext } from '../context.js';
import { newId } from '../ids.js';
import type { ArticleBody, ArticleMeta, ArticleVersion } from '../model.js';
import type { ExtractedArticle } from '../import/index.js';
import { contentHash, countWords } from '../text.js';
import { textDiff } from '../word-diff.js';
import type { ArticleUpdateReport, ArticleVersionInfo, ArticleVersionView } from './api.js';
import { reanchorPassages } from './reanchor.js';

/** Versions kept per article (the oldest go first). */
export const MAX_VERSIONS = 20;

/** Diffs cut at this many pieces (a rewritten article is read from the versions themselves). */
const MAX_DIFF_PIECES = 4000;

function normalise(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

export function versionInfo(v: ArticleVersion): ArticleVersionInfo {
  return { id: v.id, replacedAt: v.replacedAt, since: v.since, title: v.title, words: countWords(v.text) };
}

export function versionView(v: ArticleVersion, current: string): ArticleVersionView {
  return { ...versionInfo(v), text: v.text, diff: textDiff(v.text, current).slice(0, MAX_DIFF_PIECES) };
}

/**
 * Replaces an article's text and document with an extracted newer version, keeping the old text as a
 * version and re-anchoring the passages. The new text first, then the passages (as editArticleText:
 * a crash in between leaves passages that the next change or open places again).
 */
export async function replaceWithVersion(
  ctx: CoreContext,
  meta: ArticleMeta,
  body: ArticleBody,
  ex: ExtractedArticle,
): Promise<ArticleUpdateReport> {
  const text = normalise(ex.text);
  const passages = ctx.store.listPassages(meta.id);
  if (text === body.text) {
    const orphaned = passages.filter((p) => p.state === 'orphan').length;
    return {
      changed: false,
      report: { moved: 0, fuzzy: 0, orphaned, unchanged: passages.length - orphaned },
      diff: [],
    };
  }
  const now = ctx.now().toISOString();
  const version: ArticleVersion = {
    id: newId('r').replace(/^r_/, 'v_'),
    replacedAt: now,
    since: meta.updatedAt,
    title: meta.title,
    text: body.text,
    contentHash: meta.contentHash,
  };
  const versions = [...(body.versions ?? []), version].slice(-MAX_VERSIONS);
  const next: ArticleBody = {
    id: meta.id,
    text,
    removed: ex.removed,
    original: ex.original,
    html: ex.html,
    versions,
    ...(ex.blocks?.length ? { blocks: ex.blocks } : {}),
    ...(ex.links?.length ? { links: ex.links } : {}),
    ...(ex.images?.length ? { images: ex.images } : {}),
    // A PDF's page map and file come with its newer version.
    ...(ex.pages?.length ? { pages: ex.pages } : {}),
    ...(ex.pdf ? { pdf: ex.pdf } : {}),
    ...(ex.pdfLines?.length ? { pdfLines: ex.pdfLines } : {}),
  };
  const { changed, report } = reanchorPassages(passages, body.text, text, now);
  const nextMeta: ArticleMeta = {
    ...meta,
    // The user's own edits of the details stay; what the new version says fills what was empty.
    title: meta.title || ex.title,
    published: meta.published ?? ex.published,
    author: meta.author || ex.author,
    words: countWords(text),
    contentHash: contentHash(text),
    updatedAt: now,
  };
  await ctx.store.putArticle(nextMeta, next);
  await ctx.store.putPassages(changed);
  ctx.events.emit('article:changed', meta.id);
  for (const p of changed) ctx.events.emit('passage:changed', p.id);
  return { changed: true, report, versionId: version.id, diff: textDiff(body.text, text).slice(0, MAX_DIFF_PIECES) };
}
