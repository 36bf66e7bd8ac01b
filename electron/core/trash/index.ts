// The trash room's public module.
export { createTrashService } from './service.js';
