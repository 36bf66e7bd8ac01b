// Which commands the palette lists for what was typed: every word typed must
// start a word of the title (or appear in it), best matches first.
import type { CommandSpec } from '../../../electron/shared/commands.js';

export function filterCommands<C extends Pick<CommandSpec, 'title' | 'id'>>(
  commands: readonly C[],
  query: string,
): C[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...commands];
  const scored: { c: C; score: number }[] = [];
  for (const c of commands) {
    const title = c.title.toLowerCase();
    const titleWords = title.split(/[^a-z0-9]+/).filter(Boolean);
    let score = 0;
    let ok = true;
    for (const w of words) {
      if (titleWords.some((t) => t.startsWith(w))) score += 2;
      else if (title.includes(w) || c.id.includes(w)) score += 1;
      else ok = false;
    }
    if (ok) scored.push({ c, score: score + (title.startsWith(words[0]!) ? 1 : 0) });
  }
  return scored.sort((a, b) => b.score - a.score).map((s) => s.c);
}
