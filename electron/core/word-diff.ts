// A word-level diff of two near-identical passages: what one outlet changed
// in the other's sentence ("said" for "vowed", a clause added), in reading order.
export type DiffOp = 'same' | 'add' | 'del';

export interface DiffPiece {
  /** 'del': only in the first text; 'add': only in the second. */
  op: DiffOp;
  text: string;
}

/** Words and punctuation with the space after each, so the pieces join back into the texts. */
function pieces(s: string): string[] {
  return s.match(/[\p{L}\p{N}'’]+\s*|[^\s\p{L}\p{N}]+\s*|\s+/gu) ?? [];
}

const key = (t: string) => t.trim().toLowerCase().replace(/[’‘]/g, "'").replace(/[“”]/g, '"');

/** Longest-common-subsequence diff of two short passages (a sentence or a paragraph; capped at 2,000 tokens). */
export function wordDiff(a: string, b: string): DiffPiece[] {
  const x = pieces(a).slice(0, 2000);
  const y = pieces(b).slice(0, 2000);
  const n = x.length;
  const m = y.length;
  const w = m + 1;
  const dp = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[i * w + j] =
        key(x[i]!) === key(y[j]!) ? dp[(i + 1) * w + j + 1]! + 1 : Math.max(dp[(i + 1) * w + j]!, dp[i * w + j + 1]!);
  const out: DiffPiece[] = [];
  const push = (op: DiffOp, text: string) => {
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (key(x[i]!) === key(y[j]!)) {
      push('same', y[j]!);
      i++;
      j++;
    } else if (dp[(i + 1) * w + j]! >= dp[i * w + j + 1]!) push('del', x[i++]!);
    else push('add', y[j++]!);
  }
  while (i < n) push('del', x[i++]!);
  while (j < m) push('add', y[j++]!);
  return out;
}

/** Paragraphs compared whole beyond this many (a long article's versions): a changed one is shown deleted and added. */
const MAX_PARAGRAPHS = 3000;

/**
 * What changed between two versions of a text: paragraphs aligned first (so an article's length does
 * not matter), then each replaced paragraph diffed word by word. Unchanged paragraphs are 'same' pieces.
 */
export function textDiff(a: string, b: string): DiffPiece[] {
  const x = a.split('\n\n').slice(0, MAX_PARAGRAPHS);
  const y = b.split('\n\n').slice(0, MAX_PARAGRAPHS);
  const n = x.length;
  const m = y.length;
  const w = m + 1;
  const dp = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[i * w + j] = x[i] === y[j] ? dp[(i + 1) * w + j + 1]! + 1 : Math.max(dp[(i + 1) * w + j]!, dp[i * w + j + 1]!);
  const out: DiffPiece[] = [];
  const push = (op: DiffOp, text: string) => {
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  let i = 0;
  let j = 0;
  const pendingDel: string[] = [];
  const pendingAdd: string[] = [];
  const flush = () => {
    // A paragraph replaced by one paragraph: its words; otherwise whole paragraphs.
    while (pendingDel.length && pendingAdd.length) {
      for (const p of wordDiff(pendingDel.shift()!, pendingAdd.shift()!)) push(p.op, p.text);
      push('same', '\n\n');
    }
    for (const d of pendingDel.splice(0)) push('del', d + '\n\n');
    for (const d of pendingAdd.splice(0)) push('add', d + '\n\n');
  };
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      flush();
      push('same', y[j]! + '\n\n');
      i++;
      j++;
    } else if (dp[(i + 1) * w + j]! >= dp[i * w + j + 1]!) pendingDel.push(x[i++]!);
    else pendingAdd.push(y[j++]!);
  }
  while (i < n) pendingDel.push(x[i++]!);
  while (j < m) pendingAdd.push(y[j++]!);
  flush();
  return out;
}
