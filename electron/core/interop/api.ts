// The interop room's public module: interchange that goes both ways across the
// library's boundary. Other rooms import this file only, never the modules behind it.
//   backup/       the JSON backup of the library: build, validate, restore (all or nothing)
//   annotations/  W3C Web Annotations and Hypothesis exports: read, attach, export
//   migrate/      other apps' exports (Pocket, Instapaper, Omnivore, Wallabag, Readwise, Kindle,
//                 CSL-JSON, BibTeX, RIS) and the "to fetch" entries they leave
export {
  detectInterchange,
  importInterchange,
  readInterchangeAttachments,
  type InterchangeKind,
  type InterchangeResult,
} from './interchange.js';
export { BACKUP_FORMAT, BACKUP_VERSION, BackupError, type Backup, type RestoreResult } from './backup/backup.js';
export { jsonFormat } from './backup/json-format.js';
export type { AnnotationImportResult } from './annotations/import.js';
export { w3cFormat } from './annotations/w3c-format.js';
export type { MigrationResult } from './migrate/apply.js';
export { MigrationError } from './migrate/types.js';
export { createPendingService, PendingFetcher, type FetcherOptions } from './migrate/fetch.js';
