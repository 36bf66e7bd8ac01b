// The facts of a source as a citation needs them, shared by Markdown, HTML,
// CSL-JSON and BibTeX so every format cites a source the same way.
import type { ArticleMeta } from '../model.js';

export interface PersonName {
  family?: string;
  given?: string;
  /** For names that are not "Given Family" (organisations, single names). */
  literal?: string;
}

/**
 * Splits a byline ("By Jane Doe and John Smith", "Doe, Jane; Smith, John",
 * "Reuters") into names. Organisations and single words stay literal so a
 * citation never invents a given name.
 */
export function parseAuthors(byline: string): PersonName[] {
  const cleaned = byline
    .replace(/^\s*(by|par|von|di|de|por)\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!cleaned) return [];
  const semi = cleaned.includes(';');
  const parts = cleaned
    .split(semi ? /\s*;\s*/ : /\s*(?:,\s*and\s+|\band\b|&|,)\s*/i)
    .map((p) => p.trim())
    .filter(Boolean);
  // "Doe, Jane" (one comma, two single-word parts) is one inverted name, not two people.
  if (!semi && parts.length === 2 && /^[^\s,]+, [^\s,]+$/.test(cleaned)) {
    return [{ family: parts[0]!, given: parts[1]! }];
  }
  return parts.map((p) => {
    const inverted = p.match(/^([^,]+),\s*(.+)$/);
    if (inverted) return { family: inverted[1]!.trim(), given: inverted[2]!.trim() };
    const words = p.split(' ');
    if (words.length < 2 || words.length > 4 || /\b(news|press|staff|agency|reuters|afp|desk|team)\b/i.test(p)) {
      return { literal: p };
    }
    return { family: words[words.length - 1]!, given: words.slice(0, -1).join(' ') };
  });
}

/** [year, month?, day?] from an ISO date or timestamp; null when absent or unreadable. */
export function dateParts(iso: string | null | undefined): number[] | null {
  if (!iso) return null;
  const m = iso.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/);
  if (!m) return null;
  return [m[1], m[2], m[3]].filter((x): x is string => Boolean(x)).map(Number);
}

/** `YYYY-MM-DD` (or shorter) for display: unambiguous in every language. */
export function displayDate(iso: string | null | undefined): string {
  const parts = dateParts(iso);
  if (!parts) return '';
  return parts.map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0'))).join('-');
}

/** The pieces of a short citation, in reading order: outlet, author, date, URL. */
export function citationParts(a: Pick<ArticleMeta, 'source' | 'author' | 'published' | 'url'>): string[] {
  return [a.source, a.author, displayDate(a.published), a.url].map((s) => (s ?? '').trim()).filter(Boolean);
}

/** A URL an export may link to: http(s) with nothing that could end an autolink or attribute. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s<>"]+$/i.test(url);
}
