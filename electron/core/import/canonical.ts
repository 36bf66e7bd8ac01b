// Builds an article's canonical text (paragraphs joined by a blank line) from an
// ordered list of blocks, setting aside the removed ones with the offset where each
// would be restored. Shared by every format so `removed` means the same everywhere.
import { newId } from '../ids.js';
import type { RemovedBlock } from '../model.js';

export const PARAGRAPH_SEPARATOR = '\n\n';

export interface Block {
  text: string;
  /** Why the block is set aside, or null to keep it in the canonical text. */
  reason: string | null;
}

/**
 * `at` is the offset in the canonical text of the paragraph that followed the
 * removed block (text.length when it came last): restoring means inserting
 * `block + "\n\n"` there (or `"\n\n" + block` at the end). Consecutive removed blocks
 * share the same `at` and keep their document order in the list.
 */
export function assemble(blocks: Block[]): { text: string; removed: RemovedBlock[] } {
  const kept: string[] = [];
  const removed: RemovedBlock[] = [];
  let length = 0;
  for (const b of blocks) {
    const t = b.text.trim();
    if (!t) continue;
    if (b.reason) {
      removed.push({
        id: newId('r'),
        text: t,
        reason: b.reason,
        at: kept.length === 0 ? 0 : length + PARAGRAPH_SEPARATOR.length,
      });
    } else {
      length += (kept.length ? PARAGRAPH_SEPARATOR.length : 0) + t.length;
      kept.push(t);
    }
  }
  const text = kept.join(PARAGRAPH_SEPARATOR);
  // Blocks removed after the last kept paragraph are restored at the very end.
  for (const r of removed) if (r.at > text.length) r.at = text.length;
  return { text, removed };
}

/** Collapses runs of spaces and tabs and trims each line; keeps line breaks. */
export function tidyLines(s: string): string {
  return s
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0\u2000-\u200b\u3000]+/g, ' ').trim())
    .filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n')
    .trim();
}
