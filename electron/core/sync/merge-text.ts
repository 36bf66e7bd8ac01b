// Line-wise three-way merge of a note edited on two devices at once (node-diff3, the diff3 algorithm of
// GNU diffutils): changes to different lines are both taken; where both sides changed the same lines,
// both versions stay in the note between visible markers, so nothing is ever silently overwritten.
import { diff3Merge } from 'node-diff3';

export interface TextMerge {
  text: string;
  /** How many places both sides changed the same lines (each kept as a conflict section). */
  conflicts: number;
}

export const CONFLICT_START = '<<<<<<< ';
export const CONFLICT_MIDDLE = '=======';
export const CONFLICT_END = '>>>>>>> ';

/**
 * Merges `a` and `b`, both edited from `base`. `a` and `b` must be passed in the same order on every
 * device (the caller orders them by clock) so that every device writes the same merged text.
 */
export function mergeText(base: string, a: string, b: string, labelA: string, labelB: string): TextMerge {
  if (a === b) return { text: a, conflicts: 0 };
  if (a === base) return { text: b, conflicts: 0 };
  if (b === base) return { text: a, conflicts: 0 };
  const regions = diff3Merge(a.split('\n'), base.split('\n'), b.split('\n'), { excludeFalseConflicts: true });
  const out: string[] = [];
  let conflicts = 0;
  for (const r of regions) {
    if (r.ok) out.push(...r.ok);
    else if (r.conflict) {
      conflicts++;
      out.push(CONFLICT_START + labelA, ...r.conflict.a, CONFLICT_MIDDLE, ...r.conflict.b, CONFLICT_END + labelB);
    }
  }
  return { text: out.join('\n'), conflicts };
}
