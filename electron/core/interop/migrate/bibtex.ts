// BibTeX / biblatex (Zotero, JabRef, Better BibTeX) read with @retorquere/bibtex-parser,
// the parser Zotero's Better BibTeX uses (it turns LaTeX into Unicode and splits names).
import { parse } from '@retorquere/bibtex-parser';
import { personList, referenceItem } from './reference.js';
import { bibtexFilePaths } from './snapshots.js';
import { decodeUtf8, httpUrl, isoDate, str } from './text.js';
import { type MigratedItem, type MigrationFormat, MAX_ITEMS_PER_FILE, MigrationError } from './types.js';

export const BIBTEX_ENTRY = /^\s*@(?!comment\b|string\b|preamble\b)[a-z]+\s*[{(]/im;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function bibDate(f: Record<string, unknown>): string | null {
  const date = str(f.date);
  if (date) return isoDate(date) ?? (/^\d{4}/.exec(date) ? `${date.slice(0, 4)}-01-01` : null);
  const year = /\d{4}/.exec(str(f.year))?.[0];
  if (!year) return null;
  const m = str(f.month).toLowerCase();
  const month = /^\d+$/.test(m) ? Number(m) : MONTHS.indexOf(m.slice(0, 3)) + 1;
  return month >= 1 && month <= 12 ? `${year}-${String(month).padStart(2, '0')}-01` : `${year}-01-01`;
}

export const bibtexFile: MigrationFormat = {
  id: 'bibtex',
  app: 'BibTeX',
  read(bytes, name, files) {
    const text = decodeUtf8(bytes, name);
    let lib;
    try {
      lib = parse(text, { english: false });
    } catch (err) {
      throw new MigrationError(
        `${name} could not be read as BibTeX (${(err as Error).message}); nothing was imported from it.`,
      );
    }
    if (lib.entries.length === 0) {
      const why = lib.errors[0] ? `: ${lib.errors[0].error}` : '';
      throw new MigrationError(`${name} holds no BibTeX entries that can be read${why}.`);
    }
    if (lib.entries.length > MAX_ITEMS_PER_FILE)
      throw new MigrationError(`${name} has more than ${MAX_ITEMS_PER_FILE} entries; split it.`);
    const warnings = lib.errors.map((e) => `a BibTeX entry could not be read (${e.error}); skipped.`);
    const items: MigratedItem[] = [];
    for (const e of lib.entries) {
      const f = e.fields as Record<string, unknown>;
      const people = (e.fields.author ?? e.fields.editor ?? []).map((c) =>
        c.name ? { literal: c.name } : { family: [c.prefix, c.lastName].filter(Boolean).join(' '), given: c.firstName },
      );
      const item = referenceItem(
        {
          where: `entry ${e.key}`,
          title: str(f.title),
          author: personList(people),
          container: str(f.journaltitle) || str(f.journal) || str(f.booktitle) || (e.fields.publisher ?? []).join(', '),
          published: bibDate(f),
          url: httpUrl(f.url),
          doi: str(f.doi),
          tags: [...new Set((e.fields.keywords ?? []).map((k) => k.trim()).filter(Boolean))],
          abstract: str(f.abstract),
          snapshots: bibtexFilePaths(typeof f.file === 'string' ? f.file : ''),
        },
        warnings,
        files,
      );
      if (item) items.push(item);
    }
    return { app: 'BibTeX', items, warnings };
  },
};
