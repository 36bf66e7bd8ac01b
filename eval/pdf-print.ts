// Prints known text to PDF with Chromium (Playwright's page.pdf), in the layouts the PDF evaluation
// measures: one column or two (CSS columns), with a running header, a footer and page numbers in
// the @page margins. The source text is the ground truth extraction is scored against.
import { chromium, type Browser } from '@playwright/test';
import { chromiumPath, CHROMIUM_ARGS } from '../tests/e2e/chromium.js';

export type PdfLayout = 'one-column' | 'two-column';

export interface PrintableDoc {
  title: string;
  /** Byline under the title (not scored: it is metadata, not body). */
  byline?: string;
  paragraphs: string[];
  /** Paragraph indexes to print as section headings. */
  headings?: Set<number>;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function documentHtml(doc: PrintableDoc, layout: PdfLayout): string {
  const body = doc.paragraphs
    .map((p, i) => (doc.headings?.has(i) ? `<h2>${esc(p)}</h2>` : `<p>${esc(p)}</p>`))
    .join('\n');
  const columns = layout === 'two-column' ? 'column-count: 2; column-gap: 24pt;' : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(doc.title)}</title>
<style>
  @page { size: A4; margin: 22mm 18mm 22mm 18mm; }
  body { font-family: 'DejaVu Serif', 'Liberation Serif', serif; font-size: 10.5pt; line-height: 1.35; margin: 0; }
  h1 { font-size: 20pt; line-height: 1.15; margin: 0 0 6pt; column-span: all; }
  .byline { font-size: 9.5pt; margin: 0 0 14pt; column-span: all; }
  main { ${columns} text-align: justify; }
  h2 { font-size: 12.5pt; margin: 10pt 0 4pt; }
  p { margin: 0 0 7pt; }
</style></head><body>
<h1>${esc(doc.title)}</h1>${doc.byline ? `<div class="byline">${esc(doc.byline)}</div>` : ''}
<main>${body}</main></body></html>`;
}

const marginStyle = 'font-family: sans-serif; font-size: 8pt; color: #444; width: 100%; padding: 0 18mm;';

export class PdfPrinter {
  private browser: Browser | null = null;

  async print(doc: PrintableDoc, layout: PdfLayout): Promise<Uint8Array> {
    this.browser ??= await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    const page = await this.browser.newPage();
    try {
      await page.setContent(documentHtml(doc, layout));
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: false,
        displayHeaderFooter: true,
        headerTemplate: `<div style="${marginStyle} text-align: left;">Scholia test print · ${esc(doc.title)}</div>`,
        footerTemplate: `<div style="${marginStyle} text-align: center;"><span class="pageNumber"></span></div>`,
        margin: { top: '22mm', bottom: '22mm', left: '18mm', right: '18mm' },
      });
      return new Uint8Array(pdf);
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    await this.browser?.close();
    this.browser = null;
  }
}
