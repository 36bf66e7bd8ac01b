import { parseArgs } from 'node:util';
import { type CliCommand, jsonLine } from './command.js';

export const listCommand: CliCommand = {
  name: 'list',
  library: 'read',
  summary: 'List the articles in the library',
  usage: 'scholia list [--json]',
  async run(ctx, argv) {
    const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } } });
    const core = await ctx.openCore();
    const articles = await core.api.listArticles();
    for (const a of articles) {
      const row = { id: a.id, title: a.title, source: a.source, published: a.published, tags: a.tags, words: a.words };
      if (values.json) jsonLine(ctx, row);
      else ctx.out(`${a.id}  ${a.title}${a.source ? ` — ${a.source}` : ''}${a.published ? ` (${a.published})` : ''}`);
    }
    if (!values.json) ctx.out(`${articles.length} article${articles.length === 1 ? '' : 's'}`);
    return 0;
  },
};
