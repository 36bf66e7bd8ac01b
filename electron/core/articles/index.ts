// The articles room's public module: the service, and importing files and folders (CLI).
export { createArticlesService } from './service.js';
export { importPaths } from './files.js';
