// Placing an article's passages again after its text changed. Pure: the
// service stores what this returns.
import type { Passage } from '../model.js';
import type { ReanchorReport } from './api.js';
import { anchor, describeSelection } from './anchoring.js';
import { diffBounds, mapOffset } from './text-change.js';

export interface Reanchored {
  passages: Passage[];
  /** Only the passages whose record changed (to write and announce). */
  changed: Passage[];
  report: ReanchorReport;
}

export function reanchorPassages(passages: Passage[], oldText: string, newText: string, now: string): Reanchored {
  const change = diffBounds(oldText, newText);
  const report: ReanchorReport = { moved: 0, fuzzy: 0, orphaned: 0, unchanged: 0 };
  const changed: Passage[] = [];
  const out = passages.map((p) => {
    // The old position carried through the edit: exact for text outside the edited region,
    // so the common case (the edit is elsewhere) is settled by the position check alone.
    const position = {
      start: mapOffset(change, p.position.start),
      end: mapOffset(change, p.position.end),
    };
    const r = anchor(newText, { quote: p.quote, position });
    let next: Passage;
    if (!r) {
      report.orphaned++;
      // The quote and the last known position are kept: the orphan panel shows the quote.
      next = p.state === 'orphan' ? p : { ...p, state: 'orphan', updatedAt: now };
    } else {
      if (r.state === 'fuzzy') report.fuzzy++;
      else if (p.state !== 'orphan' && r.start === p.position.start && r.end === p.position.end) report.unchanged++;
      else report.moved++;
      // The selectors are refreshed from the new text, so that the next change is
      // measured from this version and small edits do not add up to an orphan.
      const sel = describeSelection(newText, r.start, r.end);
      const same =
        p.state === r.state &&
        p.position.start === r.start &&
        p.position.end === r.end &&
        p.quote.exact === sel.quote.exact &&
        p.quote.prefix === sel.quote.prefix &&
        p.quote.suffix === sel.quote.suffix;
      next = same ? p : { ...p, quote: sel.quote, position: sel.position, state: r.state, updatedAt: now };
    }
    if (next !== p) changed.push(next);
    return next;
  });
  return { passages: out, changed, report };
}
