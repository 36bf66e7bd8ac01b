// Readwise's CSV export of highlights: Highlight, Book Title, Book Author, Amazon
// Book ID, Note, Color, Tags, Location Type, Location, Highlighted at, Document tags.
// One item per book or document, holding its highlights.
import { parseCsv } from './csv.js';
import { decodeUtf8, isoDate, tagList } from './text.js';
import type { MigratedItem, MigrationFormat } from './types.js';

export const readwiseCsv: MigrationFormat = {
  id: 'readwise',
  app: 'Readwise',
  read(bytes, name) {
    const table = parseCsv(decodeUtf8(bytes, name), name);
    const books = new Map<string, MigratedItem>();
    const warnings: string[] = [];
    for (const row of table.rows) {
      const quote = row.get('highlight');
      const title = row.get('book title');
      if (!quote) {
        warnings.push(`row ${row.line}: no highlight text; skipped.`);
        continue;
      }
      const author = row.get('book author');
      const key = `${title}\u0000${author}`;
      let book = books.get(key);
      if (!book) {
        book = {
          where: title || `row ${row.line}`,
          title: title || 'Untitled (Readwise)',
          url: '',
          tags: tagList(row.get('document tags')),
          savedAt: null,
          author,
          source: '',
          published: null,
          read: false,
          archived: false,
          highlights: [],
          highlightsOnly: true,
        };
        books.set(key, book);
      }
      const location = row.get('location');
      const type = row.get('location type');
      const place = location ? `${type || 'location'} ${location}` : '';
      const note = [row.get('note'), place].filter(Boolean).join(' — ');
      const createdAt = isoDate(row.get('highlighted at')) ?? undefined;
      book.highlights.push({ quote, note: note || undefined, tags: tagList(row.get('tags')), createdAt });
      if (createdAt && (!book.savedAt || createdAt < book.savedAt)) book.savedAt = createdAt;
    }
    return { app: 'Readwise', items: [...books.values()], warnings };
  },
};
