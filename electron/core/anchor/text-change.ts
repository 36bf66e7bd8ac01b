// Where an offset of the old text lands in the new one. The change is taken
// as one replaced region (common prefix and suffix kept), which is exact for a
// single edit and a good hint for anything else: re-anchoring checks every
// passage against its quote anyway.
import type { RemovedBlock } from '../model.js';

export const PARAGRAPH_SEPARATOR = '\n\n';

export interface TextChange {
  /** Length of the common prefix. */
  head: number;
  /** Length of the common suffix (not overlapping the prefix in either text). */
  tail: number;
  oldLength: number;
  newLength: number;
}

export function diffBounds(oldText: string, newText: string): TextChange {
  const max = Math.min(oldText.length, newText.length);
  let head = 0;
  while (head < max && oldText.charCodeAt(head) === newText.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < max - head &&
    oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)
  ) {
    tail++;
  }
  return { head, tail, oldLength: oldText.length, newLength: newText.length };
}

/** An old offset mapped into the new text; offsets inside the replaced region go to its end. */
export function mapOffset(change: TextChange, offset: number): number {
  if (offset <= change.head) return offset;
  if (offset >= change.oldLength - change.tail) return offset + change.newLength - change.oldLength;
  return change.newLength - change.tail;
}

/** The nearest paragraph start at or after `offset` (text.length when none follows). */
export function paragraphStartAtOrAfter(text: string, offset: number): number {
  if (offset <= 0) return 0;
  if (offset >= text.length) return text.length;
  if (text.startsWith(PARAGRAPH_SEPARATOR, offset - 2)) return offset;
  const next = text.indexOf(PARAGRAPH_SEPARATOR, offset);
  return next === -1 ? text.length : next + PARAGRAPH_SEPARATOR.length;
}

/** Removed blocks carried into an edited text, each still at a paragraph boundary. */
export function carryRemovedBlocks(removed: RemovedBlock[], oldText: string, newText: string): RemovedBlock[] {
  const change = diffBounds(oldText, newText);
  return removed.map((r) => ({ ...r, at: paragraphStartAtOrAfter(newText, mapOffset(change, r.at)) }));
}

/**
 * The text with one removed block put back, and the other blocks' offsets
 * carried along. Convention (from import): `at` is the start of the paragraph
 * that followed the block, or text.length when it came last; consecutive
 * blocks share `at` and keep their document order in the list.
 */
export function restoreBlock(
  text: string,
  removed: RemovedBlock[],
  blockId: string,
): { text: string; removed: RemovedBlock[] } | null {
  const index = removed.findIndex((r) => r.id === blockId);
  const block = removed[index];
  if (!block) return null;
  const at = Math.min(Math.max(0, block.at), text.length);
  let inserted: string;
  let next: string;
  let blockStart: number;
  if (text.length === 0) {
    inserted = block.text;
    next = block.text;
    blockStart = 0;
  } else if (at >= text.length) {
    inserted = PARAGRAPH_SEPARATOR + block.text;
    next = text + inserted;
    blockStart = text.length + PARAGRAPH_SEPARATOR.length;
  } else {
    inserted = block.text + PARAGRAPH_SEPARATOR;
    next = text.slice(0, at) + inserted + text.slice(at);
    blockStart = at;
  }
  const rest = removed
    .map((r, i) => {
      if (i === index) return null;
      if (r.at > at || (r.at === at && i > index)) return { ...r, at: r.at + inserted.length };
      // Blocks that came just before the restored one now go in front of its paragraph.
      if (r.at === at) return { ...r, at: blockStart };
      return r;
    })
    .filter((r): r is RemovedBlock => r !== null);
  return { text: next, removed: rest };
}
