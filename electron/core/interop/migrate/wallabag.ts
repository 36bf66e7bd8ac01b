// Wallabag's JSON export: a list of entries {title, url, content (HTML), tags,
// is_archived, is_starred, created_at, published_at, published_by, annotations:
// [{quote, text, ranges, created_at}]}.
import { decodeUtf8, httpUrl, isoDate, str, tagList } from './text.js';
import { type MigratedItem, type MigrationFormat, MAX_ITEMS_PER_FILE, MigrationError } from './types.js';

export function looksLikeWallabag(data: unknown): boolean {
  if (!Array.isArray(data) || data.length === 0) return false;
  const first = data[0] as Record<string, unknown> | null;
  return Boolean(
    first && typeof first === 'object' && 'is_archived' in first && ('url' in first || 'content' in first),
  );
}

export const wallabagJson: MigrationFormat = {
  id: 'wallabag',
  app: 'Wallabag',
  read(bytes, name) {
    let data: unknown;
    try {
      data = JSON.parse(decodeUtf8(bytes, name));
    } catch (err) {
      throw new MigrationError(`${name} is not valid JSON (${(err as Error).message}).`);
    }
    if (!looksLikeWallabag(data)) throw new MigrationError(`${name} is not a Wallabag export (a list of entries).`);
    const list = data as Array<Record<string, unknown>>;
    if (list.length > MAX_ITEMS_PER_FILE)
      throw new MigrationError(`${name} has more than ${MAX_ITEMS_PER_FILE} entries; split it.`);
    const items: MigratedItem[] = [];
    const warnings: string[] = [];
    list.forEach((e, i) => {
      const where = `entry ${i + 1}`;
      const url = httpUrl(e.url ?? e.given_url);
      const content = str(e.content);
      if (!url && !content) {
        warnings.push(`${where}: neither a link nor text; skipped.`);
        return;
      }
      const authors = Array.isArray(e.published_by)
        ? e.published_by.map(str).filter(Boolean).join(', ')
        : str(e.published_by);
      const tags = tagList(
        Array.isArray(e.tags)
          ? e.tags.map((t) => (t && typeof t === 'object' ? (t as { label?: unknown }).label : t))
          : e.tags,
      );
      if (Number(e.is_starred) === 1 || e.is_starred === true) tags.push('starred');
      const annotations = Array.isArray(e.annotations) ? (e.annotations as Array<Record<string, unknown>>) : [];
      items.push({
        where,
        title: str(e.title) || url,
        url,
        tags: [...new Set(tags)],
        savedAt: isoDate(e.created_at),
        author: authors,
        source: str(e.domain_name),
        published: isoDate(e.published_at),
        read: Number(e.is_archived) === 1 || e.is_archived === true,
        archived: Number(e.is_archived) === 1 || e.is_archived === true,
        content: content ? { kind: 'html', text: content } : undefined,
        highlights: annotations
          .filter((a) => str(a.quote))
          .map((a) => ({
            quote: str(a.quote),
            note: str(a.text) || undefined,
            createdAt: isoDate(a.created_at) ?? undefined,
          })),
      });
    });
    return { app: 'Wallabag', items, warnings };
  },
};
