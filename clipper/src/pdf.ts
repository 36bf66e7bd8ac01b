// PDFs in the browser: a tab showing one (Chromium's viewer, Firefox's PDF.js,
// or no viewer at all) has a DOM that is the viewer, not the document, so the
// Clipper sends the file's bytes instead. They are read inside the tab first
// (same origin: the browser's cookies and cached copy), else by the extension
// itself (Firefox's viewer takes no scripts), which needs a host permission for
// that site: Firefox asks the user for that one site when they save such a PDF
// (hostPermissionFor; optional_host_permissions in the Firefox build only).
import { CLIP_MAX_PDF_BYTES } from '../../electron/shared/clip-protocol.js';
import { readPdfInPage, type PdfRead } from './capture.js';
import { ext } from './ext.js';

const PDF_TYPE = /^application\/(x-)?pdf\b/i;

export const isPdfType = (contentType: string | null | undefined): boolean => PDF_TYPE.test(contentType ?? '');

/** An address whose path names a .pdf file (the one signal when the tab cannot be read, as in Firefox's viewer). */
export function looksLikePdfUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return /^(https?|file):$/.test(u.protocol) && /\.pdf$/i.test(u.pathname);
  } catch {
    return false;
  }
}

export const megabytes = (n: number): string => `${(n / (1024 * 1024)).toFixed(1)} MB`;

/** Base64 of a file in slices: String.fromCharCode on tens of megabytes at once would overflow the stack. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A PDF fetched by the extension (its background), with the browser's cookies for that site. */
export async function fetchPdf(url: string, limit = CLIP_MAX_PDF_BYTES): Promise<PdfRead> {
  try {
    const res = await fetch(url, { credentials: 'include', cache: 'force-cache' });
    if (!res.ok) return { ok: false, reason: 'failed', message: `the site answered ${res.status}` };
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > limit) return { ok: false, reason: 'too-large', size: declared };
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.length > limit) return { ok: false, reason: 'too-large', size: bytes.length };
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
    if (!head.includes('%PDF-')) return { ok: false, reason: 'not-pdf', message: 'the address did not give a PDF' };
    return { ok: true, base64: toBase64(bytes), size: bytes.length };
  } catch (err) {
    return { ok: false, reason: 'failed', message: (err as Error).message };
  }
}

/**
 * The host permission to ask for before the extension fetches a PDF itself (Firefox's viewer), as a
 * match pattern for that one site; null for other addresses. Asked on the user's click: a browser
 * that declares no such optional permission (Chromium, which reads PDFs inside the tab) refuses it quietly.
 */
export function hostPermissionFor(url: string | undefined): string | null {
  try {
    const u = new URL(url ?? '');
    return /^https?:$/.test(u.protocol) ? `${u.protocol}//${u.hostname}/*` : null;
  } catch {
    return null;
  }
}

/** Asks for `pattern` now, inside the user's click (nothing is awaited before it); never throws. */
export function askHostPermission(pattern: string | null): Promise<boolean> {
  if (!pattern || !ext.permissions) return Promise.resolve(false);
  try {
    return ext.permissions.request({ origins: [pattern] }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

/**
 * The PDF a tab shows (`url`, or a PDF it links to: `fetchUrl`): read inside the tab when the browser
 * lets the extension in, else fetched by the extension.
 */
export async function readTabPdf(tabId: number, url: string, fetchUrl?: string): Promise<PdfRead> {
  try {
    const [res] = await ext.scripting.executeScript({
      target: { tabId },
      func: readPdfInPage,
      args: (fetchUrl ? [CLIP_MAX_PDF_BYTES, fetchUrl] : [CLIP_MAX_PDF_BYTES]) as [number, string?],
    });
    const read = res?.result;
    // A read that failed inside the tab (a network error there) is tried once more by the extension.
    if (read && (read.ok || read.reason !== 'failed')) return read;
  } catch {
    // Firefox's PDF viewer, and file:// pages without file access, take no scripts.
  }
  return fetchPdf(fetchUrl ?? url);
}

/** What the user is told when a PDF could not be read; null when it was. */
export function pdfReadProblem(read: PdfRead, url: string): string | null {
  if (read.ok) return null;
  if (read.reason === 'too-large') {
    return `This PDF is ${megabytes(read.size)}, over the ${megabytes(CLIP_MAX_PDF_BYTES)} Scholia takes; nothing was saved.`;
  }
  if (url.startsWith('file:')) {
    return (
      'The Clipper cannot read PDFs opened from your computer (file://): import the file in Scholia instead ' +
      '(drag it into the window, or Import). Nothing was saved.'
    );
  }
  if (read.reason === 'not-pdf') {
    return (
      'This address no longer gives the PDF the tab shows (a login or a form may be needed again): download ' +
      'the PDF and import the file in Scholia. Nothing was saved.'
    );
  }
  return (
    `The Clipper could not read this PDF (${read.message}): allow it to read this site when the browser ` +
    'asks, or download the PDF and import the file in Scholia. Nothing was saved.'
  );
}
