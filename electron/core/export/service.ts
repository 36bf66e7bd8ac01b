// This room's implementation of its part of ScholiaApi (composed in ../core.ts).
import type { CoreContext } from '../context.js';
import type { ExportApi } from './api.js';
import { exportFormats } from './registry.js';
import { renderExport } from './run.js';

export function createExportService(ctx: CoreContext): ExportApi {
  return {
    async listExportFormats() {
      return exportFormats.map(({ id, label, extension, mime, output }) => ({ id, label, extension, mime, output }));
    },
    async exportData(req) {
      const { format, files, warnings } = await renderExport(ctx, req);
      return warnings.length ? { format: format.id, files, warnings } : { format: format.id, files };
    },
  };
}
