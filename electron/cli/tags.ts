import { parseArgs } from 'node:util';
import { type CliCommand, jsonLine } from './command.js';

export const tagsCommand: CliCommand = {
  name: 'tags',
  library: 'read',
  summary: "List tags with counts (sub-tags included in their parent's count)",
  usage: 'scholia tags [--json]   one {tag,count,ownCount,color?} per line with --json',
  async run(ctx, argv) {
    const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } } });
    const core = await ctx.openCore();
    const tags = await core.api.listTags();
    for (const t of tags) {
      // The CLI's documented --json shape; the per-kind counts stay in the API.
      if (values.json)
        jsonLine(ctx, { tag: t.tag, count: t.count, ownCount: t.ownCount, ...(t.color ? { color: t.color } : {}) });
      else {
        const depth = t.tag.split('/').length - 1;
        const name = '  '.repeat(depth) + t.tag;
        ctx.out(
          `${name.padEnd(40)} ${String(t.count).padStart(5)}${t.ownCount !== t.count ? ` (${t.ownCount} own)` : ''}${t.color ? `  ${t.color}` : ''}`,
        );
      }
    }
    if (!values.json) ctx.out(`${tags.length} tag${tags.length === 1 ? '' : 's'}`);
    return 0;
  },
};
