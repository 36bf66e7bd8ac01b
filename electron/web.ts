// Browser mode: the built renderer and the same ScholiaApi contract over HTTP,
// on 127.0.0.1 only. Every API call needs the per-run token; foreign Host and
// Origin headers are refused (DNS rebinding, cross-site requests).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ScholiaApi } from './core/api.js';
import { InvalidArgumentsError, isApiMethod, parseArgs } from './core/contract.js';
import { CoreError } from './core/errors.js';
import { nullLogger, type Logger } from './core/log.js';
import { errorResponse, refusal, type ErrorReply } from './errors.js';
import { readStaticFile } from './static-files.js';

export interface WebServerOptions {
  api: ScholiaApi;
  /** Folder with the built renderer (index.html and assets). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token (tests); a random one is made otherwise. */
  token?: string;
  /** Browser mode's log: refusals, failures, and (at debug) every call with its duration. */
  log?: Logger;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export { CSP } from './static-files.js';

const MAX_BODY = 64 * 1024 * 1024;

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(json);
}

function reply(res: http.ServerResponse, r: ErrorReply): void {
  send(res, r.status, r.body);
}

function tokenMatches(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export class BodyTooLarge extends CoreError<'too-large'> {
  constructor() {
    super('Request too large (limit 64 MB)', 'too-large');
  }
}

/**
 * The arguments of a call: the body must be exactly `{"args": [...]}`. Anything
 * else (null, a number, an array, {"args": null}, extra keys) is refused before
 * any method runs, so a zero-argument method (backup, emptyTrash,
 * restoreBackup) never runs on a body that was not meant for it.
 */
export function argsFromBody(raw: string): unknown[] {
  let payload: unknown;
  try {
    payload = JSON.parse(raw);
  } catch {
    throw new InvalidArgumentsError('The request body is not valid JSON (expected {"args": [...]}).');
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new InvalidArgumentsError('The request body must be an object {"args": [...]}.');
  }
  const keys = Object.keys(payload);
  const args = (payload as { args?: unknown }).args;
  if (keys.length !== 1 || keys[0] !== 'args' || !Array.isArray(args)) {
    throw new InvalidArgumentsError('The request body must be exactly {"args": [...]}, with the arguments in a list.');
  }
  return args;
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? randomBytes(24).toString('hex');
  const staticRoot = path.resolve(opts.staticDir);
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();
  const log = (opts.log ?? nullLogger).child({ front: 'browser' });
  /** Sends an error and logs it by code: a 5xx is our bug (with its cause), a refusal a line of information. */
  function fail(res: http.ServerResponse, r: ErrorReply, fields: { method?: string } = {}, err?: unknown): void {
    const line = { ...fields, status: r.status, code: r.body.code };
    if (r.status >= 500) log.error('api.failed', line, err);
    else if (r.body.code === 'unauthorized' || r.body.code === 'forbidden') log.warn('api.refused', line);
    else log.info('api.rejected', line);
    reply(res, r);
  }

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) fail(res, errorResponse(err), {}, err);
      else {
        log.error('http.response-failed', {}, err);
        res.destroy();
      }
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // DNS rebinding: only our own host names are served.
    if (!req.headers.host || !allowedHosts.has(req.headers.host)) {
      return fail(res, refusal('forbidden', 'Forbidden host'));
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) {
      return fail(res, refusal('forbidden', 'Forbidden origin'));
    }
    // A request line no URL parser accepts (e.g. `//[::1`) is the client's mistake, not ours.
    const url = URL.parse(req.url ?? '/', `http://${req.headers.host}`);
    if (!url) return fail(res, refusal('not-found', 'No such path'));

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return fail(res, refusal('method-not-allowed', 'Use POST'));
      const auth = req.headers.authorization;
      const given = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
      if (!tokenMatches(given, token)) return fail(res, refusal('unauthorized', 'Missing or wrong token'));
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return fail(res, refusal('unsupported-media-type', 'Send application/json'));
      }
      const method = url.pathname.slice('/api/'.length);
      if (!isApiMethod(method)) return fail(res, refusal('no-such-method', `No such method: ${method}`));
      try {
        const args = parseArgs(method, argsFromBody(await readBody(req)));
        const fn = opts.api[method] as (...a: unknown[]) => Promise<unknown>;
        const started = performance.now();
        const result = await fn.apply(opts.api, args);
        // Server-Timing lets the browser's devtools (and our UI benchmark) split server time from the rest.
        const ms = performance.now() - started;
        res.setHeader('Server-Timing', `core;dur=${ms.toFixed(1)}`);
        log.debug('api.call', { method, ms });
        return send(res, 200, { result: result ?? null });
      } catch (err) {
        return fail(res, errorResponse(err), { method }, err);
      }
    }

    if (req.method !== 'GET' && req.method !== 'HEAD')
      return fail(res, refusal('method-not-allowed', 'Method not allowed'));
    return serveStatic(url.pathname, res);
  }

  async function serveStatic(pathname: string, res: http.ServerResponse): Promise<void> {
    const answer = await readStaticFile(staticRoot, pathname);
    if (answer.status !== 200) return send(res, answer.status, { error: answer.error });
    res.writeHead(200, answer.headers);
    res.end(answer.data);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
