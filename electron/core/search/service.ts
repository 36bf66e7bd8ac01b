// This room's implementation of its part of ScholiaApi (composed in ../core.ts).
import type { CoreContext } from '../context.js';
import type { SearchApi } from './api.js';

export function createSearchService(_ctx: CoreContext): SearchApi {
  return {};
}
