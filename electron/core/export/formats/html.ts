// HTML: one self-contained, styled, readable file (no remote resources).
import { safeFileName } from '../filenames.js';
import type { ExportFormat } from '../format.js';
import { bundleTitle } from '../scope.js';
import { renderHtmlDocument } from './html-document.js';

export const htmlFormat: ExportFormat = {
  id: 'html',
  label: 'HTML (one self-contained page)',
  extension: 'html',
  mime: 'text/html',
  output: 'file',
  needsBodies: true,
  render(bundle, opts) {
    const text = renderHtmlDocument(bundle, {
      print: false,
      appVersion: opts.appVersion,
      citations: opts.citations,
      warnings: opts.warnings,
    });
    return [{ path: safeFileName(bundleTitle(bundle), 'html'), mime: 'text/html', text }];
  },
};
