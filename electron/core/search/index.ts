// The search room's public module.
export { createSearchService } from './service.js';
