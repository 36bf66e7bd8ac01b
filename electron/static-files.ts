// The built renderer's files, as both front ends serve them (browser mode over HTTP, the desktop
// app over scholia-app://): one path guard, one MIME table, one set of headers.
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** The renderer's Content-Security-Policy: nothing remote, no inline script. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // CodeMirror injects its theme as style elements.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // PDF.js's worker (the page view) is an ES module file.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export type StaticAnswer =
  { status: 200; data: Buffer<ArrayBuffer>; headers: Record<string, string> } | { status: 400 | 404; error: string };

/**
 * Reads the file a request path names under `root`. A path that is not valid percent-encoding is 400;
 * one that resolves outside `root` (`..`, encoded or not) or names no file is 404. No silent clamping
 * before the guard: the guard is the one defence, and the tests delete it to prove they notice.
 */
export async function readStaticFile(root: string, pathname: string): Promise<StaticAnswer> {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return { status: 400, error: 'Bad path' };
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  const file = path.resolve(root, '.' + rel);
  if (file !== root && !file.startsWith(root + path.sep)) return { status: 404, error: 'Not found' };
  let data: Buffer<ArrayBuffer>;
  try {
    data = await fs.readFile(file);
  } catch {
    return { status: 404, error: 'Not found' }; // missing, a folder or unreadable: nothing to serve
  }
  const headers: Record<string, string> = {
    'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
  if (file.endsWith('.html')) {
    headers['Content-Security-Policy'] = CSP;
    headers['X-Frame-Options'] = 'DENY';
  }
  return { status: 200, data, headers };
}
