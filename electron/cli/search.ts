import { type CliCommand, UsageError, jsonLine } from './command.js';

export const searchCommand: CliCommand = {
  name: 'search',
  library: 'read',
  summary: 'Search articles, passages and notes (same query language as the search box)',
  usage:
    'scholia search <query> [--json] [--limit N]\n' +
    '  query: words, "exact phrase", -excluded, a OR b, tag:x, source:x, type:article|passage|note,\n' +
    '         before:YYYY-MM-DD, after:YYYY-MM-DD, has:notes (put the query in quotes for your shell)',
  async run(ctx, argv) {
    // Parsed by hand: a query may itself start with "-" (an excluded word).
    let json = false;
    let limit = 20;
    const words: string[] = [];
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === '--json') json = true;
      else if (a === '--limit' || a.startsWith('--limit=')) {
        const v = a === '--limit' ? argv[++i] : a.slice('--limit='.length);
        limit = Number(v);
        if (!Number.isInteger(limit) || limit < 1 || limit > 500)
          throw new UsageError('--limit needs a number from 1 to 500');
      } else if (a === '--') words.push(...argv.slice(i + 1).splice(0));
      else words.push(a);
      if (a === '--') break;
    }
    const query = words.join(' ').trim();
    if (!query) throw new UsageError('search needs a query');
    const core = await ctx.openCore();
    // A trailing space: the query is complete, so its last word is not a prefix being typed.
    const results = await core.api.search(query + ' ', { limit });
    for (const r of results) {
      // PDF matches add their page (the fields are absent for other documents).
      const page = r.page === undefined ? {} : { page: r.page, pageLabel: r.pageLabel };
      if (json) jsonLine(ctx, { type: r.type, id: r.id, title: r.title, score: r.score, snippet: r.snippet, ...page });
      else
        ctx.out(
          `${r.score.toFixed(2).padStart(7)}  ${r.type.padEnd(7)} ${r.id}  ${r.title}${r.pageLabel ? ` (${r.pageLabel})` : ''}\n         ${r.snippet}`,
        );
    }
    if (!json) ctx.out(`${results.length} result${results.length === 1 ? '' : 's'}`);
    return 0;
  },
};
