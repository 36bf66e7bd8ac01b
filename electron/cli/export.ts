// `scholia export`: the library (or a tag, or notes, or articles) to a file or folder.
import { parseArgs } from 'node:util';
import { EXPORT_FORMAT_IDS, type ExportFormatId, type ExportScope, exportToPath } from '../core/export/index.js';
import { type CliCommand, jsonLine, UsageError } from './command.js';

export const exportCommand: CliCommand = {
  name: 'export',
  library: 'read',
  summary:
    'Export notes and articles (Markdown, HTML, PDF, JSON backup, CSL-JSON, BibTeX, W3C annotations, Word with citations)',
  usage: `scholia export --format ${EXPORT_FORMAT_IDS.join('|')} --out PATH [--tag T] [--note ID]... [--article ID]... [--force] [--json]
             [--style apa] [--keep-links]
  DOCX (and HTML/PDF given --style or --keep-links) cites every quoted passage in --style (default apa; footnotes for chicago-notes) and ends with the
  bibliography; --keep-links keeps scholia:// links beside the citations. Without --tag/--note/--article the whole library is exported. PATH is a folder (Markdown: one file per
  note and article) or a file name. Existing files are never replaced without --force.`,
  async run(ctx, argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        tag: { type: 'string' },
        note: { type: 'string', multiple: true },
        article: { type: 'string', multiple: true },
        force: { type: 'boolean', default: false },
        style: { type: 'string' },
        'keep-links': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    });
    const format = values.format as ExportFormatId | undefined;
    if (!format || !(EXPORT_FORMAT_IDS as readonly string[]).includes(format)) {
      throw new UsageError(`--format must be one of ${EXPORT_FORMAT_IDS.join(', ')}`);
    }
    if (!values.out) throw new UsageError('--out PATH is required');
    const scope: ExportScope = {};
    if (values.tag) scope.tag = values.tag;
    if (values.note?.length) scope.noteIds = values.note;
    if (values.article?.length) scope.articleIds = values.article;
    const core = await ctx.openCore();
    const citations =
      values.style || values['keep-links'] ? { style: values.style, keepLinks: values['keep-links'] } : undefined;
    const result = await exportToPath(core.ctx, { format, scope, out: values.out, force: values.force, citations });
    if (values.json) jsonLine(ctx, { ...result, count: result.files.length });
    else if (result.files.length === 1) ctx.out(`Exported ${format} to ${result.files[0]}`);
    else ctx.out(`Exported ${result.files.length} ${format} files to ${result.out}`);
    if (!values.json) for (const w of result.warnings ?? []) ctx.err(`warning: ${w}`);
    return 0;
  },
};
