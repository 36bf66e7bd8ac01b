// Where the CLI's lines go. A reader that stops early (`scholia list --json | head -1`) closes the
// pipe: the write fails with EPIPE, reported asynchronously as an 'error' event that would otherwise
// crash the process with a stack trace. The output is simply dropped from then on, so the command
// still ends normally (closing the library, releasing its lock) and exits quietly.
import type { CliIO } from './command.js';

function lineWriter(stream: NodeJS.WriteStream): (line: string) => void {
  let closed = false;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') closed = true;
    else throw err;
  });
  return (line) => {
    if (!closed) stream.write(line + '\n');
  };
}

let stdio: CliIO | undefined;

/** The process's stdout and stderr as CLI output (created once: one error listener per stream). */
export function processIO(): CliIO {
  stdio ??= { out: lineWriter(process.stdout), err: lineWriter(process.stderr) };
  return stdio;
}
