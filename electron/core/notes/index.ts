// The notes room's public module.
export { createNotesService } from './service.js';
