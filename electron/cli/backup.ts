// `scholia backup`: takes a backup of the library now (or lists them with --list).
import { parseArgs } from 'node:util';
import { listBackups } from '../core/store/index.js';
import type { BackupInfo } from '../core/store/api.js';
import { type CliCommand, jsonLine } from './command.js';

function describe(b: BackupInfo): string {
  return `${b.id}  ${b.reason.padEnd(20)} ${b.articles} articles, ${b.notes} notes, ${b.passages} highlights  ${b.path}`;
}

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Back up the library now (--list: show the backups)',
  usage: 'scholia backup [--list] [--json]',
  async run(ctx, argv) {
    const { values } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean', default: false }, list: { type: 'boolean', default: false } },
    });
    if (values.list) {
      // Works even when the library will not open (it is what the recovery path needs).
      const all = await listBackups(ctx.libraryDir);
      for (const b of all) {
        if (values.json) jsonLine(ctx, b);
        else ctx.out(describe(b));
      }
      if (!values.json) ctx.out(`${all.length} backup${all.length === 1 ? '' : 's'} in ${ctx.libraryDir}`);
      return 0;
    }
    const core = await ctx.openCore();
    const b = await core.api.backup();
    if (values.json) jsonLine(ctx, b);
    else ctx.out(`Backup saved: ${b.path} (${b.articles} articles, ${b.notes} notes, ${b.passages} highlights)`);
    return 0;
  },
};
