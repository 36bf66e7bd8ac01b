// Zotero's (and any CSL processor's) CSL-JSON: a list of items {id, type, title,
// author: [{family, given} | {literal}], issued: {date-parts: [[y, m, d]]} or
// {raw}, container-title, URL, DOI, abstract, keyword}.
import { personList, referenceItem } from './reference.js';
import { decodeUtf8, httpUrl, isoDate, str, tagList } from './text.js';
import { type MigratedItem, type MigrationFormat, MAX_ITEMS_PER_FILE, MigrationError } from './types.js';

const CSL_KEYS = ['issued', 'author', 'container-title', 'URL', 'DOI', 'editor', 'publisher', 'accessed'];

export function looksLikeCsl(data: unknown): boolean {
  const list = Array.isArray(data) ? data : data && typeof data === 'object' ? [data] : [];
  if (list.length === 0) return false;
  return list.slice(0, 20).every((it) => {
    const o = it as Record<string, unknown> | null;
    return Boolean(
      o && typeof o === 'object' && typeof o.type === 'string' && 'id' in o && CSL_KEYS.some((k) => k in o),
    );
  });
}

function cslDate(v: unknown): string | null {
  if (!v || typeof v !== 'object') return null;
  const d = v as { 'date-parts'?: unknown; raw?: unknown; literal?: unknown };
  const parts = Array.isArray(d['date-parts']) ? (d['date-parts'][0] as unknown) : null;
  if (Array.isArray(parts) && parts.length && Number.isInteger(Number(parts[0]))) {
    const [y, m, day] = parts.map(Number);
    if (!m) return String(y).padStart(4, '0') + '-01-01';
    return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day || 1).padStart(2, '0')}`;
  }
  return isoDate(str(d.raw) || str(d.literal));
}

export const cslJson: MigrationFormat = {
  id: 'csl-json',
  app: 'Zotero (CSL-JSON)',
  read(bytes, name) {
    let data: unknown;
    try {
      data = JSON.parse(decodeUtf8(bytes, name));
    } catch (err) {
      throw new MigrationError(`${name} is not valid JSON (${(err as Error).message}).`);
    }
    const list = (Array.isArray(data) ? data : [data]) as Array<Record<string, unknown>>;
    if (!looksLikeCsl(list)) throw new MigrationError(`${name} is not CSL-JSON (items with type, id, title...).`);
    if (list.length > MAX_ITEMS_PER_FILE)
      throw new MigrationError(`${name} has more than ${MAX_ITEMS_PER_FILE} items; split it.`);
    const items: MigratedItem[] = [];
    const warnings: string[] = [];
    list.forEach((it, i) => {
      const people = Array.isArray(it.author) ? (it.author as Array<Record<string, string>>) : [];
      const item = referenceItem(
        {
          where: `item ${i + 1}${it.id !== undefined ? ` (${str(it.id)})` : ''}`,
          title: str(it.title),
          author: personList(people),
          container: str(it['container-title']) || str(it.publisher),
          published: cslDate(it.issued),
          url: httpUrl(it.URL),
          doi: str(it.DOI),
          tags: tagList(it.keyword, /[,;]/),
          abstract: str(it.abstract),
        },
        warnings,
      );
      if (item) items.push(item);
    });
    return { app: 'Zotero (CSL-JSON)', items, warnings };
  },
};
