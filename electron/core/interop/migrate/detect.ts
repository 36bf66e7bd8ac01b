// Which app's export a file is, by its content first (a Pocket CSV saved as .txt is
// still Pocket's), its name second. A file whose name promises an export (.csv,
// .zip, .bib, .ris) but whose content is of another kind is refused here, with what
// it is not, rather than imported as something it is not.
import { unzipSync } from 'fflate';
import { bibtexFile, BIBTEX_ENTRY } from './bibtex.js';
import { cslJson, looksLikeCsl } from './csl-json.js';
import { csvHeader } from './csv.js';
import { instapaperCsv } from './instapaper.js';
import { KINDLE_SEPARATOR, kindleClippings } from './kindle.js';
import { omnivoreZip, OMNIVORE_METADATA } from './omnivore.js';
import { pocketCsv, pocketHtml, POCKET_CSV_COLUMNS, readPocketCsvText } from './pocket.js';
import { readwiseCsv } from './readwise.js';
import { RIS_START, risFile } from './ris.js';
import { decodeUtf8 } from './text.js';
import { type MigrationFormat, type MigrationKind, type MigrationRead, MigrationError } from './types.js';
import { looksLikeWallabag, wallabagJson } from './wallabag.js';
import { isZip, readZip } from './zip.js';
import { readSnapshots, snapshotReferences } from './snapshots.js';

/** Pocket's emailed export: a zip holding its CSV (part_000000.csv...). */
const pocketZip: MigrationFormat = {
  id: 'pocket-csv',
  app: 'Pocket',
  read(bytes, name): MigrationRead {
    const files = readZip(bytes, name);
    const parts = [...files.entries()]
      .filter(([p]) => p.toLowerCase().endsWith('.csv'))
      .sort(([a], [b]) => a.localeCompare(b));
    const all: MigrationRead = { app: 'Pocket', items: [], warnings: [] };
    for (const [p, b] of parts) {
      const r = readPocketCsvText(decodeUtf8(b, `${name}: ${p}`), `${name}: ${p}`);
      all.items.push(...r.items.map((it) => ({ ...it, where: `${p} ${it.where}` })));
      all.warnings.push(...r.warnings.map((w) => `${p} ${w}`));
    }
    return all;
  },
};

export const MIGRATION_FORMATS: Record<MigrationKind, MigrationFormat> = {
  'pocket-html': pocketHtml,
  'pocket-csv': pocketCsv,
  instapaper: instapaperCsv,
  omnivore: omnivoreZip,
  wallabag: wallabagJson,
  readwise: readwiseCsv,
  kindle: kindleClippings,
  'csl-json': cslJson,
  bibtex: bibtexFile,
  ris: risFile,
};

/** Kinds as detection reports them: `pocket-zip` reads with pocketZip but reports as pocket-csv. */
export type DetectedKind = MigrationKind | 'pocket-zip';

export function migrationFormat(kind: DetectedKind): MigrationFormat {
  return kind === 'pocket-zip' ? pocketZip : MIGRATION_FORMATS[kind];
}

function extensionOf(name: string): string {
  return /\.([a-z0-9]{1,8})$/i.exec(name)?.[1]?.toLowerCase() ?? '';
}

const has = (header: string[], cols: string[]) => cols.every((c) => header.includes(c));

/** Names of the files in a zip, without inflating any of them. */
function zipNames(bytes: Uint8Array): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter(f) {
        names.push(f.name);
        return false;
      },
    });
  } catch {
    return null;
  }
  return names;
}

/** The export kind of a non-JSON file, or null when it is none (then it is an article). Throws MigrationError for a mismatch. */
export function detectMigrationBytes(bytes: Uint8Array, name: string): DetectedKind | null {
  const ext = extensionOf(name);
  if (isZip(bytes)) {
    const names = zipNames(bytes);
    if (names === null) {
      if (ext === 'zip')
        throw new MigrationError(
          `${name} is a damaged or truncated zip archive; nothing was imported from it. Download the export again.`,
        );
      return null;
    }
    if (names.some((n) => OMNIVORE_METADATA.test(n))) return 'omnivore';
    if (names.some((n) => n.toLowerCase().endsWith('.csv'))) return 'pocket-zip';
    if (ext === 'zip') {
      throw new MigrationError(
        `${name} is a zip archive but not an Omnivore or Pocket export (no metadata_*.json or .csv inside); nothing was imported from it.`,
      );
    }
    return null;
  }
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 8192)).replace(/^\uFEFF/, '');
  const start = head.trimStart();
  if (
    /<title>\s*Pocket Export\s*<\/title>/i.test(head) ||
    (/<h1>\s*Unread\s*<\/h1>/i.test(head) && /\btime_added=/i.test(head))
  )
    return 'pocket-html';
  const header = csvHeader(head);
  if (header) {
    if (has(header, POCKET_CSV_COLUMNS)) return 'pocket-csv';
    if (has(header, ['url', 'title', 'folder', 'timestamp'])) return 'instapaper';
    if (has(header, ['highlight', 'book title'])) return 'readwise';
  }
  if (ext === 'csv' || ext === 'tsv') {
    const cols = header ? header.slice(0, 8).join(', ') : 'no header row';
    throw new MigrationError(
      `${name} is not a Pocket, Instapaper or Readwise CSV export (its columns: ${cols}); nothing was imported from it.`,
    );
  }
  if (KINDLE_SEPARATOR.test(head) && /^-\s(?:Your\s)?(?:Highlight|Note|Bookmark)\b/im.test(head)) return 'kindle';
  if (RIS_START.test(start.split('\n', 1)[0] ?? '')) return 'ris';
  if (ext === 'ris')
    throw new MigrationError(
      `${name} is not a RIS file (it does not start with "TY  - "); nothing was imported from it.`,
    );
  if (
    ext === 'bib' ||
    ext === 'bibtex' ||
    ((start.startsWith('@') || start.startsWith('%')) && BIBTEX_ENTRY.test(head))
  ) {
    if (!BIBTEX_ENTRY.test(head) && bytes.length <= 8192)
      throw new MigrationError(
        `${name} holds no BibTeX entries (none starts with @article{, @book{…); nothing was imported from it.`,
      );
    return 'bibtex';
  }
  return null;
}

/** The export kind of parsed JSON that is neither a Scholia backup nor annotations, or null. */
export function detectMigrationJson(data: unknown): MigrationKind | null {
  if (looksLikeWallabag(data)) return 'wallabag';
  if (looksLikeCsl(data)) return 'csl-json';
  return null;
}

/** Files a reference export names beside itself (snapshots), read from disk for the import. Empty for other kinds. */
export async function readExportAttachments(
  file: string,
  kind: DetectedKind,
  bytes: Uint8Array,
): Promise<Record<string, Uint8Array>> {
  if (kind !== 'bibtex' && kind !== 'ris') return {};
  return readSnapshots(file, snapshotReferences(new TextDecoder('utf-8').decode(bytes), kind));
}
