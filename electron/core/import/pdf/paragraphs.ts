// Lines in reading order to the canonical text: paragraphs (by line spacing, indents, short last
// lines and font size), words hyphenated at a line's end joined again where the document itself
// shows the whole word, the page map (where each page begins) and each line's box for the page
// view. Page furniture goes into `removed` at the paragraph boundary nearest its page.
import { newId } from '../../ids.js';
import type { PageMark, RemovedBlock, TextBlock } from '../../model.js';
import type { Furniture, Line } from './layout.js';

export const PARAGRAPH_SEPARATOR = '\n\n';

export interface PdfText {
  text: string;
  pages: PageMark[];
  removed: RemovedBlock[];
  blocks: TextBlock[];
  /** Flat runs of 7: page, start, end, x0, y0, x1, y1 (points × 10). */
  lines: number[];
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

const ENDS_SENTENCE = /[.!?:;"”’»)\]]$/;
const STARTS_LOWER = /^[\p{Ll}]/u;

/** Where one paragraph ends and the next begins. */
function breaksBetween(a: Line, b: Line, pitch: number, bodySize: number): boolean {
  const sizeChange = Math.abs(a.size - b.size) > 0.12 * Math.max(a.size, b.size);
  if (sizeChange) return true;
  const sameRun = a.page === b.page && a.column === b.column && b.y < a.y;
  if (!sameRun) {
    // A new column or page: the paragraph goes on unless the line before ended a sentence and
    // stopped short of its column's edge (a paragraph's last line; justified text fills the others).
    const em = Math.max(a.size, bodySize);
    return ENDS_SENTENCE.test(a.text) && !STARTS_LOWER.test(b.text) && a.x1 < a.right - 2.5 * em;
  }
  const dy = a.y - b.y;
  if (dy > 1.35 * Math.max(pitch, a.size * 1.1)) return true;
  const em = Math.max(a.size, bodySize);
  // A first-line indent starts a paragraph; a short line that ends a sentence ends one.
  if (b.x0 > b.left + 1.2 * em && a.x0 <= a.left + 0.5 * em && !STARTS_LOWER.test(b.text)) return true;
  if (a.x1 < a.right - 2.5 * em && ENDS_SENTENCE.test(a.text)) return true;
  return false;
}

/** Lower-cased words of the document, to tell a hyphenated line break from a real hyphen. */
function vocabulary(lines: readonly Line[]): { words: Set<string>; hyphenated: Set<string> } {
  const words = new Set<string>();
  const hyphenated = new Set<string>();
  for (const l of lines) {
    for (const w of l.text.toLowerCase().match(/[\p{L}]+(?:-[\p{L}]+)*/gu) ?? []) {
      if (w.includes('-')) hyphenated.add(w);
      else words.add(w);
    }
  }
  return { words, hyphenated };
}

/**
 * How line `a` joins line `b` inside a paragraph: a space, or nothing when `a` ends in a hyphen
 * that only broke a word (the joined word occurs elsewhere in the document, and the hyphenated
 * form does not). Without evidence the hyphen stays: "well-" + "known" is never "wellknown".
 */
export function joinLines(a: string, b: string, vocab: ReturnType<typeof vocabulary>): { text: string; cut: number } {
  if (a.endsWith('\u00ad')) return { text: a.slice(0, -1), cut: 1 };
  const m = /(\p{L}+)-$/u.exec(a);
  const n = /^(\p{Ll}+)/u.exec(b);
  if (m && n) {
    const joined = (m[1]! + n[1]!).toLowerCase();
    const hyphen = `${m[1]!}-${n[1]!}`.toLowerCase();
    if (vocab.words.has(joined) && !vocab.hyphenated.has(hyphen)) return { text: a.slice(0, -1), cut: 1 };
  }
  // A line broken after a hyphen or dash inside a word or range ("al-" "Qaddafi", "2010–" "2012").
  if (/\S[-–—]$/u.test(a) && /^\S/u.test(b)) return { text: a, cut: 0 };
  return { text: `${a} `, cut: 0 };
}

/** The canonical text, page map, line boxes and removed furniture of a PDF's lines. */
export function assembleText(
  lines: readonly Line[],
  furniture: readonly Furniture[],
  pageCount: number,
  labels?: readonly string[] | null,
): PdfText {
  const bodySize = median(lines.map((l) => l.size));
  const pitches: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    if (a.page === b.page && a.column === b.column && a.y > b.y && Math.abs(a.size - bodySize) < 0.5)
      pitches.push(a.y - b.y);
  }
  const pitch = median(pitches) || bodySize * 1.2;
  const vocab = vocabulary(lines);

  // The text is built as parts (a line, a separator) with a running length: joining a line to
  // the previous one rewrites only that line's part, never the whole text so far.
  const parts: string[] = [];
  let length = 0;
  const append = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  const pageStart: (number | undefined)[] = new Array(pageCount).fill(undefined);
  const boxes: number[] = [];
  const blocks: TextBlock[] = [];
  const paraStarts: number[] = [];
  let paraStart = 0;
  let paraSize = 0;
  let paraLines = 0;
  const closeParagraph = () => {
    if (paraLines === 0) return;
    const kind = paraLines <= 3 && paraSize >= 1.15 * bodySize ? 'heading' : 'paragraph';
    const block: TextBlock = { kind, start: paraStart, end: length };
    if (kind === 'heading') block.level = paraSize >= 1.6 * bodySize ? 1 : 2;
    blocks.push(block);
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const prev = lines[i - 1];
    if (prev && breaksBetween(prev, line, pitch, bodySize)) {
      closeParagraph();
      append(PARAGRAPH_SEPARATOR);
      paraLines = 0;
    } else if (prev) {
      // Same paragraph: join to the previous line (a space, or a hyphenated word made whole).
      const joined = joinLines(prev.text, line.text, vocab);
      length += joined.text.length - parts[parts.length - 1]!.length;
      parts[parts.length - 1] = joined.text;
      // The previous line's box ends where its text now ends.
      if (joined.cut) boxes[boxes.length - 5] = length;
    }
    if (paraLines === 0) {
      paraStart = length;
      paraStarts.push(paraStart);
      paraSize = line.size;
    }
    paraLines++;
    pageStart[line.page] ??= length;
    const start = length;
    append(line.text);
    boxes.push(
      line.page,
      start,
      length,
      Math.round(line.x0 * 10),
      Math.round((line.y - 0.25 * line.size) * 10),
      Math.round(line.x1 * 10),
      Math.round((line.y + 0.85 * line.size) * 10),
    );
  }
  closeParagraph();
  const text = parts.join('');

  // A page without text begins where the next page with text does.
  const pages: PageMark[] = [];
  let next = text.length;
  for (let p = pageCount - 1; p >= 0; p--) {
    next = pageStart[p] ?? next;
    pages[p] = { start: next };
    const label = labels?.[p];
    if (label && label !== String(p + 1)) pages[p]!.label = label;
  }

  // Furniture is restored at a paragraph boundary: the first one at or after its page's text.
  const boundaryAtOrAfter = (offset: number) => {
    let lo = 0;
    let hi = paraStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (paraStarts[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return paraStarts[lo] ?? text.length;
  };
  const removed: RemovedBlock[] = furniture
    .map((f) => {
      const at = f.top
        ? boundaryAtOrAfter(pages[f.page]?.start ?? text.length)
        : boundaryAtOrAfter(pages[f.page + 1]?.start ?? text.length);
      return { id: newId('r'), text: f.text, reason: f.reason, at };
    })
    .sort((a, b) => a.at - b.at);
  return { text, pages, removed, blocks, lines: boxes };
}
