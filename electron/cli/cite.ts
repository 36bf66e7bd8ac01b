// `scholia cite`: a bibliography entry for articles, or a passage's quote with its in-text
// citation, in a CSL style (built in, the library's own, or a .csl file given once).
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { CitationLocator, CitationOutput, CiteRequest } from '../core/cite/api.js';
import { type CliCommand, jsonLine, UsageError } from './command.js';

const FORMATS: CitationOutput[] = ['text', 'html', 'rtf'];

export const citeCommand: CliCommand = {
  name: 'cite',
  library: 'read',
  summary: 'Cite articles or a passage in a citation style (APA, Chicago, MLA, Harvard, IEEE, Vancouver, .csl)',
  usage: `scholia cite <article-id>... [--passage ID [--page N | --paragraph N]] [--style apa] [--csl FILE.csl]
             [--format text|html|rtf] [--json]
  scholia cite --styles [--json]
  Articles: their bibliography entries. --passage: the quote with its in-text citation (a note for note
  styles), located by --page/--paragraph or by its paragraph in the article. Styles: ${'apa, chicago-author-date, chicago-notes, mla, harvard, ieee, vancouver'} and the library's own (scholia cite --styles).`,
  async run(ctx, argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        passage: { type: 'string' },
        style: { type: 'string' },
        csl: { type: 'string' },
        format: { type: 'string', default: 'text' },
        page: { type: 'string' },
        paragraph: { type: 'string' },
        styles: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    });
    const core = await ctx.openCore();
    if (values.styles) {
      const styles = await core.api.listCitationStyles();
      if (values.json) for (const s of styles) jsonLine(ctx, s);
      else for (const s of styles) ctx.out(`${s.id.padEnd(22)} ${s.title}${s.note ? ' (footnotes)' : ''}`);
      return 0;
    }
    const format = values.format as CitationOutput;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
    if (!values.passage && !positionals.length) throw new UsageError('Give article ids, or --passage ID');
    if (values.page && values.paragraph) throw new UsageError('Give --page or --paragraph, not both');
    const req: CiteRequest = { format };
    if (values.style) req.style = values.style;
    if (values.csl) {
      try {
        req.styleXml = await readFile(values.csl, 'utf8');
      } catch (err) {
        throw new UsageError(`Cannot read ${values.csl}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`);
      }
    }
    if (positionals.length) req.articleIds = positionals;
    if (values.passage) req.passageId = values.passage;
    const locator: CitationLocator | undefined = values.page
      ? { label: 'page', value: values.page }
      : values.paragraph
        ? { label: 'paragraph', value: values.paragraph }
        : undefined;
    if (locator) {
      if (!values.passage) throw new UsageError('--page and --paragraph locate a --passage');
      req.locator = locator;
    }
    const result = await core.api.cite(req);
    if (values.json) jsonLine(ctx, result);
    else {
      ctx.out(result.text);
      for (const w of result.warnings) ctx.err(`warning: ${w}`);
    }
    return 0;
  },
};
