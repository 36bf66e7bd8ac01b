// `scholia doctor`: checks the library without opening it. Exit 0 healthy, 2 damaged.
import { parseArgs } from 'node:util';
import { doctor } from '../core/store/index.js';
import { type CliCommand, jsonLine } from './command.js';

export const doctorCommand: CliCommand = {
  name: 'doctor',
  summary: 'Check the library for damage (exit 0 healthy, 2 damaged)',
  usage: 'scholia doctor [--json]',
  async run(ctx, argv) {
    const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } } });
    const r = await doctor(ctx.libraryDir);
    if (values.json) jsonLine(ctx, r);
    else {
      const c = r.counts;
      ctx.out(
        `Library ${r.dir} (schema ${r.schema ?? '?'}): ${c.articles} articles, ${c.notes} notes, ${c.passages} highlights, ${c.trash} in the trash`,
      );
      if (r.openBy) ctx.out(`Open in ${r.openBy}.`);
      for (const p of r.problems) ctx.out(`PROBLEM: ${p}`);
      for (const n of r.notes) ctx.out(`note: ${n}`);
      ctx.out(`${r.backups} backup${r.backups === 1 ? '' : 's'}${r.latestBackup ? `, newest ${r.latestBackup}` : ''}`);
      if (r.healthy) ctx.out('Healthy.');
      else
        ctx.out(r.backups ? 'Damaged. To go back to the newest intact backup: scholia restore --latest' : 'Damaged.');
    }
    return r.healthy ? 0 : 2;
  },
};
