import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { rendererDir, resourcesDir, userDataDir } from '../app-paths.js';
import { LibraryHost } from '../library-session.js';
import { PreferencesFile } from '../desktop/preferences.js';
import { startWebServer } from '../web.js';
import { startClipServer } from '../clip-endpoint.js';
import { ClipPairings, filePairingStore } from '../clip-pairing.js';
import { CLIP_PORTS } from '../shared/clip-protocol.js';
import { type CliCommand, UsageError, jsonLine } from './command.js';

/** Opens a URL in the system browser where one exists; silent when none does. */
export function openInBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer.exe' : 'xdg-open';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  try {
    const child = spawn(cmd, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => {}); // no browser to open: the printed URL is enough
    child.unref();
  } catch {
    /* no browser: the printed URL is enough */
  }
}

export const serveCommand: CliCommand = {
  name: 'serve',
  library: 'create',
  summary: 'Run Scholia in your web browser (browser mode, 127.0.0.1 only)',
  usage: 'scholia serve [--port N] [--clip-port N|off] [--no-open] [--json]',
  async run(ctx, argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '0' },
        // The browser clipper's endpoint: its documented port (then fallbacks) unless given; "off" runs without it.
        'clip-port': { type: 'string' },
        'no-open': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`invalid port "${values.port}"`);
    const clipPort = values['clip-port'];
    const clipPorts = clipPort === undefined ? CLIP_PORTS : clipPort === 'off' ? [] : [Number(clipPort)];
    if (clipPorts.some((p) => !Number.isInteger(p) || p < 1 || p > 65535)) {
      throw new UsageError(`invalid clip port "${clipPort}" (a port number, or off)`);
    }
    const staticDir = rendererDir();
    if (!existsSync(path.join(staticDir, 'index.html'))) {
      ctx.err(`scholia: the user interface is not built (${staticDir} is missing); run "npm run build" first`);
      return 1;
    }
    const log = ctx.log.child({ front: 'browser' });
    // A host, not a bare session: Preferences can switch libraries without restarting the server.
    const host = new LibraryHost(
      ctx.libraryDir,
      { mode: 'browser', resourcesDir: resourcesDir(), log },
      { preferences: new PreferencesFile(path.join(userDataDir(), 'preferences.json')) },
    );
    const session = await host.session();
    if (session.problem) {
      ctx.err(`scholia: ${session.problem.message} (the app shows a recovery screen)`);
      log.warn('library.recovery', { code: session.problem.code }, session.problem);
    }
    const server = await startWebServer({ api: host.api, staticDir, port, log });
    log.info('browser.started', { port: server.port });
    // The browser clipper's door (electron/clip-endpoint.ts): pairing codes are shown here, in the terminal.
    const clip = clipPorts.length
      ? await startClipServer({
          api: host.api,
          pairings: new ClipPairings(filePairingStore(path.join(userDataDir(), 'clipper-pairings.json'))),
          shownIn: 'the terminal running scholia serve',
          showPairingCode: (code) =>
            values.json
              ? jsonLine(ctx, { event: 'clipper-pairing', code })
              : ctx.out(
                  `Scholia Clipper pairing code: ${code.slice(0, 3)} ${code.slice(3)} (type it into the extension's popup)`,
                ),
          ports: clipPorts,
          log,
        })
      : null;
    if (values.json)
      jsonLine(ctx, { url: server.url, port: server.port, library: ctx.libraryDir, clipPort: clip?.port ?? null });
    else {
      ctx.out(`Scholia is running in browser mode at ${server.url}`);
      ctx.out(`Library: ${ctx.libraryDir}   (Ctrl+C to stop)`);
      if (clip) ctx.out(`Browser clipper endpoint: 127.0.0.1:${clip.port}`);
      else if (clipPorts.length)
        ctx.out(`Browser clipper: ports ${clipPorts.join(', ')} are taken; clipping is off this run`);
    }
    if (!values['no-open']) openInBrowser(server.url);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await clip?.close();
    await server.close();
    await host.close();
    log.info('browser.stopped', {});
    return 0;
  },
};
