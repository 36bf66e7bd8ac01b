import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type CliCommand, UsageError, jsonLine } from './command.js';

export const editCommand: CliCommand = {
  name: 'edit',
  summary: "Replace an article's text from a file and re-anchor its passages",
  usage: 'scholia edit <article-id> --text-file F [--json]',
  async run(ctx, argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean', default: false }, 'text-file': { type: 'string' } },
      allowPositionals: true,
    });
    const id = positionals[0];
    if (!id) throw new UsageError('give the id of an article (see scholia list)');
    if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
    const file = values['text-file'];
    if (!file) throw new UsageError('--text-file is required (the new canonical text, UTF-8)');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      ctx.err(`scholia: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      return 1;
    }
    const core = await ctx.openCore();
    if (!(await core.api.getArticle(id))) {
      ctx.err(`scholia: no article with id ${id}`);
      return 1;
    }
    const r = await core.api.editArticleText(id, text);
    if (values.json) jsonLine(ctx, { moved: r.moved, fuzzy: r.fuzzy, orphaned: r.orphaned, unchanged: r.unchanged });
    else {
      ctx.out(
        `Text replaced. Passages: ${r.unchanged} unchanged, ${r.moved} moved, ${r.fuzzy} matched fuzzily, ${r.orphaned} orphaned.`,
      );
      if (r.orphaned)
        ctx.out('Orphaned passages keep their quote: see scholia passages, re-attach them in the reader.');
    }
    return 0;
  },
};
