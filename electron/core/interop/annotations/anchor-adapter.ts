// Places an imported annotation's quote in an article's text, through the
// anchoring room's anchor() (exact, then context-ranked, then approximate).
// Kept behind this one function so export never depends on anchoring's internals.
import { anchor } from '../../anchor/index.js';

export interface Placement {
  start: number;
  end: number;
  state: 'anchored' | 'fuzzy';
}

export function placeQuote(
  text: string,
  sel: { quote?: { exact: string; prefix?: string; suffix?: string }; position?: { start: number; end: number } },
): Placement | null {
  if (!sel.quote?.exact) return null;
  // A foreign annotation's position counts characters of the web page, not of
  // our canonical text: use it only as a hint, and do not demand context.
  const r = anchor(text, { quote: sel.quote }, { hint: sel.position?.start, requireContext: false });
  return r ? { start: r.start, end: r.end, state: r.state } : null;
}
