// What the tag field offers while the user types, from the tags in use: path
// prefix first, then a segment that starts with it, then any match, most used
// first. And the near misses worth a question before a new tag is made
// (`ukraine/drone` when `ukraine/drones` exists).
import type { TagInfo } from '../../../electron/core/api.js';

/** Tags normalise as the core does: trimmed, lower case, inner spaces collapsed, clean path. */
export function normalizeTag(t: string): string {
  return t
    .trim()
    .replace(/^#/, '')
    .toLowerCase()
    .split('/')
    .map((s) => s.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .join('/');
}

export function suggestTags(tags: readonly TagInfo[], typed: string, limit = 8): TagInfo[] {
  const q = normalizeTag(typed);
  const rank = (t: TagInfo): number => {
    if (!q) return 2;
    if (t.tag === q) return -1;
    if (t.tag.startsWith(q)) return 0;
    if (t.tag.split('/').some((s) => s.startsWith(q))) return 1;
    if (t.tag.includes(q)) return 2;
    return 9;
  };
  return tags
    .map((t) => ({ t, r: rank(t) }))
    .filter((x) => x.r < 9 && x.r >= 0)
    .sort((a, b) => a.r - b.r || b.t.count - a.t.count || a.t.tag.localeCompare(b.t.tag))
    .slice(0, limit)
    .map((x) => x.t);
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** An existing tag that a new one is probably a slip for (one or two letters apart), or null. */
export function nearMiss(tags: readonly TagInfo[], typed: string): string | null {
  const q = normalizeTag(typed);
  if (!q || tags.some((t) => t.tag === q)) return null;
  const allowed = q.length < 6 ? 1 : 2;
  let best: { tag: string; d: number } | null = null;
  for (const t of tags) {
    const d = distance(q, t.tag);
    if (d <= allowed && (!best || d < best.d)) best = { tag: t.tag, d };
  }
  return best?.tag ?? null;
}
