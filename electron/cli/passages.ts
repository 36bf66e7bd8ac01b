import { parseArgs } from 'node:util';
import type { PassageView } from '../core/anchor/api.js';
import { type CliCommand, type CliIO, UsageError, jsonLine } from './command.js';

function offset(name: string, value: string | undefined): number {
  if (value === undefined) throw new UsageError(`--${name} is required`);
  if (!/^\d+$/.test(value))
    throw new UsageError(`--${name} must be a whole number (an offset into the text that scholia show prints)`);
  return Number(value);
}

/** The --json row of `scholia passages`: where the passage sits in the CURRENT text. */
function row(p: PassageView): Record<string, unknown> {
  return {
    id: p.id,
    articleId: p.articleId,
    state: p.state,
    start: p.position.start,
    end: p.position.end,
    exact: p.quote.exact,
    notes: p.notes,
    ...(p.comment ? { comment: p.comment } : {}),
    // PDF articles: the pages it is on, as cited ("p. 12", "pp. 12–13").
    ...(p.pageLabel ? { pageLabel: p.pageLabel } : {}),
  };
}

function short(s: string, max = 70): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function printText(io: CliIO, p: PassageView): void {
  const notes = p.notes.length ? `  ${p.notes.length} note${p.notes.length === 1 ? '' : 's'}` : '';
  io.out(
    `${p.id}  ${p.articleId}  ${p.state.padEnd(8)} ${p.position.start}..${p.position.end}${p.pageLabel ? `  ${p.pageLabel}` : ''}  “${short(p.quote.exact)}”${notes}`,
  );
}

export const passagesCommand: CliCommand = {
  name: 'passages',
  summary: 'List passages (highlights), or add one: passages add <article-id> --start N --end M',
  usage:
    'scholia passages [--article ID] [--json]\n' +
    '       scholia passages add <article-id> --start N --end M [--color C] [--json]',
  async run(ctx, argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean', default: false },
        article: { type: 'string' },
        start: { type: 'string' },
        end: { type: 'string' },
        color: { type: 'string' },
      },
      allowPositionals: true,
    });
    const [verb, ...rest] = positionals;
    if (verb === 'add') {
      const articleId = rest[0];
      if (!articleId) throw new UsageError('give the id of an article (see scholia list)');
      if (rest.length > 1) throw new UsageError(`unexpected argument "${rest[1]}"`);
      const start = offset('start', values.start);
      const end = offset('end', values.end);
      if (end <= start) throw new UsageError('--end must be greater than --start');
      const core = await ctx.openCore();
      const p = await core.api.addPassage({ articleId, start, end, color: values.color });
      if (values.json) jsonLine(ctx, p);
      else {
        printText(ctx, p);
        ctx.out(`  prefix “${short(p.quote.prefix)}”  suffix “${short(p.quote.suffix)}”`);
      }
      return 0;
    }
    if (verb !== undefined) throw new UsageError(`unknown passages command "${verb}"`);
    if (values.start !== undefined || values.end !== undefined || values.color !== undefined) {
      throw new UsageError('--start, --end and --color go with "passages add"');
    }
    const core = await ctx.openCore();
    if (values.article && !(await core.api.getArticle(values.article))) {
      ctx.err(`scholia: no article with id ${values.article}`);
      return 1;
    }
    const list = await core.api.listPassages(values.article ? { articleId: values.article } : {});
    for (const p of list) {
      if (values.json) jsonLine(ctx, row(p));
      else printText(ctx, p);
    }
    if (!values.json) {
      const orphans = list.filter((p) => p.state === 'orphan').length;
      ctx.out(`${list.length} passage${list.length === 1 ? '' : 's'}${orphans ? `, ${orphans} orphaned` : ''}`);
    }
    return 0;
  },
};
