// One CLI command = one file in electron/cli/, registered in commands.ts.
import type { Core } from '../core/core.js';
import { CoreError } from '../core/errors.js';
import type { Logger } from '../core/log.js';

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  /** Where the CLI writes its log (default: the app's log folder, defaultLogDir()). */
  logDir?: string;
}

export interface CliContext extends CliIO {
  /** The library folder (--library, $SCHOLIA_LIBRARY, or the per-OS default). */
  libraryDir: string;
  /** The structured log (also handed to the core). */
  log: Logger;
  /** Opens the library's core (once; later calls return the same core). */
  openCore(): Promise<Core>;
}

/**
 * What a command needs of the library folder:
 * - 'create': may create a new library there (import, serve, restore);
 * - 'read': only reads: works on a snapshot without the writer lock, so it answers while the app
 *   holds the library (list, show, search, export…);
 * - 'write' (default): changes an existing library, under the writer lock.
 * Every command but a 'create' one refuses a folder that holds no library.
 */
export type LibraryAccess = 'create' | 'read' | 'write';

export interface CliCommand {
  name: string;
  summary: string;
  library?: LibraryAccess;
  /** Usage line(s) shown by `scholia help <name>` and on bad arguments. */
  usage: string;
  /** Returns the exit code. Throw UsageError for bad arguments. */
  run(ctx: CliContext, argv: string[]): Promise<number>;
}

/** A command line that cannot be run as typed: exit code 64 and the command's usage. */
export class UsageError extends CoreError<'usage'> {
  constructor(message: string) {
    super(message, 'usage');
  }
}

/** Prints one JSON value on one line (the --json contract: one object per line). */
export function jsonLine(io: CliIO, value: unknown): void {
  io.out(JSON.stringify(value));
}
