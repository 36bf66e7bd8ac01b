// `scholia`: the same core headless. Global: --library DIR (or $SCHOLIA_LIBRARY).
// Exit 0 on success; non-zero with a one-line error on stderr otherwise.
import { parseArgs } from 'node:util';
import { openCore, type Core } from './core/core.js';
import { defaultLibraryDir } from './core/paths.js';
import { CoreError, errorCode } from './core/errors.js';
import { defaultLogDir, openFileLogger } from './core/log.js';
import { VERSION } from './core/version.js';
import { commands } from './cli/commands.js';
import { UsageError, type CliContext, type CliIO } from './cli/command.js';
import { processIO } from './cli/io.js';
import { requireLibrary } from './cli/library-check.js';

function help(io: CliIO): void {
  io.out(`Scholia ${VERSION}: offline research notebook (command line)

Usage: scholia [--library DIR] <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Global options:
  --library DIR   library folder (default: $SCHOLIA_LIBRARY or ${defaultLibraryDir()})
  --json          one JSON object per line on stdout, for scripts (most commands)
  --help          this help; \`scholia help <command>\` for one command
  --version       print the version`);
}

/** Splits global options (before or after the command) from the command's own arguments. */
function splitGlobals(argv: string[]): { library?: string; rest: string[]; help: boolean; version: boolean } {
  const rest: string[] = [];
  let library: string | undefined;
  let helpFlag = false;
  let version = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--library') {
      library = argv[++i];
      if (!library) throw new UsageError('--library needs a folder');
    } else if (a.startsWith('--library=')) library = a.slice('--library='.length);
    else if ((a === '--help' || a === '-h') && rest.length === 0) helpFlag = true;
    else if (a === '--version' && rest.length === 0) version = true;
    else rest.push(a);
  }
  return { library, rest, help: helpFlag, version };
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  let core: Core | undefined;
  const log = openFileLogger(io.logDir ?? defaultLogDir(), {
    // One file per program: the desktop app writes desktop.log in the same folder.
    name: 'cli',
    fields: { front: 'cli', pid: process.pid },
  });
  const started = performance.now();
  let command = '';
  try {
    const g = splitGlobals(argv);
    if (g.version) {
      io.out(VERSION);
      return 0;
    }
    const [name, ...args] = g.rest;
    if (g.help || !name || name === 'help') {
      const which = name === 'help' ? commands.find((c) => c.name === args[0]) : undefined;
      if (which) io.out(`${which.summary}\n\nUsage: ${which.usage}`);
      else help(io);
      return 0;
    }
    const cmd = commands.find((c) => c.name === name);
    command = cmd?.name ?? '';
    if (!cmd) throw new UsageError(`unknown command "${name}" (see scholia --help)`);
    if (args.includes('--help') || args.includes('-h')) {
      io.out(`${cmd.summary}\n\nUsage: ${cmd.usage}`);
      return 0;
    }
    const libraryDir = g.library ? (await import('node:path')).resolve(g.library) : defaultLibraryDir();
    const access = cmd.library ?? 'write';
    if (access !== 'create') requireLibrary(libraryDir);
    const ctx: CliContext = {
      ...io,
      libraryDir,
      log,
      async openCore() {
        core ??= await openCore({ libraryDir, mode: 'cli', log, readOnly: access === 'read' });
        return core;
      },
    };
    try {
      const exit = await cmd.run(ctx, args);
      log.info('cli.command', { command, exit, ms: performance.now() - started });
      return exit;
    } catch (err) {
      // node:util parseArgs rejects an unknown option (`list --bogus`) with a TypeError of its own.
      const parseError = String((err as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS_');
      if (err instanceof UsageError || parseError)
        throw new UsageError(`${(err as Error).message}\nUsage: ${cmd.usage}`);
      throw err;
    }
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    io.err(`scholia: ${msg}`);
    const exit = err instanceof UsageError ? 64 : 1;
    const fields = { command, exit, code: errorCode(err), ms: performance.now() - started };
    // A user's mistake is a line of information; anything that is not a CoreError is our bug.
    if (err instanceof UsageError) log.info('cli.command', fields);
    else if (err instanceof CoreError) log.warn('cli.command', fields, err);
    else log.error('cli.command', fields, err);
    return exit;
  } finally {
    try {
      await core?.close();
    } finally {
      log.close();
    }
  }
}

export { parseArgs };
