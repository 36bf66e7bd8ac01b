// `scholia restore`: replaces the library with a backup. Works on a library that
// will not open (that is when it is needed); refuses while Scholia has it open.
// The current state is kept aside, never deleted.
import { parseArgs } from 'node:util';
import { restoreBackup } from '../core/store/index.js';
import { type CliCommand, jsonLine, UsageError } from './command.js';

export const restoreCommand: CliCommand = {
  name: 'restore',
  library: 'create',
  summary: 'Restore the library from a backup (the current state is kept aside)',
  usage:
    'scholia restore (--from FILE | --latest) [--json]\n  FILE: a backup folder (or its library.json); --latest: the newest intact backup',
  async run(ctx, argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean', default: false },
        from: { type: 'string' },
        latest: { type: 'boolean', default: false },
      },
    });
    if (!values.from === !values.latest) throw new UsageError('give either --from FILE or --latest');
    const r = await restoreBackup(ctx.libraryDir, values.from);
    if (values.json) jsonLine(ctx, r);
    else {
      ctx.out(`Restored ${ctx.libraryDir} from ${r.restoredFrom}.`);
      ctx.out(`The previous state is kept in ${r.keptAsideIn}.`);
    }
    return 0;
  },
};
