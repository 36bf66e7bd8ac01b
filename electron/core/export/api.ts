// This room's part of the ScholiaApi contract (composed in ../api.ts).
import type { ExportFile, ExportFormatId, ExportScope } from './format.js';

export type { ExportFile, ExportFormatId, ExportScope };

export interface ExportRequest {
  format: ExportFormatId;
  /** Empty scope (or `all: true`) = the whole library; `tag` includes its sub-tags. */
  scope: ExportScope;
  /** For formats that cite (DOCX): the CSL style id (default 'apa') and whether scholia:// links stay beside. */
  citations?: { style?: string; keepLinks?: boolean };
}

export interface ExportResult {
  format: ExportFormatId;
  /**
   * The files to save, relative to the destination the user picked (a folder for
   * 'folder' formats). A file with `printToPdf` holds print-ready HTML: the front
   * end prints it to the PDF named `path` (desktop: printToPDF; browser: print).
   */
  files: ExportFile[];
  /** What the export could not cite or render well (a passage no longer in the library...). */
  warnings?: string[];
}

export interface ExportFormatInfo {
  id: ExportFormatId;
  label: string;
  extension: string;
  mime: string;
  output: 'file' | 'folder';
}

export interface ExportApi {
  /** The formats the export dialog offers, in the order to show them. */
  listExportFormats(): Promise<ExportFormatInfo[]>;
  /** Renders an export in memory. Never modifies the library. */
  exportData(req: ExportRequest): Promise<ExportResult>;
}
