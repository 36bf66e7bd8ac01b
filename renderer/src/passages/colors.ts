export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

export function colorClass(color: string): string {
  return (HIGHLIGHT_COLORS as readonly string[]).includes(color) ? `hl-${color}` : 'hl-yellow';
}

/** The Markdown link a note uses to cite a passage: survives any Markdown tool. */
export function passageLink(id: string, quote: string, source = '', pages = ''): string {
  const q = quote.replace(/\s+/g, ' ').trim();
  const short = q.length > 90 ? q.slice(0, 87).trimEnd() + '…' : q;
  // A PDF passage names its pages: "(Source, p. 12)", "(pp. 12–13)".
  const where = [source, pages].filter(Boolean).join(', ');
  const text = `“${short}”${where ? ` (${where})` : ''}`.replace(/([[\]\\])/g, '\\$1');
  return `[${text}](scholia://passage/${id})`;
}
