// The registry of export formats. Adding a format is adding a file in
// formats/ and one line here.
import { ExportError, type ExportFormat, type ExportFormatId } from './format.js';
import { bibtexFormat } from './formats/bibtex.js';
import { cslFormat } from './formats/csl.js';
import { htmlFormat } from './formats/html.js';
import { markdownFormat } from './formats/markdown.js';
import { pdfFormat } from './formats/pdf.js';
import { docxFormat } from './formats/docx.js';
import { jsonFormat, w3cFormat } from '../interop/api.js';

export const exportFormats: readonly ExportFormat[] = [
  markdownFormat,
  htmlFormat,
  pdfFormat,
  jsonFormat,
  cslFormat,
  bibtexFormat,
  w3cFormat,
  docxFormat,
];

export function getExportFormat(id: string): ExportFormat {
  const f = exportFormats.find((x) => x.id === id);
  if (!f)
    throw new ExportError(
      `Unknown export format "${id}" (known: ${exportFormats.map((x) => x.id).join(', ')})`,
      'unknown-format',
    );
  return f;
}

export type { ExportFormatId };
