// The search room's public module.
export { createSearchService } from './service.js';
export { parseQuery } from './query.js';
