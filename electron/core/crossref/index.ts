// The cross-source room's public module.
export { createCrossrefService, type CrossrefService } from './service.js';
