// Builds an article's canonical text (paragraphs joined by a blank line) from an
// ordered list of blocks, setting aside the removed ones with the offset where each
// would be restored. Shared by every format so `removed` means the same everywhere.
import { newId } from '../ids.js';
import type { RemovedBlock, TextBlock, TextLink } from '../model.js';

export const PARAGRAPH_SEPARATOR = '\n\n';

/** What a block was in the source, without its offsets (see TextBlock). */
export type BlockShape = Omit<TextBlock, 'start' | 'end'>;

export interface Block {
  text: string;
  /** Why the block is set aside, or null to keep it in the canonical text. */
  reason: string | null;
  /** What it was (HTML/Markdown sources); absent: a paragraph. An image block has empty text. */
  shape?: BlockShape;
  /** Links over the block's trimmed text. */
  links?: TextLink[];
}

export interface Assembled {
  text: string;
  removed: RemovedBlock[];
  /** One entry per kept paragraph, and images where they stood. */
  blocks: TextBlock[];
  links: TextLink[];
}

/**
 * `at` is the offset in the canonical text of the paragraph that followed the
 * removed block (text.length when it came last): restoring means inserting
 * `block + "\n\n"` there (or `"\n\n" + block` at the end). Consecutive removed blocks
 * share the same `at` and keep their document order in the list.
 */
export function assemble(blocks: Block[]): Assembled {
  const kept: string[] = [];
  const removed: RemovedBlock[] = [];
  const structure: TextBlock[] = [];
  const links: TextLink[] = [];
  let length = 0;
  for (const b of blocks) {
    const at = kept.length === 0 ? 0 : length + PARAGRAPH_SEPARATOR.length;
    if (b.shape?.kind === 'image') {
      // Images hold no text: they stand at the boundary before the next paragraph.
      if (!b.reason) structure.push({ ...b.shape, start: at, end: at });
      continue;
    }
    const lead = b.text.length - b.text.trimStart().length;
    const t = b.text.trim();
    if (!t) continue;
    if (b.reason) {
      removed.push({ id: newId('r'), text: t, reason: b.reason, at });
    } else {
      const start = at;
      length = start + t.length;
      kept.push(t);
      structure.push({ kind: 'paragraph', ...b.shape, start, end: length });
      for (const l of b.links ?? []) {
        const ls = Math.max(0, l.start - lead);
        const le = Math.min(t.length, l.end - lead);
        if (le > ls) links.push({ start: start + ls, end: start + le, href: l.href });
      }
    }
  }
  const text = kept.join(PARAGRAPH_SEPARATOR);
  // Blocks removed after the last kept paragraph are restored at the very end.
  for (const r of removed) if (r.at > text.length) r.at = text.length;
  for (const s of structure) if (s.start > text.length) s.start = s.end = text.length;
  return { text, removed, blocks: structure, links };
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
