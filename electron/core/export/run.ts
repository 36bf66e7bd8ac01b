// One export, start to end in memory: pick the format, gather the scope, render.
import type { CoreContext } from '../context.js';
import { VERSION } from '../version.js';
import type { ExportFile, ExportFormat, ExportFormatId, ExportScope } from './format.js';
import { getExportFormat } from './registry.js';
import { gatherBundle } from './scope.js';

export interface ExportRequest {
  format: ExportFormatId;
  scope: ExportScope;
}

export async function renderExport(
  ctx: CoreContext,
  req: ExportRequest,
  opts: { taken?: ReadonlySet<string> } = {},
): Promise<{ format: ExportFormat; files: ExportFile[] }> {
  const format = getExportFormat(req.format);
  const bundle = await gatherBundle(ctx, req.scope ?? {}, { needsBodies: format.needsBodies });
  const files = await format.render(bundle, { taken: opts.taken, appVersion: VERSION });
  return { format, files };
}
