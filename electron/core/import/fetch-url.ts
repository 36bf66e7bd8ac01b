// Fetches a web page for import (when online): http(s) only, with a time limit and
// a size limit, and errors that say what happened (offline, timed out, too large,
// the server refused). Nothing is stored here: the caller imports the returned
// input like a file, so a failed fetch leaves the library untouched.
import { MAX_DOCUMENT_BYTES, formatBytes } from './limits.js';
import { ImportError, type ImportInput } from './types.js';

export interface FetchOptions {
  /** Whole request, headers and body (default 20 s). */
  timeoutMs?: number;
  /** Largest body accepted (default the article size limit). */
  maxBytes?: number;
}

const OFFLINE_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ECONNRESET',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

function errorCode(err: unknown): string {
  const e = err as { code?: string; cause?: { code?: string; errors?: { code?: string }[] } };
  return e.cause?.code ?? e.cause?.errors?.[0]?.code ?? e.code ?? '';
}

function parseHttpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ImportError(`"${raw}" is not a web address (expected one starting with https:// or http://).`, 'invalid');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ImportError(`${raw}: only http:// and https:// addresses can be imported.`, 'invalid');
  }
  return url;
}

/** Downloads a page as an ImportInput; throws ImportError with a clear reason. */
export async function fetchUrl(raw: string, opts: FetchOptions = {}): Promise<ImportInput> {
  const url = parseHttpUrl(raw);
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const maxBytes = opts.maxBytes ?? MAX_DOCUMENT_BYTES;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const res = await fetch(url, {
      signal: controller.signal,
      redirect: 'follow',
      headers: { accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5' },
    });
    const finalUrl = parseHttpUrl(res.url || url.href);
    if (!res.ok) {
      throw new ImportError(
        `${url.href}: the server answered ${res.status} ${res.statusText || ''}`.trim() + '; nothing was imported.',
        'fetch-failed',
      );
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) {
      controller.abort();
      throw new ImportError(
        `${url.href} is ${formatBytes(declared)}, above the ${formatBytes(maxBytes)} limit; nothing was imported.`,
      );
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    if (res.body) {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        total += chunk.length;
        if (total > maxBytes) {
          controller.abort();
          throw new ImportError(`${url.href} is larger than the ${formatBytes(maxBytes)} limit; nothing was imported.`);
        }
        chunks.push(chunk);
      }
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    const mime = res.headers.get('content-type') ?? undefined;
    return { name: finalUrl.href, bytes, mime, url: finalUrl.href };
  } catch (err) {
    if (err instanceof ImportError) throw err;
    if (timedOut)
      throw new ImportError(
        `${url.href} did not answer within ${Math.round(timeoutMs / 1000)} s; nothing was imported. Try again later.`,
        'fetch-failed',
      );
    const code = errorCode(err);
    if (OFFLINE_CODES.has(code)) {
      throw new ImportError(
        `${url.href} could not be reached (${code}): you may be offline, or the site is down. Nothing was imported.`,
        'fetch-failed',
      );
    }
    throw new ImportError(
      `${url.href} could not be downloaded (${(err as Error).message}); nothing was imported.`,
      'fetch-failed',
    );
  } finally {
    clearTimeout(timer);
  }
}
