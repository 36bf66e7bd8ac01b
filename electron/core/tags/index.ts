// The tags room's public module: the service and the tag-path rules other rooms
// filter by (a tag is within its ancestors: "ukraine/drones" is in "ukraine").
export { createTagsService, TagError } from './service.js';
export { isWithin, normalizeTag, normalizeTags } from './tag-path.js';
export { parseTagExpr } from './tag-expr.js';
