// Keyboard selection in the reader without caret browsing: the text is one focusable region with
// its own caret (a collapsed selection, drawn by the reader); arrow keys move it and Shift+arrows
// extend the selection through Selection.modify, as caret browsing (F7) would.

type Direction = 'forward' | 'backward';
type Granularity = 'character' | 'word' | 'line' | 'lineboundary';

/** Selection.modify, present in every engine Scholia runs in but missing from the DOM typings. */
interface ModifiableSelection extends Selection {
  modify(alter: 'move' | 'extend', direction: Direction, granularity: Granularity): void;
}

/** What a key does to the selection, or null when the reader leaves it to the browser. */
export function caretMotion(
  e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey'>,
): { alter: 'move' | 'extend'; direction: Direction; granularity: Granularity } | null {
  const word = e.ctrlKey || e.altKey;
  const alter = e.shiftKey ? 'extend' : 'move';
  switch (e.key) {
    case 'ArrowLeft':
      return { alter, direction: 'backward', granularity: word ? 'word' : 'character' };
    case 'ArrowRight':
      return { alter, direction: 'forward', granularity: word ? 'word' : 'character' };
    case 'ArrowUp':
      return { alter, direction: 'backward', granularity: 'line' };
    case 'ArrowDown':
      return { alter, direction: 'forward', granularity: 'line' };
    case 'Home':
      return e.shiftKey ? { alter, direction: 'backward', granularity: 'lineboundary' } : null;
    case 'End':
      return e.shiftKey ? { alter, direction: 'forward', granularity: 'lineboundary' } : null;
    default:
      return null;
  }
}

/** Applies a caret key inside `root`; true when it was handled (the caller prevents the default). */
export function moveCaret(root: HTMLElement, e: KeyboardEvent): boolean {
  if (e.metaKey) return false;
  const motion = caretMotion(e);
  const sel = window.getSelection() as ModifiableSelection | null;
  if (!motion || !sel || sel.rangeCount === 0 || !root.contains(sel.focusNode)) return false;
  sel.modify(motion.alter, motion.direction, motion.granularity);
  // Keep the moving end in view, as a caret would.
  const focus = sel.focusNode?.parentElement;
  focus?.scrollIntoView({ block: 'nearest', behavior: 'instant' as ScrollBehavior });
  return true;
}

/** Puts the caret at the start of the first paragraph in view, unless the selection is already in the text. */
export function placeCaret(root: HTMLElement): void {
  const sel = window.getSelection();
  if (!sel || (sel.rangeCount > 0 && root.contains(sel.anchorNode))) return;
  const paras = [...root.querySelectorAll<HTMLElement>('[data-start]')];
  const first = paras.find((p) => p.getBoundingClientRect().bottom > 0) ?? paras[0];
  const walker = first && document.createTreeWalker(first, NodeFilter.SHOW_TEXT);
  const text = walker?.nextNode();
  if (!text) return;
  sel.collapse(text, 0);
}

/** Where to draw the caret: the collapsed selection's box inside `root`, or null. */
export function caretBox(root: HTMLElement): { left: number; top: number; height: number } | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || !sel.isCollapsed || !root.contains(sel.focusNode)) return null;
  const range = sel.getRangeAt(0);
  let rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  if (!rect || (rect.height === 0 && sel.focusNode?.parentElement)) {
    rect = sel.focusNode!.parentElement!.getBoundingClientRect();
    if (!rect.height) return null;
  }
  const base = root.getBoundingClientRect();
  return { left: rect.left - base.left, top: rect.top - base.top, height: rect.height };
}
