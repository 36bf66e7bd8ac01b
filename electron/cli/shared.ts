// `scholia shared <id>`: the passages an article shares with other articles of
// the library; `scholia compare <a> <b>`: two articles' shared passages side
// by side. --json prints one object per line (a public contract).
import { parseArgs } from 'node:util';
import type { Core } from '../core/core.js';
import type { CrossrefApi } from '../core/crossref/api.js';
import { createCrossrefService } from '../core/crossref/index.js';
import { type CliCommand, type CliContext, UsageError, jsonLine } from './command.js';

/** The composed API's cross-source methods (a service of its own until the core composes them). */
function crossrefOf(core: Core): CrossrefApi {
  const api = core.api as unknown as Partial<CrossrefApi>;
  return typeof api.sharedPassages === 'function' ? (api as CrossrefApi) : createCrossrefService(core.ctx);
}

function short(s: string, max = 80): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function label(title: string, source: string): string {
  return source ? `${source}: ${title}` : title;
}

async function articleExists(ctx: CliContext, core: Core, id: string): Promise<boolean> {
  if (await core.api.getArticle(id)) return true;
  ctx.err(`scholia: no article with id ${id}`);
  return false;
}

export const sharedCommand: CliCommand = {
  name: 'shared',
  library: 'read',
  summary: 'List the passages an article shares with other articles (the same quote in another outlet)',
  usage: 'scholia shared <article-id> [--min-words N] [--json]',
  async run(ctx, argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean', default: false }, 'min-words': { type: 'string' } },
      allowPositionals: true,
    });
    const [id, extra] = positionals;
    if (!id) throw new UsageError('give the id of an article (see scholia list)');
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    let minWords: number | undefined;
    if (values['min-words'] !== undefined) {
      if (!/^\d+$/.test(values['min-words']) || Number(values['min-words']) < 8)
        throw new UsageError('--min-words must be a whole number of at least 8');
      minWords = Number(values['min-words']);
    }
    const core = await ctx.openCore();
    if (!(await articleExists(ctx, core, id))) return 1;
    const shared = await crossrefOf(core).sharedPassages(id, minWords ? { minWords } : undefined);
    for (const s of shared) {
      if (values.json) {
        jsonLine(ctx, s);
        continue;
      }
      ctx.out(`${s.start}..${s.end}  “${short(s.text)}”`);
      for (const m of s.matches) {
        ctx.out(
          `    ${m.kind.padEnd(5)} ${m.similarity.toFixed(2)}  ${m.articleId}  ${m.start}..${m.end}  ${short(label(m.title, m.source), 60)}`,
        );
      }
    }
    if (!values.json) {
      const others = new Set(shared.flatMap((s) => s.matches.map((m) => m.articleId)));
      ctx.out(
        `${shared.length} shared passage${shared.length === 1 ? '' : 's'} with ${others.size} other article${others.size === 1 ? '' : 's'}`,
      );
    }
    return 0;
  },
};

export const compareCommand: CliCommand = {
  name: 'compare',
  library: 'read',
  summary: 'Compare two articles: the passages they share, with offsets into both',
  usage: 'scholia compare <article-id-a> <article-id-b> [--json]',
  async run(ctx, argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean', default: false } },
      allowPositionals: true,
    });
    const [aId, bId, extra] = positionals;
    if (!aId || !bId) throw new UsageError('give the ids of two articles (see scholia list)');
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    const core = await ctx.openCore();
    if (!(await articleExists(ctx, core, aId)) || !(await articleExists(ctx, core, bId))) return 1;
    const c = await crossrefOf(core).compareArticles(aId, bId);
    if (values.json) {
      jsonLine(ctx, c);
      return 0;
    }
    const [aText, bText] = await Promise.all([core.api.getArticle(aId), core.api.getArticle(bId)]);
    ctx.out(`A  ${label(c.a.title, c.a.source)}${c.a.published ? ` (${c.a.published})` : ''}`);
    ctx.out(`B  ${label(c.b.title, c.b.source)}${c.b.published ? ` (${c.b.published})` : ''}`);
    for (const p of c.pairs) {
      ctx.out(`${p.kind.padEnd(5)} ${p.similarity.toFixed(2)}  A ${p.aStart}..${p.aEnd}  B ${p.bStart}..${p.bEnd}`);
      ctx.out(`    A “${short(aText!.text.slice(p.aStart, p.aEnd))}”`);
      if (p.kind === 'near') ctx.out(`    B “${short(bText!.text.slice(p.bStart, p.bEnd))}”`);
    }
    ctx.out(`${c.pairs.length} shared passage${c.pairs.length === 1 ? '' : 's'}`);
    return 0;
  },
};
