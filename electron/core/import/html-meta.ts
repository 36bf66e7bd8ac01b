// Page metadata Readability does not return: canonical URL, language, and a
// published time from the usual places when Readability found none.

interface MetaDoc {
  querySelector(sel: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
  documentElement: { getAttribute(name: string): string | null } | null;
}

function attr(doc: MetaDoc, sel: string, name: string): string {
  return doc.querySelector(sel)?.getAttribute(name)?.trim() ?? '';
}

/** An absolute http(s) URL, or "". */
export function httpUrl(value: string, base?: string): string {
  if (!value) return '';
  try {
    const u = new URL(value, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : '';
  } catch {
    return ''; // not a URL: the article gets no link rather than a broken one
  }
}

export function canonicalUrl(doc: MetaDoc, pageUrl?: string): string {
  return (
    httpUrl(attr(doc, 'link[rel="canonical"]', 'href'), pageUrl) ||
    httpUrl(attr(doc, 'meta[property="og:url"]', 'content'), pageUrl) ||
    httpUrl(pageUrl ?? '')
  );
}

export function pageLang(doc: MetaDoc): string {
  return (
    doc.documentElement?.getAttribute('lang')?.trim() ||
    attr(doc, 'meta[http-equiv="content-language" i]', 'content') ||
    attr(doc, 'meta[property="og:locale"]', 'content').replace('_', '-')
  );
}

export function publishedFromMeta(doc: MetaDoc): string {
  return (
    attr(doc, 'meta[property="article:published_time"]', 'content') ||
    attr(doc, 'meta[name="date"]', 'content') ||
    attr(doc, 'meta[name="dc.date"]', 'content') ||
    attr(doc, 'meta[itemprop="datePublished"]', 'content') ||
    attr(doc, 'time[datetime]', 'datetime')
  );
}

/** A date string as stored: "YYYY-MM-DD" stays a calendar date, timestamps become UTC ISO. */
export function normaliseDate(value: string | null | undefined): string | null {
  const v = (value ?? '').trim();
  if (!v) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
