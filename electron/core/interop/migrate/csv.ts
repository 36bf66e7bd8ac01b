// CSV exports (Pocket, Instapaper, Readwise) read with papaparse, strictly: a file
// with broken quoting is refused whole, since a stray quote silently merges rows.
import Papa from 'papaparse';
import { MAX_ITEMS_PER_FILE, MigrationError } from './types.js';

export interface CsvTable {
  /** Header names, lower-cased and trimmed. */
  header: string[];
  /** Rows as header -> value; `line` is the row's number in the file (header = row 1). */
  rows: Array<{ line: number; get(col: string): string }>;
}

/** The header row of a CSV text (lower-cased), without parsing the rest; null when there is none. */
export function csvHeader(text: string): string[] | null {
  const first = /^[^\r\n]*/.exec(text.replace(/^\uFEFF/, ''))?.[0] ?? '';
  if (!first.includes(',')) return null;
  const parsed = Papa.parse<string[]>(first, { header: false });
  const row = parsed.data[0];
  return row ? row.map((h) => h.trim().toLowerCase()) : null;
}

export function parseCsv(text: string, name: string): CsvTable {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: 'greedy' });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    const row = quoteError.row === undefined ? '' : ` near row ${quoteError.row + 1}`;
    throw new MigrationError(
      `${name}: broken CSV quoting${row} (${quoteError.message}); a stray quote would merge rows, so nothing was imported from it.`,
    );
  }
  const [head, ...body] = parsed.data;
  if (!head) throw new MigrationError(`${name} is empty: no header row.`);
  if (body.length > MAX_ITEMS_PER_FILE) {
    throw new MigrationError(
      `${name} has ${body.length.toLocaleString('en')} rows, above the ${MAX_ITEMS_PER_FILE.toLocaleString('en')} one file may bring; split it and import the parts. Nothing was imported from it.`,
    );
  }
  const header = head.map((h) => h.trim().toLowerCase());
  const index = new Map(header.map((h, i) => [h, i]));
  const rows = body.map((cells, i) => ({
    line: i + 2,
    get(col: string) {
      const at = index.get(col);
      return at === undefined ? '' : (cells[at] ?? '').trim();
    },
  }));
  return { header, rows };
}
