// Instapaper's CSV export: URL,Title,Selection,Folder,Timestamp (newer exports add
// Tags, written as a JSON list). Folder is Unread, Archive, Starred or the user's own
// folder (kept as a tag); Selection is the text the user had selected when saving it.
import { parseCsv } from './csv.js';
import { decodeUtf8, httpUrl, isoDate, tagList } from './text.js';
import type { MigratedItem, MigrationFormat } from './types.js';

function tagsCell(v: string): string[] {
  if (v.startsWith('[')) {
    try {
      return tagList(JSON.parse(v) as unknown);
    } catch {
      /* not JSON after all: read as a plain list */
    }
  }
  return tagList(v);
}

export const instapaperCsv: MigrationFormat = {
  id: 'instapaper',
  app: 'Instapaper',
  read(bytes, name) {
    const table = parseCsv(decodeUtf8(bytes, name), name);
    const items: MigratedItem[] = [];
    const warnings: string[] = [];
    for (const row of table.rows) {
      const where = `row ${row.line}`;
      const url = httpUrl(row.get('url'));
      if (!url) {
        warnings.push(`${where}: "${row.get('url').slice(0, 80)}" is not an http(s) link; skipped.`);
        continue;
      }
      const folder = row.get('folder');
      const tags = tagsCell(row.get('tags'));
      const lower = folder.toLowerCase();
      if (lower === 'starred') tags.push('starred');
      else if (folder && lower !== 'unread' && lower !== 'archive') tags.push(folder);
      const selection = row.get('selection');
      items.push({
        where,
        title: row.get('title') || url,
        url,
        tags: [...new Set(tags)],
        savedAt: isoDate(row.get('timestamp')),
        author: '',
        source: '',
        published: null,
        read: lower === 'archive',
        archived: lower === 'archive',
        highlights: selection ? [{ quote: selection }] : [],
      });
    }
    return { app: 'Instapaper', items, warnings };
  },
};
