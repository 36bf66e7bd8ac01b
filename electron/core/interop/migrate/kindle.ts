// Kindle's "My Clippings.txt": entries separated by "==========", each a title line
// "Book Title (Author)", a line "- Your Highlight on page 12 | Location 170-172 |
// Added on Sunday, March 3, 2019 10:11:32 PM", a blank line and the text. Notes sit
// in their own entries at the location where the highlight ends; bookmarks carry no text.
import { decodeUtf8, isoDate } from './text.js';
import { type MigratedItem, type MigrationFormat, MAX_ITEMS_PER_FILE, MigrationError } from './types.js';

/** The separator line Kindle writes between clippings. */
export const KINDLE_SEPARATOR = /^={10}\s*$/m;

interface Clip {
  kind: 'highlight' | 'note' | 'bookmark' | 'other';
  start: number | null;
  end: number | null;
  page: string;
  added: string | null;
  text: string;
}

function readMetaLine(line: string): Omit<Clip, 'text'> {
  const kind = /\bhighlight\b/i.test(line)
    ? 'highlight'
    : /\bnote\b/i.test(line)
      ? 'note'
      : /\bbookmark\b/i.test(line)
        ? 'bookmark'
        : 'other';
  const loc = /\b(?:location|loc\.)\s*(\d+)(?:-(\d+))?/i.exec(line);
  const start = loc ? Number(loc[1]) : null;
  let end = loc?.[2] ? Number(loc[2]) : start;
  // "Loc. 170-72" abbreviates the end's leading digits.
  if (start !== null && end !== null && end < start && loc?.[2]) {
    const s = String(start);
    end = Number(s.slice(0, s.length - loc[2].length) + loc[2]);
  }
  const page = /\bpage\s*([\w-]+)/i.exec(line)?.[1] ?? '';
  const addedText = /added on\s*(.+)$/i.exec(line)?.[1]?.trim() ?? '';
  // "Sunday, March 3, 2019 10:11:32 PM": Date.parse reads it once the weekday is off.
  const added = isoDate(addedText.replace(/^[A-Za-z]+,\s*/, ''));
  return { kind, start, end, page, added };
}

function splitTitle(line: string): { title: string; author: string } {
  const m = /^(.*\S)\s*\(([^()]*)\)\s*$/.exec(line);
  return m ? { title: m[1]!.trim(), author: m[2]!.trim() } : { title: line.trim(), author: '' };
}

export const kindleClippings: MigrationFormat = {
  id: 'kindle',
  app: 'Kindle',
  read(bytes, name) {
    const text = decodeUtf8(bytes, name).replace(/\r\n?/g, '\n');
    const entries = text.split(KINDLE_SEPARATOR);
    if (entries.length > MAX_ITEMS_PER_FILE) {
      throw new MigrationError(
        `${name} has more than ${MAX_ITEMS_PER_FILE} clippings; split it. Nothing was imported from it.`,
      );
    }
    const books = new Map<string, { item: MigratedItem; clips: Clip[] }>();
    const warnings: string[] = [];
    let bookmarks = 0;
    entries.forEach((raw, i) => {
      const lines = raw
        .replace(/^\uFEFF/, '')
        .replace(/^\n+/, '')
        .split('\n');
      if (lines.every((l) => !l.trim())) return;
      const titleLine = lines[0]!.replace(/^\uFEFF/, '').trim();
      const metaLine = lines[1] ?? '';
      if (!titleLine || !/^-\s/.test(metaLine)) {
        warnings.push(`clipping ${i + 1}: not in Kindle's layout (title line, then "- Your Highlight…"); skipped.`);
        return;
      }
      const clip: Clip = { ...readMetaLine(metaLine), text: lines.slice(2).join('\n').trim() };
      if (clip.kind === 'bookmark') {
        bookmarks++;
        return;
      }
      const { title, author } = splitTitle(titleLine);
      let book = books.get(titleLine);
      if (!book) {
        book = {
          item: {
            where: title,
            title,
            url: '',
            tags: [],
            savedAt: null,
            author,
            source: '',
            published: null,
            read: false,
            archived: false,
            highlights: [],
            highlightsOnly: true,
          },
          clips: [],
        };
        books.set(titleLine, book);
      }
      if (clip.text) book.clips.push(clip);
    });
    for (const { item, clips } of books.values()) {
      const highlights = clips.filter((c) => c.kind === 'highlight');
      for (const h of highlights) {
        // An edited highlight leaves its older copy behind: keep one of each text.
        if (item.highlights.some((x) => x.quote === h.text)) continue;
        const where = [
          h.page && `page ${h.page}`,
          h.start !== null && `location ${h.start}${h.end !== h.start ? `-${h.end}` : ''}`,
        ]
          .filter(Boolean)
          .join(', ');
        item.highlights.push({
          quote: h.text,
          note: where ? `Kindle ${where}` : undefined,
          createdAt: h.added ?? undefined,
        });
        if (h.added && (!item.savedAt || h.added < item.savedAt)) item.savedAt = h.added;
      }
      for (const n of clips.filter((c) => c.kind === 'note')) {
        // A note belongs to the highlight whose locations hold it.
        const owner = highlights.findIndex(
          (h) => h.start !== null && n.start !== null && n.start >= h.start && n.start <= (h.end ?? h.start),
        );
        const target = owner >= 0 ? item.highlights.find((x) => x.quote === highlights[owner]!.text) : undefined;
        if (target) target.note = target.note ? `${n.text}\n(${target.note})` : n.text;
        else
          item.highlights.push({
            quote: n.text,
            note: 'Kindle note (no highlight at its location)',
            createdAt: n.added ?? undefined,
          });
      }
    }
    if (bookmarks) warnings.push(`${bookmarks} bookmark(s) hold no text and were not imported.`);
    const items = [...books.values()].map((b) => b.item).filter((it) => it.highlights.length > 0);
    if (items.length === 0 && entries.length > 1 && warnings.length === 0 && !bookmarks)
      throw new MigrationError(`${name} holds no Kindle highlights or notes.`);
    return { app: 'Kindle', items, warnings };
  },
};
