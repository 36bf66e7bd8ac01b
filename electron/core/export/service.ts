// This room's implementation of its part of ScholiaApi (composed in ../core.ts).
import type { CoreContext } from '../context.js';
import type { ExportApi } from './api.js';

export function createExportService(_ctx: CoreContext): ExportApi {
  return {};
}
