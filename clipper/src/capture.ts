// What the extension reads from the page: its DOM as the user sees it (after
// scripts, behind a login), its address and title, and the selection as a
// quote with some context on each side. Runs inside the page through
// scripting.executeScript, so it must be self-contained (no imports, no helpers).
import type { ClipSelection } from '../../electron/shared/clip-protocol.js';

export interface CapturedPage {
  url: string;
  title: string;
  html: string;
  selection: ClipSelection | null;
  /** The document's type as the server sent it: 'application/pdf' in a tab showing a PDF, viewer or not. */
  contentType: string;
}

export function capturePage(): CapturedPage {
  const CONTEXT = 64;
  let selection: ClipSelection | null = null;
  const sel = window.getSelection();
  if (sel && sel.rangeCount > 0 && !sel.isCollapsed && sel.toString().trim()) {
    const range = sel.getRangeAt(0);
    const body = document.body ?? document.documentElement;
    const before = document.createRange();
    before.selectNodeContents(body);
    before.setEnd(range.startContainer, range.startOffset);
    const after = document.createRange();
    after.selectNodeContents(body);
    after.setStart(range.endContainer, range.endOffset);
    selection = {
      exact: sel.toString(),
      prefix: before.toString().slice(-CONTEXT),
      suffix: after.toString().slice(0, CONTEXT),
    };
  }
  const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>\n` : '';
  return {
    url: location.href,
    title: document.title,
    html: doctype + document.documentElement.outerHTML,
    selection,
    contentType: document.contentType,
  };
}

/** What readPdfInPage found: the file's bytes as base64, or why not. */
export type PdfRead =
  | { ok: true; base64: string; size: number }
  | { ok: false; reason: 'too-large'; size: number }
  | { ok: false; reason: 'not-pdf' | 'failed'; message: string };

/**
 * Reads the PDF a tab shows (or one it links to) from inside the tab: the page's own origin, so the
 * browser's cookies and its cached copy serve it (a PDF behind a login, without a host permission for
 * its site). Self-contained like capturePage; `limit` is the largest file taken; `url` defaults to the tab's.
 */
export async function readPdfInPage(limit: number, url?: string): Promise<PdfRead> {
  try {
    const res = await fetch(url ?? location.href, { credentials: 'include', cache: 'force-cache' });
    if (!res.ok) return { ok: false, reason: 'failed', message: `the site answered ${res.status}` };
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > limit) return { ok: false, reason: 'too-large', size: declared };
    const blob = await res.blob();
    if (blob.size > limit) return { ok: false, reason: 'too-large', size: blob.size };
    const head = new TextDecoder('latin1').decode(await blob.slice(0, 1024).arrayBuffer());
    if (!head.includes('%PDF-')) return { ok: false, reason: 'not-pdf', message: 'the address did not give a PDF' };
    // A data: URL is the browser's own base64 encoder: fast on tens of megabytes, where a loop over bytes is not.
    const dataUrl = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error ?? new Error('read failed'));
      reader.readAsDataURL(blob);
    });
    return { ok: true, base64: dataUrl.slice(dataUrl.indexOf(',') + 1), size: blob.size };
  } catch (err) {
    return { ok: false, reason: 'failed', message: (err as Error).message };
  }
}
