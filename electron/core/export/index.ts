// The export room's public module: the service, writing an export to disk
// (CLI), and interchange files (backups, W3C/Hypothesis annotations) read on import.
export { createExportService } from './service.js';
export { EXPORT_FORMAT_IDS, ExportError, type ExportFormatId, type ExportScope } from './format.js';
export { exportToPath } from './write.js';
export { detectInterchange, importInterchange, type InterchangeKind, type InterchangeResult } from './interchange.js';
