// One export, start to end in memory: pick the format, gather the scope, render.
import type { CoreContext } from '../context.js';
import { VERSION } from '../version.js';
import type { ExportFile, ExportFormat, ExportFormatId, ExportScope } from './format.js';
import { getExportFormat } from './registry.js';
import { gatherBundle } from './scope.js';
import { USER_STYLES_SETTING, type UserStyle } from '../cite/index.js';

export interface ExportRequest {
  format: ExportFormatId;
  scope: ExportScope;
  citations?: { style?: string; keepLinks?: boolean };
}

export async function renderExport(
  ctx: CoreContext,
  req: ExportRequest,
  opts: { taken?: ReadonlySet<string> } = {},
): Promise<{ format: ExportFormat; files: ExportFile[]; warnings: string[] }> {
  const format = getExportFormat(req.format);
  const bundle = await gatherBundle(ctx, req.scope ?? {}, { needsBodies: format.needsBodies });
  const warnings: string[] = [];
  const userStyles = ctx.store.getSetting<UserStyle[]>(USER_STYLES_SETTING) ?? [];
  const files = await format.render(bundle, {
    taken: opts.taken,
    appVersion: VERSION,
    citations: req.citations ? { ...req.citations, userStyles } : undefined,
    warnings,
  });
  return { format, files, warnings };
}
