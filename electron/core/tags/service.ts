// This room's implementation of its part of ScholiaApi (composed in ../core.ts).
import type { CoreContext } from '../context.js';
import type { TagsApi } from './api.js';

export function createTagsService(_ctx: CoreContext): TagsApi {
  return {};
}
