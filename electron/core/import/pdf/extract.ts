// A PDF's bytes to everything the import needs: the canonical text with its page map, removed
// furniture and line boxes, and the metadata. Also the plain PDF.js item-joining the evaluation
// compares against (what a naive extraction does: every item's string, space-separated).
import { readPages } from './layout.js';
import { pdfMetadata, type PdfArticleMeta } from './metadata.js';
import { assembleText, type PdfText } from './paragraphs.js';
import { readPdf } from './read-pdf.js';

export interface PdfLayout {
  text: PdfText;
  meta: PdfArticleMeta;
  pageCount: number;
}

export async function readLayout(bytes: Uint8Array, name: string, password?: string): Promise<PdfLayout> {
  const pdf = await readPdf(bytes, name, password);
  const { lines, furniture } = readPages(pdf.pages);
  const text = assembleText(lines, furniture, pdf.pages.length, pdf.labels);
  return { text, meta: pdfMetadata(pdf.meta, lines), pageCount: pdf.pages.length };
}

/** The baseline: PDF.js items in stream order joined by spaces (as most quick extractions do). */
export async function plainItemText(bytes: Uint8Array, name: string): Promise<string> {
  const pdf = await readPdf(bytes, name);
  return pdf.pages.map((p) => p.items.map((i) => i.str).join(' ')).join('\n\n');
}
