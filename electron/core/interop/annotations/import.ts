// Attaches W3C / Hypothesis annotations to the articles with the same URL
// (the article's URL or the page it was imported from), re-anchored in our
// canonical text. An annotation whose quote cannot be placed becomes an
// orphan passage (kept and listed, never dropped); one whose page is not in
// the library is reported by URL.
import { describeSelection } from '../../anchor/index.js';
import type { CoreContext } from '../../context.js';
import { newId } from '../../ids.js';
import type { ArticleMeta, Note, Passage } from '../../model.js';
import { placeQuote } from './anchor-adapter.js';
import { type ForeignAnnotation, normalizeUrl, readAnnotations } from './read.js';
import { passageUrl } from '../../export/passage-links.js';

export interface AnnotationImportResult {
  status: 'imported';
  kind: 'w3c' | 'hypothesis';
  /** Passages placed in their article's text. */
  passages: number;
  /** Passages kept on their article whose quote could not be found in its text. */
  orphans: number;
  /** Notes created from annotation comments. */
  notes: number;
  /** Annotations already in the library (same article, same quote, same place): skipped. */
  duplicates: number;
  /** URLs of annotations that match no article in the library: nothing was attached for them. */
  unmatched: string[];
}

const IMPORT_COLOR = 'yellow';

function articleIndex(articles: readonly ArticleMeta[]): Map<string, ArticleMeta> {
  const byUrl = new Map<string, ArticleMeta>();
  for (const a of articles) {
    for (const u of [a.url, a.origin]) {
      const k = u ? normalizeUrl(u) : null;
      if (k && !byUrl.has(k)) byUrl.set(k, a);
    }
  }
  return byUrl;
}

function noteTitle(a: ForeignAnnotation, article: ArticleMeta): string {
  if (a.label) return a.label.slice(0, 200);
  const first = a.text
    .split('\n')
    .map((l) => l.replace(/^#+\s*/, '').trim())
    .find(Boolean);
  if (first) return first.length > 80 ? `${first.slice(0, 79)}…` : first;
  return `Note on ${article.title}`;
}

function linkText(s: string): string {
  const oneLine = s.replace(/\s+/g, ' ').trim();
  const short = oneLine.length > 120 ? `${oneLine.slice(0, 119)}…` : oneLine;
  return `“${short.replace(/([\\[\]])/g, '\\$1')}”`;
}

export async function importAnnotations(ctx: CoreContext, data: unknown): Promise<AnnotationImportResult> {
  const read = readAnnotations(data);
  if (!read) throw new Error('No W3C or Hypothesis annotations found in this file. Nothing was imported.');
  const { store } = ctx;
  const byUrl = articleIndex(store.listArticles());
  const now = ctx.now().toISOString();
  const result: AnnotationImportResult = {
    status: 'imported',
    kind: read.kind,
    passages: 0,
    orphans: 0,
    notes: 0,
    duplicates: 0,
    unmatched: [],
  };
  const unmatched = new Set<string>();
  const texts = new Map<string, string>();
  const newPassages: Passage[] = [];
  const newNotes: Note[] = [];

  for (const a of read.annotations) {
    const article = a.urls
      .map((u) => normalizeUrl(u))
      .map((k) => (k ? byUrl.get(k) : undefined))
      .find(Boolean);
    if (!article) {
      unmatched.add(a.urls[0] ?? '(annotation without a URL)');
      continue;
    }
    const created = a.created ?? now;
    const updated = a.updated ?? created;
    let passage: Passage | undefined;
    if (a.exact) {
      if (!texts.has(article.id)) texts.set(article.id, (await store.getArticleBody(article.id))?.text ?? '');
      const text = texts.get(article.id)!;
      const placed = placeQuote(text, {
        quote: { exact: a.exact, prefix: a.prefix, suffix: a.suffix },
        position: a.start !== undefined && a.end !== undefined ? { start: a.start, end: a.end } : undefined,
      });
      const existing = [...store.listPassages(article.id), ...newPassages.filter((p) => p.articleId === article.id)];
      const dup = existing.find(
        (p) => p.quote.exact === a.exact && (placed ? p.position.start === placed.start : p.state === 'orphan'),
      );
      if (dup) {
        result.duplicates++;
        continue;
      }
      if (placed) {
        const sel = describeSelection(text, placed.start, placed.end);
        passage = {
          id: newId('p'),
          articleId: article.id,
          quote: sel.quote,
          position: sel.position,
          state: placed.state,
          color: IMPORT_COLOR,
          tags: a.tags,
          createdAt: created,
          updatedAt: updated,
        };
        result.passages++;
      } else {
        passage = {
          id: newId('p'),
          articleId: article.id,
          quote: { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix ?? '', suffix: a.suffix ?? '' },
          position: { type: 'TextPositionSelector', start: a.start ?? 0, end: a.end ?? 0 },
          state: 'orphan',
          color: IMPORT_COLOR,
          tags: a.tags,
          createdAt: created,
          updatedAt: updated,
        };
        result.orphans++;
      }
      newPassages.push(passage);
    }
    if (a.text.trim()) {
      const link = passage ? `[${linkText(passage.quote.exact)}](${passageUrl(passage.id)})\n\n` : '';
      newNotes.push({
        id: newId('n'),
        title: noteTitle(a, article),
        articleId: article.id,
        tags: passage ? [] : a.tags,
        createdAt: created,
        updatedAt: updated,
        body: `${link}${a.text.trim()}\n`,
      });
    }
  }

  if (newPassages.length) await store.putPassages(newPassages);
  for (const n of newNotes) await store.putNote(n);
  for (const p of newPassages) ctx.events.emit('passage:changed', p.id);
  for (const n of newNotes) ctx.events.emit('note:changed', n.id);
  result.notes = newNotes.length;
  result.unmatched = [...unmatched];
  return result;
}
