// Where a passage is in its article, for a citation's locator: the page when the article knows its
// pages (PDF imports, issue 15, may give `pageAt`), else the paragraph number of the canonical text.
import type { CitationLocator } from './api.js';

/** The 1-based paragraph of `text` (paragraphs separated by blank lines) that holds offset `at`. */
export function paragraphAt(text: string, at: number): number {
  let n = 1;
  const re = /\n\s*\n/g;
  for (let m = re.exec(text); m && m.index + m[0].length <= at; m = re.exec(text)) n++;
  return n;
}

/**
 * The locator of a passage starting at `start`: the page from `pageAt` when it answers, else
 * the paragraph. `pageAt` is the article's page lookup when it has pages (none yet for HTML/text).
 */
export function passageLocator(
  text: string,
  start: number,
  pageAt?: (offset: number) => string | number | null | undefined,
): CitationLocator {
  const page = pageAt?.(start);
  if (page !== undefined && page !== null && String(page)) return { label: 'page', value: String(page) };
  return { label: 'paragraph', value: String(paragraphAt(text, start)) };
}
