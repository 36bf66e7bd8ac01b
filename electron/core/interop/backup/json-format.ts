// JSON: a complete, versioned backup (see ../backup.ts); restored by `scholia import`.
import { buildBackup } from './backup.js';
import type { ExportFormat } from '../../export/format.js';
import { safeFileName } from '../../export/filenames.js';
import { bundleTitle } from '../../export/scope.js';

export const jsonFormat: ExportFormat = {
  id: 'json',
  label: 'JSON backup (complete, re-importable)',
  extension: 'json',
  mime: 'application/json',
  output: 'file',
  needsBodies: true,
  render(bundle, opts) {
    const name = bundle.whole ? `Scholia backup ${bundle.exportedAt.slice(0, 10)}` : `${bundleTitle(bundle)} backup`;
    return [
      {
        path: safeFileName(name, 'json'),
        mime: 'application/json',
        text: JSON.stringify(buildBackup(bundle, opts.appVersion)),
      },
    ];
  },
};
