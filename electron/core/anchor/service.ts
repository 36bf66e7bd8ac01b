// This room's implementation of its part of ScholiaApi (composed in ../core.ts).
import type { CoreContext } from '../context.js';
import type { PassagesApi } from './api.js';

export function createPassagesService(_ctx: CoreContext): PassagesApi {
  return {};
}
