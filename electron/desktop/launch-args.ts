// What the OS asks of Scholia at launch and afterwards: files to import ("Open
// with Scholia", a file dropped on the dock or taskbar icon) and scholia:// links
// to open. Windows and Linux pass both on the command line, also to the running
// instance (second-instance argv); macOS sends open-file and open-url events.
import path from 'node:path';
import { looksLikeLink, parseScholiaLink, type LinkTarget } from './protocol-links.js';

/** The file types "Open with Scholia" is registered for (electron-builder.yml fileAssociations). */
export const OPENABLE_EXTENSIONS = ['.html', '.htm', '.md', '.txt', '.pdf', '.jsonld'] as const;

export interface LaunchRequest {
  /** Absolute paths of files to import. */
  files: string[];
  links: LinkTarget[];
  /** What was refused, said plainly (shown to the user, written to the log without the argument's text). */
  problems: string[];
  /** `--library <dir>` / `--library=<dir>`: open this library instead of the remembered one. */
  library?: string;
}

export interface ArgvContext {
  /** process.defaultApp: started as `electron <script>`, so argv[1] is the script, not a file to open. */
  defaultApp: boolean;
  /** Relative paths are relative to the launching shell: the second instance's working directory. */
  cwd: string;
  platform: NodeJS.Platform;
}

export const emptyRequest = (): LaunchRequest => ({ files: [], links: [], problems: [] });

export function isEmptyRequest(r: LaunchRequest): boolean {
  return r.files.length === 0 && r.links.length === 0 && r.problems.length === 0 && !r.library;
}

function pathApi(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

/** Adds one path or link, wherever it came from (argv, open-file, open-url). */
function addTarget(req: LaunchRequest, arg: string, cwd: string, platform: NodeJS.Platform): void {
  if (looksLikeLink(arg)) {
    const link = parseScholiaLink(arg);
    if (link.ok) req.links.push(link.target);
    else req.problems.push(link.error);
    return;
  }
  const p = pathApi(platform);
  // Windows hands file:// URLs to some "Open with" callers; take them as paths.
  const asPath = /^file:\/\//i.test(arg) ? decodeFileUrl(arg, platform) : arg;
  if (asPath === undefined || /^[a-z][a-z0-9+.-]+:\/\//i.test(asPath)) {
    req.problems.push('Ignored a link that is not a scholia:// link.');
    return;
  }
  const ext = p.extname(asPath).toLowerCase();
  if (!(OPENABLE_EXTENSIONS as readonly string[]).includes(ext)) {
    req.problems.push(
      `${p.basename(asPath).slice(0, 120)}: Scholia opens ${OPENABLE_EXTENSIONS.join(', ')} files; nothing was imported from it.`,
    );
    return;
  }
  const abs = p.resolve(cwd, asPath);
  if (!req.files.includes(abs)) req.files.push(abs);
}

function decodeFileUrl(url: string, platform: NodeJS.Platform): string | undefined {
  try {
    const u = new URL(url);
    const pathname = decodeURIComponent(u.pathname);
    return platform === 'win32' ? pathname.replace(/^\/([A-Za-z]:)/, '$1').replace(/\//g, '\\') : pathname;
  } catch {
    return undefined;
  }
}

/**
 * Reads argv (the first instance's, or the one a second launch hands over).
 * Chromium and Electron switches (`--allow-file-access-from-files`,
 * `--original-process-start-time=…`, `--no-sandbox`) are skipped; after `--` everything is a target.
 */
export function parseArgv(argv: readonly string[], ctx: ArgvContext): LaunchRequest {
  const req = emptyRequest();
  const args = argv.slice(ctx.defaultApp ? 2 : 1);
  let literal = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!literal && arg === '--') {
      literal = true;
      continue;
    }
    if (!literal && arg.startsWith('--library')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      if (value) req.library = pathApi(ctx.platform).resolve(ctx.cwd, value);
      else req.problems.push('--library needs a folder.');
      continue;
    }
    if (!literal && arg.startsWith('-')) continue;
    if (arg.trim() === '') continue;
    addTarget(req, arg, ctx.cwd, ctx.platform);
  }
  return req;
}

/** macOS `open-file`: a path from Finder, the dock, or `open -a Scholia file`. */
export function fromOpenFile(file: string): LaunchRequest {
  const req = emptyRequest();
  addTarget(req, file, '/', 'darwin');
  return req;
}

/** macOS `open-url`: a scholia:// link clicked anywhere. */
export function fromOpenUrl(url: string): LaunchRequest {
  const req = emptyRequest();
  if (looksLikeLink(url)) addTarget(req, url, '/', 'darwin');
  else req.problems.push('Ignored a link that is not a scholia:// link.');
  return req;
}

/** Merges requests that arrive before the window can act on them (launch, open-file before ready). */
export function mergeRequests(a: LaunchRequest, b: LaunchRequest): LaunchRequest {
  const links = [...a.links];
  for (const l of b.links) if (!links.some((x) => x.kind === l.kind && x.id === l.id)) links.push(l);
  return {
    files: [...a.files, ...b.files.filter((f) => !a.files.includes(f))],
    links,
    problems: [...a.problems, ...b.problems],
    library: b.library ?? a.library,
  };
}

/**
 * Holds requests until the renderer says it is listening (the library may still be opening),
 * then hands them over in arrival order; afterwards requests pass straight through.
 */
export class LaunchQueue {
  private pending = emptyRequest();
  private deliver: ((r: LaunchRequest) => void) | undefined;

  push(req: LaunchRequest): void {
    if (isEmptyRequest(req)) return;
    if (this.deliver) this.deliver(req);
    else this.pending = mergeRequests(this.pending, req);
  }

  /** The renderer is ready: flush what waited, then deliver directly. */
  ready(deliver: (r: LaunchRequest) => void): void {
    this.deliver = deliver;
    const waiting = this.pending;
    this.pending = emptyRequest();
    if (!isEmptyRequest(waiting)) deliver(waiting);
  }

  /** The window went away (closed, crashed, reloading): hold requests again until it is back. */
  unready(): void {
    this.deliver = undefined;
  }
}
