// The collections room's public module (saved searches and tag filters).
export { createCollectionsService, CollectionError } from './service.js';
