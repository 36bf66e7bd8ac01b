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

const ABSTRACT = /^(?:abstract|summary|synopsis)[.:]?$/i;
/** A line that is only a section's name, capitalised as a title is ("References", not "references"). */
const isTitleLine = (text: string, name: RegExp) => /^[\d\p{Lu}]/u.test(text) && name.test(text.trim());
const ENDS_SENTENCE = /[.!?:;"”’»)\]]$/;
const STARTS_LOWER = /^[\p{Ll}]/u;

/** Where one paragraph ends and the next begins. */
function breaksBetween(a: Line, b: Line, pitch: number, bodySize: number): boolean {
  const sizeChange = Math.abs(a.size - b.size) > 0.12 * Math.max(a.size, b.size);
  if (sizeChange) return true;
  // "Abstract" over a paper's abstract, "References" over its list, in the body's type.
  if (isTitleLine(a.text, ABSTRACT) || isTitleLine(a.text, REFERENCES_HEADING)) return true;
  const sameRun = a.page === b.page && a.column === b.column && b.y < a.y;
  if (!sameRun) {
    // A new column or page: the paragraph goes on unless the line before ended a sentence and
    // stopped short of its column's edge (a paragraph's last line; justified text fills the others)
    // or the new line is indented (a paragraph's first line, when the last one happened to be full).
    const em = Math.max(a.size, bodySize);
    return (
      ENDS_SENTENCE.test(a.text) &&
      !STARTS_LOWER.test(b.text) &&
      (a.x1 < a.right - 2.5 * em || (b.x0 > b.left + 0.8 * em && b.x0 < b.left + 4 * em))
    );
  }
  const dy = a.y - b.y;
  if (dy > 1.35 * Math.max(pitch, a.size * 1.1)) return true;
  const em = Math.max(a.size, bodySize);
  // A first-line indent starts a paragraph; a short line that ends a sentence ends one.
  if (b.x0 > b.left + 1.2 * em && a.x0 <= a.left + 0.5 * em && !STARTS_LOWER.test(b.text)) return true;
  if (a.x1 < a.right - 2.5 * em && ENDS_SENTENCE.test(a.text)) return true;
  return false;
}

/** How a footnote begins: a mark (a symbol, a number, a letter), then its text. */
const NOTE_MARKED = /^(?:[*†‡§¶‖#]+|\d{1,3}|[a-z])\s*\S/u;
/** Without a raised mark: a symbol or a number, then a capital ("* Corresponding author", "3 See also"). */
const NOTE_PLAIN = /^(?:[*†‡§¶‖]+|\d{1,3})\s*\p{Lu}\p{Ll}/u;
/** "Figure 3." "Fig. 2:" "Table 1 -" "Tab. IV." "Figure 2a |": a caption's label. */
const CAPTION =
  /^(?:fig(?:ure)?|table|tab|chart|plate|scheme|exhibit|map|graph|box)\.?\s*(?:\d+|[ivxlc]+)(?:[.-]\d+)?[a-z]?\s*(?:[.:|—–]|-\s)/iu;
/** A caption without punctuation after its number, told by its smaller type ("Figure 3 Wing loads"). */
const CAPTION_LOOSE = /^(?:fig(?:ure)?|table)\.?\s*\d+[a-z]?\s+\p{Lu}/u;
const REFERENCES_HEADING =
  /^(?:[\divxlc]+\.?\s+)?(?:references?|bibliography|works cited|literature cited|cited literature|references and notes|literature|sources)$/iu;
/** A numbered reference: "[12] ...", "12. Smith", "12 Smith". */
const REF_NUMBERED = /^(?:\[\d{1,4}\]|\d{1,4}\.\s)/u;
/** An author-year reference: "Smith, J." "Van Driest, E. R." "Smith J, " "World Bank (2020)". */
const REF_AUTHOR = /^(?:\p{Lu}[\p{L}'’-]+\s){0,2}\p{Lu}[\p{L}'’-]+,?\s+(?:\p{Lu}\.|\p{Lu}\p{Ll}|\(\d{4})/u;

/**
 * Footnote lines: at the bottom of each column of each page, a run of lines in smaller type
 * than the body, from the first that begins like a footnote (a raised mark, or a symbol or a
 * number and a capital) down.
 */
export function footnoteLines(lines: readonly Line[], bodySize: number): boolean[] {
  const note = new Array<boolean>(lines.length).fill(false);
  const groups = new Map<string, number[]>();
  lines.forEach((l, i) => {
    const k = `${l.page}:${l.column}`;
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  });
  for (const idx of groups.values()) {
    const bottom = lines[idx[idx.length - 1]!]!;
    if (bottom.size >= 0.92 * bodySize) continue;
    let top = -1;
    for (let k = idx.length - 1; k >= 0; k--) {
      const l = lines[idx[k]!]!;
      if (l.size >= 0.92 * bodySize || Math.abs(l.size - bottom.size) > 0.12 * bottom.size) break;
      if ((l.mark && NOTE_MARKED.test(l.text)) || NOTE_PLAIN.test(l.text)) top = k;
    }
    if (top >= 0) for (let k = top; k < idx.length; k++) note[idx[k]!] = true;
  }
  return note;
}

/**
 * Reading order with footnotes out of the way: a footnote printed between the two halves of a
 * paragraph (at the foot of the column the paragraph runs out of) goes after that paragraph when
 * it ends on the same page, else before it when it began on that page, so a paragraph and a
 * quote across the column break stay whole. A footnote never leaves its page (the page map and
 * citations stay right); one whose paragraph neither ends nor begins on its page stays in place.
 */
export function footnoteOrder(
  lines: readonly Line[],
  notes: readonly boolean[],
  joins: (a: Line, b: Line) => boolean,
): number[] {
  const order = lines.map((_, i) => i);
  let s = 0;
  while (s < order.length) {
    if (!notes[order[s]!]) {
      s++;
      continue;
    }
    let e = s;
    while (e < order.length && notes[order[e]!]) e++;
    const before = order[s - 1];
    const after = order[e];
    const page = lines[order[s]!]!.page;
    if (before !== undefined && after !== undefined && joins(lines[before]!, lines[after]!)) {
      let end = e;
      while (end + 1 < order.length && !notes[order[end + 1]!] && joins(lines[order[end]!]!, lines[order[end + 1]!]!))
        end++;
      let start = s - 1;
      while (start > 0 && !notes[order[start - 1]!] && joins(lines[order[start - 1]!]!, lines[order[start]!]!)) start--;
      const run = order.slice(s, e);
      if (lines[order[end]!]!.page === page) {
        order.splice(s, e - s);
        order.splice(end - run.length + 1, 0, ...run);
        s = end + 1;
        continue;
      }
      if (lines[order[start]!]!.page === page) {
        order.splice(s, e - s);
        order.splice(start, 0, ...run);
      }
    }
    s = e;
  }
  return order;
}

/** Lower-cased words of the document, to tell a hyphenated line break from a real hyphen. */
function vocabulary(lines: readonly Line[]): {
  words: Map<string, number>;
  hyphenated: Set<string>;
  total: number;
  hyphenates: boolean;
} {
  const words = new Map<string, number>();
  const hyphenated = new Set<string>();
  let total = 0;
  let broken = false;
  for (const l of lines) {
    const all = l.text.toLowerCase().match(/[\p{L}]+(?:-[\p{L}]+)*/gu) ?? [];
    const breaks = /\p{L}-$/u.test(l.text);
    all.forEach((w, i) => {
      total++;
      if (w.includes('-')) hyphenated.add(w);
      // The halves of a word hyphenated at a line's end are not words of the document.
      else if (!(broken && i === 0) && !(breaks && i === all.length - 1)) words.set(w, (words.get(w) ?? 0) + 1);
    });
    broken = breaks;
  }
  // Does the typesetter hyphenate words at line ends (TeX, groff), or do only compounds break at
  // their hyphen (a browser)? Count the line ends the document itself settles either way.
  let splits = 0;
  let compounds = 0;
  for (let i = 1; i < lines.length; i++) {
    const m = /(\p{L}+)-$/u.exec(lines[i - 1]!.text);
    const n = /^(\p{Ll}+)/u.exec(lines[i]!.text);
    if (!m || !n) continue;
    const head = m[1]!.toLowerCase();
    const tail = n[1]!.toLowerCase();
    if (hyphenated.has(`${head}-${tail}`) || (words.has(head) && words.has(tail))) compounds++;
    else if (words.has(head + tail)) splits++;
  }
  return { words, hyphenated, total, hyphenates: splits > compounds };
}

/** Below this many words, a word's absence from the document says nothing. */
const VOCABULARY_MIN = 400;

/**
 * How line `a` joins line `b` inside a paragraph: a space, or nothing when `a` ends in a hyphen
 * that only broke a word. The document is the evidence: the joined word printed elsewhere (and
 * never the hyphenated one) joins; the hyphenated form printed elsewhere, or both halves printed
 * as words of their own ("well" and "known"), keeps the hyphen. Where the document shows its
 * typesetter hyphenates words (more line ends settle as split words than as compounds: TeX, groff)
 * and is long enough for absence to count, halves that are not words anywhere else ("de-"
 * "termine") are joined too; otherwise, without evidence the hyphen stays.
 */
export function joinLines(a: string, b: string, vocab: ReturnType<typeof vocabulary>): { text: string; cut: number } {
  if (a.endsWith('\u00ad')) return { text: a.slice(0, -1), cut: 1 };
  const m = /(\p{L}+)-$/u.exec(a);
  const n = /^(\p{Ll}+)/u.exec(b);
  if (m && n) {
    const head = m[1]!.toLowerCase();
    const tail = n[1]!.toLowerCase();
    const joined = head + tail;
    const compound = vocab.hyphenated.has(`${head}-${tail}`);
    const words = vocab.words.has(head) && vocab.words.has(tail);
    if (!compound && (vocab.words.has(joined) || (vocab.hyphenates && vocab.total >= VOCABULARY_MIN && !words)))
      return { text: a.slice(0, -1), cut: 1 };
  }
  // A line broken after a hyphen or dash inside a word or range ("al-" "Qaddafi", "2010–" "2012").
  if (/\S[-–—]$/u.test(a) && /^\S/u.test(b)) return { text: a, cut: 0 };
  return { text: `${a} `, cut: 0 };
}

/** The canonical text, page map, line boxes and removed furniture of a PDF's lines. */
export function assembleText(
  printed: readonly Line[],
  furniture: readonly Furniture[],
  pageCount: number,
  labels?: readonly string[] | null,
  /** Keep footnotes exactly where the page prints them (the evaluation compares both orders). */
  footnotesInPlace = false,
): PdfText {
  const bodySize = median(printed.map((l) => l.size));
  const pitches: number[] = [];
  for (let i = 1; i < printed.length; i++) {
    const a = printed[i - 1]!;
    const b = printed[i]!;
    if (a.page === b.page && a.column === b.column && a.y > b.y && Math.abs(a.size - bodySize) < 0.5)
      pitches.push(a.y - b.y);
  }
  const pitch = median(pitches) || bodySize * 1.2;
  const vocab = vocabulary(printed);

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
  let paraFirst = '';
  let paraNote = false;
  const printedNotes = footnoteLines(printed, bodySize);
  // In a numbered reference list an entry goes on until the next number, whatever its lines end with.
  const refsFrom = printed.findIndex((l) => isTitleLine(l.text, REFERENCES_HEADING));
  const numberedRefs = new Set<Line>();
  if (refsFrom >= 0 && REF_NUMBERED.test(printed[refsFrom + 1]?.text ?? ''))
    for (let i = refsFrom + 1; i < printed.length && printed[i]!.size < 1.15 * bodySize; i++)
      numberedRefs.add(printed[i]!);
  const order = footnotesInPlace
    ? printed.map((_, i) => i)
    : footnoteOrder(printed, printedNotes, (a, b) =>
        numberedRefs.has(a) && numberedRefs.has(b)
          ? !REF_NUMBERED.test(b.text) && Math.abs(a.size - b.size) <= 0.12 * Math.max(a.size, b.size)
          : !breaksBetween(a, b, pitch, bodySize),
      );
  const lines = order.map((i) => printed[i]!);
  const notes = order.map((i) => printedNotes[i]!);
  // The reference list: from a "References" heading to the next heading; 'numbered' entries
  // begin with their number, 'author' entries with a name (or at a hanging indent's outdent).
  let refs = 'off' as 'off' | 'on' | 'numbered' | 'author';
  const closeParagraph = () => {
    if (paraLines === 0) return;
    const sized = paraLines <= 3 && paraSize >= 1.15 * bodySize;
    let kind: TextBlock['kind'] = sized ? 'heading' : 'paragraph';
    const oneLine = paraLines === 1 && paraFirst.length <= 40;
    if (paraNote) kind = 'footnote';
    else if (oneLine && isTitleLine(paraFirst, ABSTRACT)) kind = 'heading';
    else if (oneLine && isTitleLine(paraFirst, REFERENCES_HEADING)) {
      kind = 'heading';
      refs = 'on';
    } else if (sized) refs = 'off';
    else if (CAPTION.test(paraFirst) || (paraSize < 0.95 * bodySize && CAPTION_LOOSE.test(paraFirst))) kind = 'caption';
    else if (refs !== 'off') kind = 'reference';
    const block: TextBlock = { kind, start: paraStart, end: length };
    if (kind === 'heading') block.level = paraSize >= 1.6 * bodySize ? 1 : 2;
    blocks.push(block);
  };
  const breaksInReferences = (a: Line, b: Line): boolean => {
    if (Math.abs(a.size - b.size) > 0.12 * Math.max(a.size, b.size)) return true;
    if (refs === 'numbered') return REF_NUMBERED.test(b.text);
    const em = Math.max(a.size, bodySize);
    // Hanging indents: an entry's first line sits out at the column's edge, the rest indented.
    if (a.column === b.column && a.page === b.page && b.x0 < a.x0 - 0.8 * em) return true;
    if (/[.)]$/.test(a.text) && REF_AUTHOR.test(b.text) && b.x0 <= b.left + 0.5 * em) return true;
    return breaksBetween(a, b, pitch, bodySize);
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const prev = lines[i - 1];
    const breaks =
      prev &&
      (notes[i] !== notes[i - 1] ||
        (notes[i]
          ? (line.mark && NOTE_MARKED.test(line.text)) ||
            NOTE_PLAIN.test(line.text) ||
            breaksBetween(prev, line, pitch, bodySize)
          : refs !== 'off'
            ? breaksInReferences(prev, line)
            : breaksBetween(prev, line, pitch, bodySize)));
    if (breaks) {
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
      paraFirst = line.text;
      paraNote = notes[i]!;
      // The list's first entry tells how entries begin.
      if (refs === 'on' && !paraNote) refs = REF_NUMBERED.test(line.text) ? 'numbered' : 'author';
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
