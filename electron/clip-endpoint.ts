// The clip endpoint: the one door the Scholia Clipper browser extension has
// into the app, on 127.0.0.1 only, a fixed port with fallbacks (CLIP_PORTS).
// It is not the contract over HTTP: it offers pairing, a status ping and four
// kinds of clip, each carried out with the core's own import pipeline (a
// clipped page is imported exactly as its saved HTML would be, a clipped PDF as
// the picked file would be, with the same duplicate report). Both front ends run it: `scholia serve` and the desktop
// main process.
//
// Every request: Host is this endpoint's own (DNS rebinding); Origin is a
// browser extension's (chrome-extension:// or moz-extension://; web pages and
// origin-less callers are refused); POST with JSON; at most CLIP_MAX_BYTES (a PDF's
// path: CLIP_MAX_PDF_BODY_BYTES, its base64 being a third larger than the file).
// Every request but pairing carries the token issued to that very origin.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { ScholiaApi } from './core/api.js';
import { InvalidArgumentsError } from './core/contract.js';
import { CoreError } from './core/errors.js';
import { ImportError } from './core/import/types.js';
import { nullLogger, type Logger } from './core/log.js';
import { normalizeTags } from './core/tags/index.js';
import { VERSION } from './core/version.js';
import { type ClipPairings, isExtensionOrigin } from './clip-pairing.js';
import { placeSelection } from './clip-selection.js';
import { errorResponse, refusal, type ErrorReply } from './errors.js';
import {
  CLIP_MAX_BYTES,
  CLIP_MAX_PDF_BYTES,
  CLIP_PATHS,
  CLIP_PORTS,
  PAIRING_CODE_TTL_MS,
  type ClipReply,
  type PairReply,
  type PairStartReply,
  type StatusReply,
} from './shared/clip-protocol.js';

/** The part of the core the endpoint uses: nothing else of the contract is reachable through it. */
export type ClipApi = Pick<
  ScholiaApi,
  | 'getInfo'
  | 'importFiles'
  | 'importUrl'
  | 'getArticle'
  | 'listPassages'
  | 'addPassage'
  | 'addTags'
  | 'createNote'
  | 'listTags'
>;

export interface ClipEndpointOptions {
  api: ClipApi;
  pairings: ClipPairings;
  /** Shows the pairing code to the user (a dialog, the terminal); never logged. */
  showPairingCode(code: string): void;
  /** Where the code is shown, said to the extension ("the Scholia window", "the terminal running scholia serve"). */
  shownIn: string;
  log?: Logger;
  /** Largest body read (tests lower it). */
  maxBytes?: number;
  /** Largest PDF a clip may carry, before base64 (tests lower it). */
  maxPdfBytes?: number;
}

export interface ClipServer {
  port: number;
  close(): Promise<void>;
}

const megabytes = (n: number): string => `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;

export class ClipTooLarge extends CoreError<'too-large'> {
  constructor(limit: number, what = 'The page') {
    super(`${what} is too large to clip (limit ${megabytes(limit)}); nothing was saved.`, 'too-large');
  }
}

/** The request body a PDF of `pdfBytes` needs: base64 of the file, and room for the title, tags and note. */
const pdfBodyLimit = (pdfBytes: number): number => Math.ceil(pdfBytes / 3) * 4 + 256 * 1024;

const MAX_TEXT = CLIP_MAX_BYTES;
const httpUrl = z
  .string()
  .max(8000)
  .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), 'must be an http(s) address');
const extras = {
  tags: z.array(z.string().max(200)).max(50).optional(),
  note: z.string().max(100_000).optional(),
};
const pageSchema = z
  .object({ url: httpUrl, title: z.string().max(2000), html: z.string().min(1).max(MAX_TEXT), ...extras })
  .strict();
const selectionSchema = pageSchema
  .extend({
    selection: z
      .object({
        exact: z.string().min(1).max(1_000_000),
        prefix: z.string().max(1000),
        suffix: z.string().max(1000),
      })
      .strict(),
  })
  .strict();
// A PDF the user opened from disk (file://, when they let the extension read files) is clipped too;
// its article gets no address (a path on one computer is not one to cite).
const pdfUrl = z
  .string()
  .max(8000)
  .refine((u) => /^(https?|file):\/\//i.test(u) && URL.canParse(u), 'must be an http(s) or file address');
const pdfSchema = z
  .object({
    url: pdfUrl,
    title: z.string().max(2000),
    // Checked against the PDF limit once decoded; the body limit has already bounded it.
    pdfBase64: z
      .string()
      .min(1)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
    password: z.string().max(1000).optional(),
    ...extras,
  })
  .strict();
const linkSchema = z.object({ url: httpUrl, title: z.string().max(2000).optional(), ...extras }).strict();
const pairSchema = z.object({ code: z.string().min(1).max(20) }).strict();

function parseBody<T>(schema: z.ZodType<T>, raw: string, what: string): T {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new InvalidArgumentsError(`The ${what} request is not valid JSON.`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    throw new InvalidArgumentsError(`The ${what} request is malformed${where}: ${issue?.message ?? 'bad input'}`);
  }
  return parsed.data;
}

function send(res: http.ServerResponse, status: number, body: unknown, origin?: string): void {
  const headers: http.OutgoingHttpHeaders = {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
  // Only ever an extension's own origin: the browser then lets that extension read the answer.
  if (origin) {
    headers['Access-Control-Allow-Origin'] = origin;
    headers['Vary'] = 'Origin';
  }
  res.writeHead(status, headers);
  res.end(JSON.stringify(body));
}

async function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new ClipTooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new ClipTooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const KNOWN_PATHS = new Set<string>(Object.values(CLIP_PATHS));

/** The request handler; `allowedHosts` is filled in once the port is known. */
export function createClipHandler(
  opts: ClipEndpointOptions,
  allowedHosts: () => ReadonlySet<string>,
): (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> {
  const log = (opts.log ?? nullLogger).child({ front: 'clipper' });
  const limit = opts.maxBytes ?? CLIP_MAX_BYTES;
  const pdfLimit = opts.maxPdfBytes ?? CLIP_MAX_PDF_BYTES;
  const { api, pairings } = opts;

  function fail(res: http.ServerResponse, r: ErrorReply, origin?: string, err?: unknown): void {
    const line = { status: r.status, code: r.body.code };
    if (r.status >= 500) log.error('clip.failed', line, err);
    else if (r.body.code === 'unauthorized' || r.body.code === 'forbidden') log.warn('clip.refused', line);
    else log.info('clip.rejected', line);
    // A request still streaming in (a refused upload) would otherwise keep the socket busy.
    res.setHeader('Connection', 'close');
    send(res, r.status, r.body, origin);
  }

  return async function handle(req, res) {
    const host = req.headers.host;
    if (!host || !allowedHosts().has(host)) return fail(res, refusal('forbidden', 'Forbidden host'));
    const origin = req.headers.origin;
    if (!isExtensionOrigin(origin)) {
      return fail(res, refusal('forbidden', 'Only the Scholia Clipper browser extension may use this endpoint.'));
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': 'POST',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type',
        'Access-Control-Max-Age': '600',
        Vary: 'Origin',
      });
      return void res.end();
    }
    if (req.method !== 'POST') return fail(res, refusal('method-not-allowed', 'Use POST'), origin);
    // The path as sent, query cut off: only the exact paths of CLIP_PATHS are known (no parsing that could throw).
    const pathname = (req.url ?? '/').split('?')[0]!;
    if (!KNOWN_PATHS.has(pathname))
      return fail(res, refusal('no-such-method', `No such clip endpoint: ${pathname}`), origin);
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return fail(res, refusal('unsupported-media-type', 'Send application/json'), origin);
    }

    try {
      if (pathname === CLIP_PATHS.pairStart) {
        await readBody(req, 1024);
        const code = pairings.startPairing(origin);
        opts.showPairingCode(code);
        log.info('clip.pairing-code', {});
        const reply: PairStartReply = { shownIn: opts.shownIn, expiresInSeconds: PAIRING_CODE_TTL_MS / 1000 };
        return send(res, 200, reply, origin);
      }
      if (pathname === CLIP_PATHS.pair) {
        const { code } = parseBody(pairSchema, await readBody(req, 1024), 'pairing');
        const outcome = await pairings.completePairing(origin, code);
        if (!outcome.ok) {
          const why = {
            'no-code': 'No pairing code is waiting: ask Scholia for one first.',
            expired: 'That pairing code has expired: ask Scholia for a new one.',
            'wrong-code': 'That is not the code Scholia shows.',
            'other-origin': 'That code was given to another extension.',
          }[outcome.reason];
          return fail(res, refusal('unauthorized', why), origin);
        }
        log.info('clip.paired', {});
        const reply: PairReply = { token: outcome.token, app: 'scholia', version: VERSION };
        return send(res, 200, reply, origin);
      }

      const auth = req.headers.authorization;
      const token = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
      if (!(await pairings.verify(origin, token))) {
        return fail(
          res,
          refusal('unauthorized', 'This browser is not paired with Scholia: pair it from the Clipper popup.'),
          origin,
        );
      }
      // A PDF's path reads more (base64 of a file up to the PDF limit); a PDF's bytes are checked once decoded.
      const raw =
        pathname === CLIP_PATHS.pdf
          ? await readBody(req, pdfBodyLimit(pdfLimit)).catch((err: unknown) => {
              throw err instanceof ClipTooLarge ? new ClipTooLarge(pdfLimit, 'The PDF') : err;
            })
          : await readBody(req, limit);
      const started = performance.now();
      let result: unknown;
      switch (pathname) {
        case CLIP_PATHS.status:
          result = await status();
          break;
        case CLIP_PATHS.page:
          result = await clipPage(parseBody(pageSchema, raw, 'clip'));
          break;
        case CLIP_PATHS.selection: {
          const input = parseBody(selectionSchema, raw, 'clip');
          result = await clipPage(input, input.selection);
          break;
        }
        case CLIP_PATHS.link:
          result = await clipLink(parseBody(linkSchema, raw, 'clip'));
          break;
        case CLIP_PATHS.pdf:
          result = await clipPdf(parseBody(pdfSchema, raw, 'clip'));
          break;
      }
      log.info('clip.done', { path: pathname.split('/').pop() ?? '', ms: Math.round(performance.now() - started) });
      return send(res, 200, result, origin);
    } catch (err) {
      return fail(res, errorResponse(err), origin, err);
    }
  };

  async function status(): Promise<StatusReply> {
    const info = await api.getInfo();
    if (info.recovery) throw new CoreError(`Scholia cannot open its library: ${info.recovery.problem}`, 'unavailable');
    const tags = (await api.listTags()).map((t) => t.tag);
    return { app: 'scholia', version: VERSION, mode: info.mode, tags };
  }

  /** The page's DOM through the import pipeline, then the extras; the article is saved first, so nothing is lost. */
  async function clipPage(
    input: z.infer<typeof pageSchema>,
    selection?: z.infer<typeof selectionSchema>['selection'],
  ): Promise<ClipReply> {
    const tags = normalizeTags(input.tags ?? []);
    const name = input.url.length <= 1000 ? input.url : `${input.title.slice(0, 200) || 'Clipped page'}.html`;
    const [result] = await api.importFiles([
      { name, url: input.url, mime: 'text/html', dataBase64: Buffer.from(input.html, 'utf8').toString('base64') },
    ]);
    if (!result || result.status === 'failed' || !result.id) {
      throw new ImportError(result?.error ?? 'The page could not be imported.');
    }
    return finish(
      result.id,
      result.status === 'duplicate',
      result.title ?? input.title,
      tags,
      input.note,
      selection,
      result.error,
    );
  }

  /**
   * A PDF through the import as a picked .pdf file: the same checks (not a PDF, damaged, encrypted: a 422
   * with the import's code, nothing saved), the same duplicate report; the article keeps the address it
   * was read at.
   */
  async function clipPdf(input: z.infer<typeof pdfSchema>): Promise<ClipReply> {
    // The file's size from its base64 (the import decodes it; no second copy of up to 40 MB here).
    const b64 = input.pdfBase64;
    const size = Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
    if (size > pdfLimit) throw new ClipTooLarge(pdfLimit, 'The PDF');
    const tags = normalizeTags(input.tags ?? []);
    const [result] = await api.importFiles([
      {
        name: pdfFileName(input.url, input.title),
        ...(/^https?:/i.test(input.url) ? { url: input.url } : {}),
        mime: 'application/pdf',
        dataBase64: input.pdfBase64,
        ...(input.password !== undefined ? { password: input.password } : {}),
      },
    ]);
    if (!result || result.status === 'failed' || !result.id) {
      const code =
        result?.code === 'password-required' || result?.code === 'password-wrong' ? result.code : 'unreadable';
      throw new ImportError(result?.error ?? 'The PDF could not be imported.', code);
    }
    const reply = await finish(
      result.id,
      result.status === 'duplicate',
      result.title ?? input.title,
      tags,
      input.note,
      undefined,
      result.error,
    );
    // A scanned PDF: saved as pages to view, and the user is told its words cannot be searched.
    if (result.warnings?.length) reply.warnings = [...(reply.warnings ?? []), ...result.warnings];
    return reply;
  }

  async function clipLink(input: z.infer<typeof linkSchema>): Promise<ClipReply> {
    const tags = normalizeTags(input.tags ?? []);
    const [result] = await api.importUrl(input.url);
    if (!result || result.status === 'failed' || !result.id) {
      throw new ImportError(result?.error ?? `${input.url} could not be imported.`, 'fetch-failed');
    }
    return finish(
      result.id,
      result.status === 'duplicate',
      result.title ?? input.title ?? input.url,
      tags,
      input.note,
      undefined,
      result.error,
    );
  }

  async function finish(
    articleId: string,
    duplicate: boolean,
    title: string,
    tags: string[],
    note: string | undefined,
    selection: z.infer<typeof selectionSchema>['selection'] | undefined,
    duplicateReason: string | undefined,
  ): Promise<ClipReply> {
    const reply: ClipReply = { status: duplicate ? 'duplicate' : 'imported', articleId, title };
    if (duplicate && duplicateReason) reply.duplicateReason = duplicateReason;
    const warnings: string[] = [];
    if (tags.length) await api.addTags([{ kind: 'article', id: articleId }], tags);
    if (selection) {
      const article = await api.getArticle(articleId);
      const placed = article ? placeSelection(article.text, selection) : null;
      if (!placed || !article) {
        warnings.push(
          'The selected words are not in the text Scholia kept of this page, so no highlight was made; the page was saved.',
        );
      } else {
        // A clip sent twice (a queued clip retried) finds its highlight already there.
        const existing = (await api.listPassages({ articleId })).find(
          (p) => p.position.start === placed.start && p.position.end === placed.end,
        );
        const passage = existing ?? (await api.addPassage({ articleId, start: placed.start, end: placed.end }));
        reply.passage = {
          id: passage.id,
          start: passage.position.start,
          end: passage.position.end,
          quote: passage.quote.exact,
        };
      }
    }
    if (note?.trim()) {
      const created = await api.createNote({ articleId, body: note, tags });
      reply.noteId = created.id;
    }
    if (warnings.length) reply.warnings = warnings;
    return reply;
  }
}

/**
 * Listens on 127.0.0.1 on the first free port of `ports` (the documented one, then
 * its fallbacks). Resolves null when every one is taken: the app runs on without
 * the clipper rather than failing to start.
 */
export async function startClipServer(
  opts: ClipEndpointOptions & { ports?: readonly number[] },
): Promise<ClipServer | null> {
  let hosts: ReadonlySet<string> = new Set();
  const handle = createClipHandler(opts, () => hosts);
  const log = (opts.log ?? nullLogger).child({ front: 'clipper' });
  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      log.error('clip.response-failed', {}, err);
      if (!res.headersSent) send(res, 500, errorResponse(err).body);
      else res.destroy();
    });
  });
  for (const port of opts.ports ?? CLIP_PORTS) {
    const ok = await new Promise<boolean>((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException) => {
        server.off('listening', onListening);
        if (err.code === 'EADDRINUSE' || err.code === 'EACCES') resolve(false);
        else reject(err);
      };
      const onListening = () => {
        server.off('error', onError);
        resolve(true);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(port, '127.0.0.1');
    });
    if (!ok) continue;
    const actual = (server.address() as AddressInfo).port;
    hosts = new Set([`127.0.0.1:${actual}`, `localhost:${actual}`]);
    log.info('clip.listening', { port: actual });
    return {
      port: actual,
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  }
  log.warn('clip.no-port', {});
  return null;
}

/**
 * The name a clipped PDF is imported under (its provenance, and its title when the PDF names none): the
 * file name in its address, else the tab's title.
 */
export function pdfFileName(url: string, title: string): string {
  let last = '';
  try {
    last = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  } catch {
    // a malformed escape in the path: the title below
  }
  const base = (last || title.trim() || 'Clipped PDF').replace(/[\\/\u0000-\u001f]/g, ' ').slice(0, 200);
  return /\.pdf$/i.test(base) ? base : `${base}.pdf`;
}
