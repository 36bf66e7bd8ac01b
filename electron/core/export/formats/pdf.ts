// PDF: the format produces print-ready HTML; turning it into PDF is the front
// end's job (desktop: webContents.printToPDF; browser: print; CLI: headless
// Chromium, see ../chromium.ts), flagged by `printToPdf` on the file.
import { safeFileName } from '../filenames.js';
import type { ExportFormat } from '../format.js';
import { bundleTitle } from '../scope.js';
import { renderHtmlDocument } from './html-document.js';

export const pdfFormat: ExportFormat = {
  id: 'pdf',
  label: 'PDF (print-ready document)',
  extension: 'pdf',
  mime: 'application/pdf',
  output: 'file',
  needsBodies: true,
  render(bundle, opts) {
    const text = renderHtmlDocument(bundle, {
      print: true,
      appVersion: opts.appVersion,
      citations: opts.citations,
      warnings: opts.warnings,
    });
    return [{ path: safeFileName(bundleTitle(bundle), 'pdf'), mime: 'text/html', text, printToPdf: true }];
  },
};
