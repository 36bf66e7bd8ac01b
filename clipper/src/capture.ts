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
  return { url: location.href, title: document.title, html: doctype + document.documentElement.outerHTML, selection };
}
