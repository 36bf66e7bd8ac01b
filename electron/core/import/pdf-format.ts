// PDF files (.pdf): text extracted with PDF.js into the canonical text (reading order across
// columns, words and hyphenated words joined, page furniture set aside as removed blocks), plus
// the page map and line boxes, and the original bytes kept for the page view. A PDF without a
// text layer (a scan) is imported as pages to view, with a plain warning.
import { readLayout } from './pdf/extract.js';
import { titleFromFileName } from './title-rules.js';
import type { ImportFormat, ImportInput } from './types.js';

export const NO_TEXT_WARNING =
  'No text could be extracted from this PDF (it looks scanned: pages are pictures). Its pages can be viewed, ' +
  'but searching will not find its words and passages cannot be highlighted.';

export const pdfFormat: ImportFormat = {
  id: 'pdf',
  extensions: ['pdf'],
  accepts(input: ImportInput) {
    return /\.pdf$/i.test(input.name) || /^application\/pdf/i.test(input.mime ?? '');
  },
  async extract(input) {
    const layout = await readLayout(input.bytes, input.name, input.password);
    const { meta, text } = layout;
    const warnings = text.text.trim() ? [] : [NO_TEXT_WARNING];
    return {
      articles: [
        {
          title: meta.title || titleFromFileName(input.name),
          source: meta.journal,
          author: meta.author,
          published: meta.published,
          // Where it was read (a URL import, the browser clipper) names it first; else its DOI's address.
          url: input.url || (meta.doi ? `https://doi.org/${meta.doi}` : ''),
          ...(input.url && meta.doi ? { citation: { doi: meta.doi } } : {}),
          lang: '',
          tags: [],
          text: text.text,
          removed: text.removed,
          // The bytes are kept apart (pdf); the text form of the original is the extraction itself.
          original: '',
          html: '',
          blocks: text.blocks,
          pages: text.pages,
          pdf: Buffer.from(input.bytes).toString('base64'),
          pdfLines: text.lines,
          warnings,
          format: 'pdf',
        },
      ],
      failures: [],
    };
  },
};
