// CSL-JSON: the citation data Zotero, Pandoc and citeproc read (CSL data schema 1.0.2).
import { toCsl, type CslItem } from '../../cite/index.js';
import { citedSources } from '../citekeys.js';
import { safeFileName } from '../filenames.js';
import type { ExportFormat } from '../format.js';
import { bundleTitle } from '../scope.js';

export type { CslItem };
export { toCsl };

export const cslFormat: ExportFormat = {
  id: 'csl',
  label: 'CSL-JSON citations (Zotero, Pandoc)',
  extension: 'json',
  mime: 'application/vnd.citationstyles.csl+json',
  output: 'file',
  needsBodies: false,
  render(bundle) {
    const text = JSON.stringify(toCsl(citedSources(bundle)), null, 2);
    return [{ path: safeFileName(`${bundleTitle(bundle)} citations`, 'csl.json'), mime: this.mime, text }];
  },
};
