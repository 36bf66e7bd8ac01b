// Edit-distance helpers for scoring a candidate's surroundings. Contexts are
// short (a prefix or suffix of ~32 characters), so a plain dynamic programme
// is both exact and cheap here; the long quote itself goes through Myers'
// bit-parallel matcher (approx-string-match) instead.

/**
 * Fewest edits turning `pattern` into some string that ENDS exactly at the end
 * of `window` (it may begin anywhere in it). Used for a prefix, which must sit
 * right before the candidate but may have lost or gained characters.
 */
export function distanceEndingAtEnd(pattern: string, window: string): number {
  return distanceStartingAtStart(reverse(pattern), reverse(window));
}

/**
 * Fewest edits turning `pattern` into some string that STARTS exactly at the
 * start of `window` (it may end anywhere in it). Used for a suffix.
 */
export function distanceStartingAtStart(pattern: string, window: string): number {
  const m = pattern.length;
  const n = window.length;
  if (m === 0) return 0;
  // prev[i] = distance of pattern[0..i) against window[0..j)
  let prev = new Array<number>(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  let best = prev[m]!;
  for (let j = 1; j <= n; j++) {
    const cur = new Array<number>(m + 1);
    cur[0] = j;
    const c = window.charCodeAt(j - 1);
    for (let i = 1; i <= m; i++) {
      const sub = prev[i - 1]! + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      cur[i] = Math.min(sub, prev[i]! + 1, cur[i - 1]! + 1);
    }
    best = Math.min(best, cur[m]!);
    prev = cur;
  }
  return best;
}

function reverse(s: string): string {
  return [...s].reverse().join('');
}

/** 1 for identical, 0 for nothing in common (normalised by the pattern's length). */
export function similarity(errors: number, length: number): number {
  return length === 0 ? 1 : Math.max(0, 1 - errors / length);
}
