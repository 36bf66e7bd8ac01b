// Word (.docx): the notes in scope with every quoted passage cited in a CSL style (in-text, or as
// footnotes for note styles), ending with the bibliography; made with the `docx` library. Only
// text, marks and http(s)/mailto/scholia links are written: nothing in a note can become active
// content in Word.
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx';
import { type Block, citedDocument, cslRuns, type Inline } from '../cited.js';
import { safeFileName } from '../filenames.js';
import type { ExportFormat } from '../format.js';
import { bundleTitle } from '../scope.js';

const MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

function cslTextRuns(html: string): TextRun[] {
  return cslRuns(html).map(
    (r) =>
      new TextRun({
        text: r.text,
        italics: r.italic,
        bold: r.bold,
        superScript: r.sup,
        subScript: r.sub,
      }),
  );
}

function runs(inlines: Inline[]): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const i of inlines) {
    if (i.kind === 'citation') out.push(...cslTextRuns(i.html));
    else if (i.kind === 'footnote') out.push(new FootnoteReferenceRun(i.n));
    else {
      const parts = i.text.split('\n');
      const textRuns = parts.map(
        (t, k) =>
          new TextRun({
            text: t,
            bold: i.bold,
            italics: i.italic,
            font: i.code ? 'Consolas' : undefined,
            break: k > 0 ? 1 : undefined,
            style: i.href ? 'Hyperlink' : undefined,
          }),
      );
      if (i.href) out.push(new ExternalHyperlink({ link: i.href, children: textRuns }));
      else out.push(...textRuns);
    }
  }
  return out;
}

function paragraph(b: Block): Paragraph[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[b.level - 1], children: runs(b.inlines) })];
    case 'quote':
      return [new Paragraph({ style: 'Quote', children: runs(b.inlines) })];
    case 'list-item':
      return [
        new Paragraph({
          ...(b.ordered
            ? { numbering: { reference: 'ordered', level: Math.min(b.depth, 8) } }
            : { bullet: { level: Math.min(b.depth, 8) } }),
          children: runs(b.inlines),
        }),
      ];
    case 'code':
      return b.text
        .split('\n')
        .map((line) => new Paragraph({ children: [new TextRun({ text: line, font: 'Consolas' })] }));
    default:
      return [new Paragraph({ children: runs(b.inlines) })];
  }
}

export const docxFormat: ExportFormat = {
  id: 'docx',
  label: 'Word document with citations (.docx)',
  extension: 'docx',
  mime: MIME,
  output: 'file',
  needsBodies: true,
  async render(bundle, opts) {
    const title = bundleTitle(bundle);
    const doc = citedDocument(bundle, title, opts.citations ?? {});
    opts.warnings?.push(...doc.problems);
    const children: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] })];
    for (const b of doc.blocks) children.push(...paragraph(b));
    if (doc.bibliography.length) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(doc.bibliographyTitle)] }));
      for (const entry of doc.bibliography)
        // A hanging indent, as author-date bibliographies are set.
        children.push(new Paragraph({ style: 'Bibliography', children: cslTextRuns(entry) }));
    }
    const footnotes = Object.fromEntries(
      doc.footnotes.map((html, i) => [i + 1, { children: [new Paragraph({ children: cslTextRuns(html) })] }]),
    );
    const file = new Document({
      creator: 'Scholia',
      title,
      footnotes,
      numbering: {
        config: [
          {
            reference: 'ordered',
            levels: Array.from({ length: 9 }, (_, level) => ({
              level,
              format: 'decimal' as const,
              text: `%${level + 1}.`,
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
            })),
          },
        ],
      },
      styles: {
        paragraphStyles: [
          {
            id: 'Quote',
            name: 'Quote',
            basedOn: 'Normal',
            next: 'Normal',
            paragraph: { indent: { left: 720, right: 720 }, spacing: { before: 120, after: 120 } },
          },
          {
            id: 'Bibliography',
            name: 'Bibliography',
            basedOn: 'Normal',
            paragraph: { indent: { left: 720, hanging: 720 }, spacing: { after: 120 } },
          },
        ],
      },
      sections: [{ children }],
    });
    const bytes = await Packer.toBuffer(file);
    return [{ path: safeFileName(title, 'docx'), mime: MIME, base64: Buffer.from(bytes).toString('base64') }];
  },
};
