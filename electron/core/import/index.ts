// The import room's public module: extraction of articles from bytes, one
// worker pool for many files. Formats, decoding and boilerplate are internal.
export { IMPORT_EXTENSIONS, extractWithReport, fetchUrl, findNearDuplicate, textFingerprint } from './registry.js';
export { createExtractionPool, type ExtractionPool } from './pool.js';
export { readAssets } from './assets.js';
export { carryStructure } from './structure.js';
export { URL_RULE, articleUrl } from './url.js';
export { NO_TEXT_WARNING } from './pdf-format.js';
export {
  ImportError,
  type ImportErrorCode,
  type ExtractedArticle,
  type Extraction,
  type ImportInput,
} from './types.js';
