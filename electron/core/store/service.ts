// This room's implementation of its part of ScholiaApi (composed in ../core.ts).
import type { CoreContext } from '../context.js';
import type { StoreAdminApi } from './api.js';

export function createStoreAdminService(_ctx: CoreContext): StoreAdminApi {
  return {};
}
