// Where a selection made on a web page lies in the article Scholia made of it.
// The page's rendered text and the article's canonical text say the same words
// with different white space (line breaks, paragraph gaps, runs of spaces), so
// both are compared with every run of white space as one space, and the
// anchor room's quote selectors (exact + prefix/suffix context) choose among
// repeated occurrences; the offsets are then mapped back onto the real text.
import { anchor } from './core/anchor/index.js';
import type { ClipSelection } from './shared/clip-protocol.js';

interface Collapsed {
  text: string;
  /** For each character of `text`, its offset in the original. */
  map: number[];
}

/** The text with each run of white space as one space (and none at the ends), with a map back. */
export function collapseSpace(original: string): Collapsed {
  let text = '';
  const map: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < original.length; i++) {
    const ch = original[i]!;
    if (/\s/.test(ch)) {
      if (pendingSpace < 0 && text.length > 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0) {
      text += ' ';
      map.push(pendingSpace);
      pendingSpace = -1;
    }
    // Soft hyphens are invisible on the page and absent from selections.
    if (ch === '\u00ad') continue;
    text += ch;
    map.push(i);
  }
  return { text, map };
}

const squash = (s: string): string => s.replace(/\u00ad/g, '').replace(/\s+/g, ' ');

export interface PlacedSelection {
  start: number;
  end: number;
  /** 'anchored': the words were found as selected; 'fuzzy': found with small differences. */
  state: 'anchored' | 'fuzzy';
}

/** Offsets of the selection in `text`, or null when its words are not in it. */
export function placeSelection(text: string, selection: ClipSelection): PlacedSelection | null {
  const exact = squash(selection.exact).trim();
  if (!exact) return null;
  const { text: flat, map } = collapseSpace(text);
  const found = anchor(flat, {
    quote: { exact, prefix: squash(selection.prefix).trimStart(), suffix: squash(selection.suffix).trimEnd() },
  });
  if (!found) return null;
  const start = map[found.start];
  const last = map[found.end - 1];
  if (start === undefined || last === undefined) return null;
  return { start, end: last + 1, state: found.state };
}
