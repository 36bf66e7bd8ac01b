import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { rendererDir, resourcesDir } from '../app-paths.js';
import { LibrarySession } from '../library-session.js';
import { startWebServer } from '../web.js';
import { type CliCommand, UsageError, jsonLine } from './command.js';

/** Opens a URL in the system browser where one exists; silent when none does. */
export function openInBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer.exe' : 'xdg-open';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  try {
    const child = spawn(cmd, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    /* no browser: the printed URL is enough */
  }
}

export const serveCommand: CliCommand = {
  name: 'serve',
  library: 'create',
  summary: 'Run Scholia in your web browser (browser mode, 127.0.0.1 only)',
  usage: 'scholia serve [--port N] [--no-open] [--json]',
  async run(ctx, argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '0' },
        'no-open': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`invalid port "${values.port}"`);
    const staticDir = rendererDir();
    if (!existsSync(path.join(staticDir, 'index.html'))) {
      ctx.err(`scholia: the user interface is not built (${staticDir} is missing); run "npm run build" first`);
      return 1;
    }
    const session = await LibrarySession.open({
      libraryDir: ctx.libraryDir,
      mode: 'browser',
      resourcesDir: resourcesDir(),
    });
    if (session.problem) ctx.err(`scholia: ${session.problem.message} (the app shows a recovery screen)`);
    const server = await startWebServer({ api: session.api, staticDir, port });
    if (values.json) jsonLine(ctx, { url: server.url, port: server.port, library: ctx.libraryDir });
    else {
      ctx.out(`Scholia is running in browser mode at ${server.url}`);
      ctx.out(`Library: ${ctx.libraryDir}   (Ctrl+C to stop)`);
    }
    if (!values['no-open']) openInBrowser(server.url);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    await session.close();
    return 0;
  },
};
