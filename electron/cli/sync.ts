// `scholia sync`: exchanges changes with the library's sync target (a folder or a WebDAV URL), and
// `scholia sync status`: what is set and how the last sync went. The target is remembered per library;
// WebDAV credentials and the passphrase come from SCHOLIA_SYNC_USER / SCHOLIA_SYNC_PASSWORD /
// SCHOLIA_SYNC_PASSPHRASE (or the desktop app's keychain).
import { parseArgs } from 'node:util';
import { type CliCommand, jsonLine, UsageError } from './command.js';

export const syncCommand: CliCommand = {
  name: 'sync',
  // A new device starts from an empty library folder and fills it from the target.
  library: 'create',
  summary: 'Sync the library with a folder (Syncthing, Dropbox...) or a WebDAV server; "sync status" shows how it went',
  usage:
    'scholia sync [--target FOLDER|WEBDAV-URL] [--json]\n' +
    'scholia sync status [--json]\n' +
    '  WebDAV: SCHOLIA_SYNC_USER, SCHOLIA_SYNC_PASSWORD; encryption: SCHOLIA_SYNC_PASSPHRASE',
  async run(ctx, argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, target: { type: 'string' } },
    });
    if (positionals.length > 1 || (positionals[0] && positionals[0] !== 'status'))
      throw new UsageError(`unknown sync subcommand "${positionals.join(' ')}"`);
    const core = await ctx.openCore();
    if (positionals[0] === 'status') {
      if (values.target) throw new UsageError('sync status takes no --target');
      const s = await core.api.getSyncStatus();
      if (values.json) jsonLine(ctx, s);
      else {
        ctx.out(
          s.target ? `Target: ${s.target} (${s.kind}${s.encrypted ? ', encrypted' : ''})` : 'Sync is not set up.',
        );
        ctx.out(
          s.lastSync
            ? `Last sync: ${s.lastSync.at} ${s.lastSync.ok ? 'ok' : `failed: ${s.lastSync.error}`}`
            : 'Last sync: never',
        );
        ctx.out(`Pending changes: ${s.pendingChanges}   Conflicts kept: ${s.conflicts}`);
      }
      return 0;
    }
    // SCHOLIA_SYNC_TRACE: each phase on stderr as it is reached (for scripts and the kill tests).
    const trace = process.env.SCHOLIA_SYNC_TRACE ? (p: string) => ctx.err(`sync-phase ${p}`) : undefined;
    const r = await core.sync.syncWithTarget(values.target, trace);
    if (values.json) jsonLine(ctx, r);
    else {
      ctx.out(
        `Synced: ${r.uploadedOps} changes sent, ${r.receivedOps} received (${r.segmentsApplied} segments), ` +
          `${r.conflicts} conflicts kept, ${r.bytesUp} bytes up, ${r.bytesDown} down.`,
      );
      if (r.pending) ctx.out(`${r.pending} items wait for texts still on their way; they arrive at a later sync.`);
    }
    for (const w of r.warnings) ctx.err(`warning: ${w}`);
    return 0;
  },
};
