// Interchange import: recognises a Scholia JSON backup, a W3C Web Annotation
// file, a Hypothesis export or another app's export (migrate/: Pocket, Omnivore,
// Zotero, Kindle...), and imports it. Called by `scholia import`
// (and the app's import) before the article formats are tried:
//
//   const kind = detectInterchange(bytes, name);
//   if (kind) result = await importInterchange(core.ctx, kind, bytes);
import type { CoreContext } from '../context.js';
import { type AnnotationImportResult, importAnnotations } from './annotations/import.js';
import { annotationList } from './annotations/read.js';
import { BACKUP_FORMAT, type RestoreResult, restoreBackup } from './backup/backup.js';
import { type MigrationResult, applyMigration } from './migrate/apply.js';
import {
  type DetectedKind,
  detectMigrationBytes,
  detectMigrationJson,
  migrationFormat,
  readExportAttachments,
} from './migrate/detect.js';

export type InterchangeKind = 'scholia-backup' | 'w3c' | 'hypothesis' | DetectedKind;
export type InterchangeResult = RestoreResult | AnnotationImportResult | MigrationResult;

function isMigration(kind: InterchangeKind): kind is DetectedKind {
  return kind !== 'scholia-backup' && kind !== 'w3c' && kind !== 'hypothesis';
}

function parseJson(data: Uint8Array | string): unknown {
  const text = typeof data === 'string' ? data : new TextDecoder('utf-8').decode(data);
  return JSON.parse(text.replace(/^\uFEFF/, ''));
}

/** Files an interchange file names beside it (snapshots of a BibTeX or RIS export), read from disk. */
export async function readInterchangeAttachments(
  file: string,
  kind: InterchangeKind,
  bytes: Uint8Array,
): Promise<Record<string, Uint8Array> | undefined> {
  if (!isMigration(kind)) return undefined;
  const files = await readExportAttachments(file, kind, bytes);
  return Object.keys(files).length ? files : undefined;
}

/**
 * The interchange kind of a file, or null when it is not one (then it is an article to import).
 * Throws (MigrationError) for a file whose name promises an export its content is not.
 */
export function detectInterchange(bytes: Uint8Array, name: string): InterchangeKind | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return null;
  // Only JSON can be interchange: look at the first non-blank byte before parsing anything large.
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  if (bytes[i] !== 0x7b /* { */ && bytes[i] !== 0x5b /* [ */) return detectMigrationBytes(bytes, name);
  let data: unknown;
  try {
    data = parseJson(bytes);
  } catch {
    return null;
  }
  if (data && typeof data === 'object' && (data as { format?: unknown }).format === BACKUP_FORMAT)
    return 'scholia-backup';
  return annotationList(data)?.kind ?? detectMigrationJson(data);
}

/** Imports an interchange file (its bytes, text, or parsed JSON) detected by detectInterchange. */
export async function importInterchange(
  ctx: CoreContext,
  kind: InterchangeKind,
  data: Uint8Array | string | unknown,
  /** The file's name, for messages and provenance. */
  name = 'the file',
  /** Files the export names beside it (reference snapshots), read by readExportAttachments. */
  files?: Record<string, Uint8Array>,
): Promise<InterchangeResult> {
  if (isMigration(kind)) {
    const bytes =
      data instanceof Uint8Array
        ? data
        : new TextEncoder().encode(typeof data === 'string' ? data : JSON.stringify(data));
    const format = migrationFormat(kind);
    // Read in full first: a file that fails here has written nothing.
    return applyMigration(ctx, format.id, format.read(bytes, name, files), name);
  }
  const parsed = data instanceof Uint8Array || typeof data === 'string' ? parseJson(data) : data;
  if (kind === 'scholia-backup') return restoreBackup(ctx, parsed);
  return importAnnotations(ctx, parsed);
}
