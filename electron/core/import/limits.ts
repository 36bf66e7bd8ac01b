// Size and shape limits for one import input: past them we refuse with a clear
// message rather than freeze the app (a 50 MB "page" is a dump, not an article).

/** Largest single file we extract articles from (HTML, text, Markdown). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** PDFs carry fonts and pictures: a 500-page report is commonly 10-30 MB. */
export const MAX_PDF_BYTES = 40 * 1024 * 1024;
/** JSON Lines files hold many articles, so they may be larger. */
export const MAX_JSONL_BYTES = 200 * 1024 * 1024;
/**
 * Deepest element nesting we parse. The 130 real pages of Readability's test set
 * nest at most 38 levels; Readability's time grows steeply with depth (about 5 s at
 * 1,000 levels here) and far deeper input would overflow recursive DOM walks.
 */
export const MAX_HTML_DEPTH = 256;

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
