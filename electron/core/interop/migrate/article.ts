// Turning what an export (or a fetched page) yields into the library's records:
// an article with the export's tags, dates and state, and its highlights as
// passages placed in the article's text through the anchor room.
import { describeSelection } from '../../anchor/index.js';
import { newId } from '../../ids.js';
import type { ExtractedArticle } from '../../import/index.js';
import { textFingerprint } from '../../import/index.js';
import type { ArticleBody, ArticleMeta, Passage, PendingHighlight } from '../../model.js';
import { contentHash, countWords } from '../../text.js';
import { placeQuote } from '../annotations/anchor-adapter.js';

/** What the export knew about an item, laid over what extraction found in its text. */
export interface ItemFacts {
  title: string;
  url: string;
  tags: string[];
  savedAt: string | null;
  author?: string;
  source?: string;
  published?: string | null;
  read?: boolean;
  archived?: boolean;
}

const IMPORT_COLOR = 'yellow';

export function buildArticle(
  ex: ExtractedArticle,
  facts: ItemFacts,
  origin: string,
  now: string,
): { meta: ArticleMeta; body: ArticleBody } {
  const id = newId('a');
  // The export's date is when the user saved it: the library sorts by it, as the old app did.
  const added = facts.savedAt && facts.savedAt <= now ? facts.savedAt : now;
  const meta: ArticleMeta = {
    id,
    title: facts.title.trim() || ex.title.trim() || origin,
    source: facts.source || ex.source,
    author: facts.author || ex.author,
    published: facts.published ?? ex.published,
    url: facts.url || ex.url,
    lang: ex.lang,
    tags: [...new Set([...ex.tags, ...facts.tags])],
    words: countWords(ex.text),
    format: ex.format,
    origin,
    contentHash: contentHash(ex.text),
    fingerprint: textFingerprint(ex.text),
    addedAt: added,
    updatedAt: now,
  };
  if (facts.read || facts.archived) meta.readAt = added;
  if (facts.archived) meta.archivedAt = added;
  const body: ArticleBody = { id, text: ex.text, removed: ex.removed, original: ex.original, html: ex.html };
  if (ex.blocks?.length) body.blocks = ex.blocks;
  if (ex.links?.length) body.links = ex.links;
  if (ex.images?.length) body.images = ex.images;
  return { meta, body };
}

export interface Placed {
  passages: Passage[];
  /** Quotes that could not be found in the text: kept as orphan passages, and reported. */
  orphans: string[];
}

/** The highlights placed in an article's text (exact, then context-ranked, then approximate). */
export function placeHighlights(articleId: string, text: string, highlights: PendingHighlight[], now: string): Placed {
  const passages: Passage[] = [];
  const orphans: string[] = [];
  for (const h of highlights) {
    const exact = h.quote.trim();
    if (!exact) continue;
    const placed = placeQuote(text, { quote: { exact } });
    const base = {
      id: newId('p'),
      articleId,
      color: IMPORT_COLOR,
      tags: h.tags ?? [],
      createdAt: h.createdAt ?? now,
      updatedAt: h.createdAt ?? now,
      ...(h.note ? { comment: h.note } : {}),
    };
    if (placed) {
      const sel = describeSelection(text, placed.start, placed.end);
      passages.push({ ...base, quote: sel.quote, position: sel.position, state: placed.state });
    } else {
      orphans.push(exact);
      passages.push({
        ...base,
        quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: 0 },
        state: 'orphan',
      });
    }
  }
  return { passages, orphans };
}

/** Highlights with no page behind them (Kindle, Readwise) as a text of their own: one paragraph each. */
export function highlightsText(highlights: PendingHighlight[]): string {
  return highlights.map((h) => h.quote.replace(/\s*\n\s*\n\s*/g, '\n').trim()).join('\n\n');
}
