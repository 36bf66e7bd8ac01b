// Bag-of-tokens F1 (eval/import.ts scores HTML extraction with it, eval/pdf.ts PDF extraction): how much of the expected text an
// extraction produced, and nothing else. Word order does not count; split or glued words do.
function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** F1 over adjacent word pairs: also counts reading order (columns read across lose pairs). */
export function pairF1(got: string, expected: string): number {
  const pairs = (t: string[]) => t.slice(1).map((w, i) => `${t[i]} ${w}`);
  return bagF1(pairs(tokens(got)), pairs(tokens(expected)));
}

export function tokenF1(got: string, expected: string): number {
  return bagF1(tokens(got), tokens(expected));
}

function bagF1(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of a) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      overlap++;
      counts.set(t, c - 1);
    }
  }
  const p = overlap / a.length;
  const r = overlap / b.length;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}
