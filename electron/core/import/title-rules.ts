// Which block of a plain-text article is its headline, its byline or its dateline.
// Headlines are short single lines without a closing full stop; bylines start with
// "By"; datelines are a date on their own. These hold for copied news text in general.

/** A short single line that reads as a headline rather than a sentence of reporting. */
export function looksLikeHeadline(block: string): boolean {
  if (block.includes('\n')) return false;
  const words = block.split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > 30 || block.length > 220) return false;
  // Headlines end in a word, a quote, "?" or "!": not in a full stop, comma or colon.
  if (/[.,;:]$/.test(block) && !/\.\.\.$|\p{Lu}\.$/u.test(block)) return false;
  if (looksLikeByline(block) || parseDateline(block)) return false;
  return /\p{L}/u.test(block);
}

/** "By Jane Doe" / "By Jane Doe and John Roe, Reuters" → "Jane Doe and John Roe". */
export function looksLikeByline(block: string): string | null {
  const m = block.match(
    /^[Bb]y\s+(\p{Lu}[\p{L}.'-]*(?:\s+(?:\p{Lu}[\p{L}.'-]*|and|&|de|van|von|der|al))*)(?:\s*[,|]\s*[^\n]{0,60})?$/u,
  );
  if (!m || block.length > 120) return null;
  return m[1]!.trim();
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A block that is only a date (optionally with time/weekday/"Updated"): its ISO date, else null. */
export function parseDateline(block: string): string | null {
  if (block.length > 80 || block.includes('\n')) return null;
  const s = block
    .replace(/^(?:published|updated|posted|last updated)\s*:?\s*/i, '')
    .replace(/^(?:mon|tue|wed|thu|fri|sat|sun)\w*\.?,?\s*/i, '')
    .trim();
  let y: number | undefined;
  let mo: number | undefined;
  let d: number | undefined;
  let rest = '';
  const m = s.match(/^(\d{4})-(\d{2})-(\d{2})(.*)$/);
  if (m) [y, mo, d, rest] = [Number(m[1]), Number(m[2]), Number(m[3]), m[4]!];
  if (!y) {
    const a = s.match(/^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(.*)$/);
    const b = s.match(/^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})(.*)$/);
    const monthOf = (w: string) => MONTHS.indexOf(w.slice(0, 3).toLowerCase()) + 1;
    if (a && monthOf(a[1]!) > 0) [y, mo, d, rest] = [Number(a[3]), monthOf(a[1]!), Number(a[2]), a[4]!];
    else if (b && monthOf(b[2]!) > 0) [y, mo, d, rest] = [Number(b[3]), monthOf(b[2]!), Number(b[1]), b[4]!];
  }
  if (!y || !mo || !d || mo > 12 || d > 31) return null;
  // Anything after the date must be a time or a zone, not more words.
  if (!/^[\s,|-]*(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}[+-]?\d*\)?)?)?\s*$/i.test(rest))
    return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A readable title from a file name: "blinken-drones_2022.txt" → "blinken drones 2022". */
export function titleFromFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return (
    base
      .replace(/\.[a-z0-9]{1,5}$/i, '')
      .replace(/[-_]+/g, ' ')
      .trim() || base
  );
}
