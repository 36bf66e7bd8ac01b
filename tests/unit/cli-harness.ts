// Runs the `scholia` CLI in-process on a library folder and captures what it prints.
import os from 'node:os';
import path from 'node:path';
import { main } from '../../electron/cli.js';

/** Tests keep the CLI's log out of the user's log folder. */
export const TEST_LOG_DIR = path.join(os.tmpdir(), 'scholia-test-logs');

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
  /** stdout as JSON lines (the --json contract: one object per line). */
  json(): Array<Record<string, unknown>>;
}

export async function runCli(library: string, ...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['--library', library, ...argv], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    logDir: TEST_LOG_DIR,
  });
  return { code, out, err, json: () => out.map((l) => JSON.parse(l) as Record<string, unknown>) };
}
