// The export room's public module: the service, and writing an export to disk (CLI).
export { createExportService } from './service.js';
export { EXPORT_FORMAT_IDS, ExportError, type ExportFormatId, type ExportScope } from './format.js';
export { exportToPath } from './write.js';
export { noteToSafeHtml, sanitizeHtml } from './sanitize.js';
