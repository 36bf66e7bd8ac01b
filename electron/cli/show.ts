import { parseArgs } from 'node:util';
import { type CliCommand, UsageError, jsonLine } from './command.js';

export const showCommand: CliCommand = {
  name: 'show',
  library: 'read',
  summary: 'Show one article: metadata, canonical text and removed boilerplate',
  usage: 'scholia show <id> [--json]',
  async run(ctx, argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean', default: false } },
      allowPositionals: true,
    });
    const id = positionals[0];
    if (!id) throw new UsageError('give the id of an article (see scholia list)');
    const core = await ctx.openCore();
    const a = await core.api.getArticle(id);
    if (!a) {
      ctx.err(`scholia: no article with id ${id}`);
      return 1;
    }
    if (values.json) {
      jsonLine(ctx, {
        id: a.id,
        title: a.title,
        source: a.source,
        author: a.author,
        published: a.published,
        url: a.url,
        lang: a.lang,
        tags: a.tags,
        words: a.words,
        format: a.format,
        addedAt: a.addedAt,
        text: a.text,
        removed: a.removed,
        // PDF articles: where each page begins in `text` (and its printed label).
        ...(a.pages ? { pages: a.pages } : {}),
      });
      return 0;
    }
    ctx.out(a.title);
    const line = [a.source, a.author, a.published, a.url].filter(Boolean).join(' · ');
    if (line) ctx.out(line);
    ctx.out('');
    ctx.out(a.text);
    if (a.removed.length) ctx.out(`\n[${a.removed.length} block(s) of boilerplate set aside; see --json]`);
    if (a.pages)
      ctx.out(`[${a.pages.length} page${a.pages.length === 1 ? '' : 's'} (PDF); see --json for where each begins]`);
    return 0;
  },
};
