import { parseArgs } from 'node:util';
import { importPaths } from '../core/articles/files.js';
import { type CliCommand, UsageError, jsonLine } from './command.js';

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import articles from files or folders (.txt, .html, .md, .jsonl)',
  usage: 'scholia import <paths...> [--json]',
  async run(ctx, argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean', default: false } },
      allowPositionals: true,
    });
    if (positionals.length === 0) throw new UsageError('give at least one file or folder to import');
    const core = await ctx.openCore();
    const counts = { imported: 0, duplicate: 0, failed: 0 };
    await importPaths(core.ctx, positionals, (r) => {
      counts[r.status]++;
      if (values.json) jsonLine(ctx, r);
      else if (r.status === 'imported') ctx.out(`imported   ${r.id ?? ''}  ${r.title}  (${r.path})`);
      else if (r.status === 'duplicate') ctx.out(`duplicate  ${r.id}  ${r.title}  (${r.path})`);
      else ctx.out(`failed     ${r.path}: ${r.error}`);
    });
    if (!values.json) ctx.out(`${counts.imported} imported, ${counts.duplicate} duplicate, ${counts.failed} failed`);
    const total = counts.imported + counts.duplicate + counts.failed;
    if (total === 0) {
      ctx.err('scholia: nothing to import (no .txt, .html, .md or .jsonl files found)');
      return 1;
    }
    return counts.failed > 0 ? 1 : 0;
  },
};
