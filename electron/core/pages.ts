// Page numbers over an article's canonical text. A PDF import stores a page map (ArticleBody.pages:
// where each page begins in the text); passages, citations and exports ask here which page(s) a
// range of the text is on. Pure functions on plain data, so every room (and helpers building
// citation styles) can use them: `pageSpan(body.pages, start, end)` then `formatPages(span)`.
import type { PageMark } from './model.js';

/** One page: its 1-based index in the file and the label the PDF prints (the index when it defines none). */
export interface PageRef {
  index: number;
  label: string;
}

/** The pages a range of the text is on: first and last (the same page for a one-page range). */
export interface PageSpan {
  first: PageRef;
  last: PageRef;
}

function refOf(pages: readonly PageMark[], i: number): PageRef {
  return { index: i + 1, label: pages[i]!.label || String(i + 1) };
}

/**
 * The page an offset of the text is on: the last page that begins at or before it, so an
 * empty page (a figure, a blank) never owns text. Null without a page map.
 */
export function pageAt(pages: readonly PageMark[] | undefined, offset: number): PageRef | null {
  if (!pages?.length) return null;
  let lo = 0;
  let hi = pages.length - 1;
  // The last i with pages[i].start <= offset (page starts never decrease).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pages[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return refOf(pages, lo);
}

/** The pages of the text range [start, end) (end exclusive), or null without a page map. */
export function pageSpan(pages: readonly PageMark[] | undefined, start: number, end: number): PageSpan | null {
  const first = pageAt(pages, start);
  if (!first) return null;
  const last = pageAt(pages, Math.max(start, end - 1))!;
  return { first, last };
}

/** "p. 12", "pp. 12–13" (an en dash, as citation styles print page ranges); "" without pages. */
export function formatPages(span: PageSpan | null): string {
  if (!span) return '';
  return span.first.index === span.last.index ? `p. ${span.first.label}` : `pp. ${span.first.label}–${span.last.label}`;
}

/** The bare locator a citation carries ("12", "12–13"), e.g. CSL-JSON's `locator` / `page`. */
export function pageLocator(span: PageSpan | null): string {
  if (!span) return '';
  return span.first.index === span.last.index ? span.first.label : `${span.first.label}–${span.last.label}`;
}

/**
 * The page map carried into a changed text (Edit text, Restore to text). The change is taken as
 * one replaced region (common prefix and suffix kept): page starts before it stay, those after
 * it shift by the change in length, those inside it move to its end.
 */
export function carryPages(
  pages: readonly PageMark[] | undefined,
  oldText: string,
  newText: string,
): PageMark[] | undefined {
  if (!pages?.length) return pages ? [...pages] : undefined;
  const { head, tail, delta } = replacedRegion(oldText, newText);
  return pages.map((p) => {
    let start: number;
    if (p.start <= head) start = p.start;
    else if (p.start >= oldText.length - tail) start = p.start + delta;
    else start = newText.length - tail;
    return { ...p, start };
  });
}

/** The one region a change replaced: common prefix (head) and suffix (tail) lengths, and the change in length. */
function replacedRegion(oldText: string, newText: string): { head: number; tail: number; delta: number } {
  const max = Math.min(oldText.length, newText.length);
  let head = 0;
  while (head < max && oldText.charCodeAt(head) === newText.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < max - head &&
    oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)
  )
    tail++;
  return { head, tail, delta: newText.length - oldText.length };
}

/**
 * A PDF's line boxes (ArticleBody.pdfLines: runs of 7, the text range at 1 and 2) carried into a changed
 * text as the page map is: ranges before the replaced region stay, those after it shift, a line the change
 * falls in stretches over the new text there. The page view lays each line's text over its box, so a
 * selection on the pages keeps meaning the words printed there after Edit text or Restore to text.
 */
export function carryLines(
  lines: readonly number[] | undefined,
  oldText: string,
  newText: string,
): number[] | undefined {
  if (!lines?.length) return lines ? [...lines] : undefined;
  const { head, tail, delta } = replacedRegion(oldText, newText);
  const oldEnd = oldText.length - tail;
  const newEnd = newText.length - tail;
  const out = [...lines];
  for (let i = 0; i + 6 < out.length; i += 7) {
    const start = out[i + 1]!;
    const end = out[i + 2]!;
    // Where text was only inserted (head === oldEnd), a line beginning there moves on with its words.
    out[i + 1] = start < head ? start : start >= oldEnd ? start + delta : start === head ? head : newEnd;
    out[i + 2] = end <= head ? end : end >= oldEnd ? end + delta : newEnd;
  }
  return out;
}
