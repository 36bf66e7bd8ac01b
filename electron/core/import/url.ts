// The one rule for an article's URL, wherever it comes from (HTML, Markdown front
// matter, JSON Lines, a backup, an edit): a web address or a DOI. The reader opens
// it and every export links it, so a `javascript:` or `file:` URL must never get in.

/** Why a URL was not kept, in words a user can act on. */
export const URL_RULE = 'an article link must be an http(s) address or a doi: (e.g. doi:10.1000/182)';

/**
 * The URL as given (trimmed) when it is allowed, '' for none, or null when it is
 * not allowed (another scheme, a relative path, spaces or control characters).
 */
export function articleUrl(value: string): string | null {
  const v = value.trim();
  if (!v) return '';
  if (/[\s\u0000-\u001f\u007f<>"]/.test(v)) return null;
  if (/^doi:10\.\d{4,9}\/\S+$/i.test(v)) return v;
  if (!/^https?:\/\//i.test(v)) return null;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:' ? v : null;
  } catch {
    return null;
  }
}
