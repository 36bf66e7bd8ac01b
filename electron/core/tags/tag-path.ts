// What a tag is: a path of segments separated by "/" ("ukraine/drones" is
// inside "ukraine"). Normalised so that the same tag typed twice is one tag:
// trimmed, lower-cased (tags are labels, not prose: "Ukraine" and "ukraine"
// meaning two things would only surprise), inner whitespace collapsed, no
// empty segments ("a//b/" → "a/b"), and no leading "#".

/** The canonical form of a tag, or null when nothing of it remains. */
export function normalizeTag(raw: string): string | null {
  const segments = raw
    .normalize('NFC')
    .replace(/^#+/, '')
    .split('/')
    .map((s) => s.trim().replace(/\s+/g, ' ').toLowerCase())
    .filter((s) => s.length > 0);
  return segments.length ? segments.join('/') : null;
}

/** Normalises a list, dropping empties and duplicates, keeping first-seen order. */
export function normalizeTags(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (const r of raw) {
    const t = normalizeTag(r);
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

/** True when `tag` is `ancestor` itself or lies inside it (`a/b` is within `a`, `ab` is not). */
export function isWithin(tag: string, ancestor: string): boolean {
  return tag === ancestor || tag.startsWith(ancestor + '/');
}

/** The tag itself and every ancestor: "a/b/c" → ["a", "a/b", "a/b/c"]. */
export function selfAndAncestors(tag: string): string[] {
  const parts = tag.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** Moves `tag` from under `from` to under `to` (descendants follow); unchanged when not within `from`. */
export function reparent(tag: string, from: string, to: string): string {
  if (tag === from) return to;
  if (tag.startsWith(from + '/')) return to + tag.slice(from.length);
  return tag;
}
