// Pocket's exports: ril_export.html (one link per save under "Unread" and "Read
// Archive", with time_added and tags attributes) and, from 2024 on, the CSV of the
// export email's zip: title,url,time_added,tags,status (tags joined by "|").
import { parseHTML } from 'linkedom';
import { parseCsv } from './csv.js';
import { decodeUtf8, httpUrl, isoDate, tagList } from './text.js';
import {
  type MigratedItem,
  type MigrationFormat,
  type MigrationRead,
  MAX_ITEMS_PER_FILE,
  MigrationError,
} from './types.js';

export const POCKET_CSV_COLUMNS = ['title', 'url', 'time_added', 'tags', 'status'];

/** Rows with no usable link are reported, not imported (there is nothing to fetch). */
function noLink(where: string, raw: string): string {
  return `${where}: "${raw.slice(0, 80)}" is not an http(s) link; skipped.`;
}

export function readPocketCsvText(text: string, name: string): MigrationRead {
  const table = parseCsv(text, name);
  const items: MigratedItem[] = [];
  const warnings: string[] = [];
  for (const row of table.rows) {
    const where = `row ${row.line}`;
    const url = httpUrl(row.get('url'));
    if (!url) {
      warnings.push(noLink(where, row.get('url')));
      continue;
    }
    const status = row.get('status').toLowerCase();
    items.push({
      where,
      title: row.get('title') || url,
      url,
      tags: tagList(row.get('tags'), /\|/),
      savedAt: isoDate(row.get('time_added')),
      author: '',
      source: '',
      published: null,
      read: status === 'archive',
      archived: status === 'archive',
      highlights: [],
    });
  }
  return { app: 'Pocket', items, warnings };
}

export const pocketCsv: MigrationFormat = {
  id: 'pocket-csv',
  app: 'Pocket',
  read: (bytes, name) => readPocketCsvText(decodeUtf8(bytes, name), name),
};

export const pocketHtml: MigrationFormat = {
  id: 'pocket-html',
  app: 'Pocket',
  read(bytes, name) {
    const { document } = parseHTML(decodeUtf8(bytes, name));
    const items: MigratedItem[] = [];
    const warnings: string[] = [];
    // Each list follows the heading that says which it is ("Unread", "Read Archive").
    let archived = false;
    let n = 0;
    for (const el of document.querySelectorAll('h1, li > a')) {
      if (el.tagName === 'H1') {
        archived = /archive/i.test(el.textContent ?? '');
        continue;
      }
      n++;
      if (n > MAX_ITEMS_PER_FILE) {
        throw new MigrationError(
          `${name} has more than ${MAX_ITEMS_PER_FILE} links; split it. Nothing was imported from it.`,
        );
      }
      const where = `link ${n}`;
      const raw = el.getAttribute('href') ?? '';
      const url = httpUrl(raw);
      if (!url) {
        warnings.push(noLink(where, raw));
        continue;
      }
      items.push({
        where,
        title: (el.textContent ?? '').trim() || url,
        url,
        tags: tagList(el.getAttribute('tags') ?? ''),
        savedAt: isoDate(el.getAttribute('time_added')),
        author: '',
        source: '',
        published: null,
        read: archived,
        archived,
        highlights: [],
      });
    }
    if (n === 0) throw new MigrationError(`${name} looks like a Pocket export but lists no saved links.`);
    return { app: 'Pocket', items, warnings };
  },
};
