// `scholia stories`: the library's stories (groups of articles reporting one event) from the command
// line: list them, list what the library proposes, and write one story's comparison report (the
// same sanitized HTML or Markdown the story view exports).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileDurable } from '../core/store/index.js';
import { type CliCommand, jsonLine, UsageError } from './command.js';

const FORMATS = ['html', 'md'] as const;

export const storiesCommand: CliCommand = {
  name: 'stories',
  library: 'read',
  summary: 'List stories, proposed stories, or write a story’s comparison report',
  usage: [
    'scholia stories [--json]                           one {id,name,articles,updatedAt} per line with --json',
    'scholia stories --proposed [--json]                groups the library proposes: {name,articleIds,linkedPairs}',
    'scholia stories --report ID [--format html|md] [--out FILE]   the report (to stdout without --out)',
  ].join('\n'),
  async run(ctx, argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        proposed: { type: 'boolean', default: false },
        report: { type: 'string' },
        format: { type: 'string', default: 'html' },
        out: { type: 'string' },
      },
    });
    if (positionals.length) throw new UsageError(`Unexpected argument: ${positionals[0]}`);
    if (values.report !== undefined && values.proposed) throw new UsageError('Give --report or --proposed, not both');
    const core = await ctx.openCore();

    if (values.report !== undefined) {
      const format = values.format as (typeof FORMATS)[number];
      if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
      const report = await core.api.exportStory(values.report, format === 'md' ? 'markdown' : 'html');
      if (!values.out) {
        ctx.out(report.content.replace(/\n$/, ''));
        return 0;
      }
      const out = path.resolve(values.out);
      await writeFileDurable(out, report.content);
      if (values.json) jsonLine(ctx, { path: out, mime: report.mime, bytes: Buffer.byteLength(report.content) });
      else ctx.out(`Story report written: ${out}`);
      return 0;
    }

    if (values.proposed) {
      const proposals = await core.api.proposeStories();
      for (const p of proposals) {
        if (values.json) jsonLine(ctx, { name: p.name, articleIds: p.articleIds, linkedPairs: p.linkedPairs });
        else ctx.out(`${p.name}  (${p.articleIds.length} articles)`);
      }
      if (!values.json) ctx.out(`${proposals.length} proposed stor${proposals.length === 1 ? 'y' : 'ies'}`);
      return 0;
    }

    const stories = await core.api.listStories();
    for (const s of stories) {
      if (values.json) jsonLine(ctx, { id: s.id, name: s.name, articles: s.count, updatedAt: s.updatedAt });
      else ctx.out(`${s.id}  ${s.name}  (${s.count} article${s.count === 1 ? '' : 's'})`);
    }
    if (!values.json) ctx.out(`${stories.length} stor${stories.length === 1 ? 'y' : 'ies'}`);
    return 0;
  },
};
