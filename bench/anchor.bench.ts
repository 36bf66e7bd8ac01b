// Re-anchoring cost: what a user waits for after saving an edited article text.
// The long article is the two sample articles' paragraphs repeated with section
// numbers (so quotes repeat, as in a long text, but contexts differ).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { anchor, describeSelection } from '../electron/core/anchor/anchoring.js';
import { reanchorPassages } from '../electron/core/anchor/reanchor.js';
import type { Passage } from '../electron/core/model.js';
import { percentile, report } from './report.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../tests/fixtures');

function longText(chars: number): string {
  const paras = ['moscow-times-blinken-iranian-drones.txt', 'rferl-blinken-iranian-drones.txt']
    .map((f) => readFileSync(path.join(fixtures, f), 'utf8'))
    .flatMap((t) => t.split(/\n\s*\n/))
    .map((p) => p.trim())
    .filter((p) => p.length > 80);
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < chars; i++) {
    const p = `Section ${i + 1}. ${paras[i % paras.length]!}`;
    out.push(p);
    n += p.length + 2;
  }
  return out.join('\n\n');
}

function passagesOn(text: string, count: number): Passage[] {
  const out: Passage[] = [];
  for (let i = 0; i < count; i++) {
    const start = Math.floor(((i + 0.5) / count) * (text.length - 200));
    const s = describeSelection(text, start, start + 40 + (i % 5) * 30);
    out.push({
      id: `p${i}`,
      articleId: 'a',
      quote: s.quote,
      position: s.position,
      state: 'anchored',
      color: 'yellow',
      tags: [],
      createdAt: '',
      updatedAt: '',
    });
  }
  return out;
}

function time(fn: () => void, runs: number): number[] {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return ms;
}

export default async function (): Promise<void> {
  const text = longText(100_000);
  const passages = passagesOn(text, 300);
  const mid = Math.floor(text.length / 2);
  const cut = text.indexOf('\n\n', mid) + 2;
  const edited = text.slice(0, cut) + 'A paragraph the reader added while correcting the text.\n\n' + text.slice(cut);

  const insert = time(() => reanchorPassages(passages, text, edited, ''), 5);
  report(
    're-anchor 300 passages, 100k chars, paragraph inserted',
    percentile(insert, 50),
    'ms',
    '< 250 ms',
    percentile(insert, 50) < 250,
  );

  // The worst case: every passage's words edited, so each needs the approximate search.
  let k = 0;
  const typos = text.replace(/([a-z])([a-z])(?=[a-z]{3} )/g, (m, a: string, b: string) => (++k % 50 === 0 ? b + a : m));
  const fuzzy = time(() => reanchorPassages(passages, text, typos, ''), 3);
  report(
    're-anchor 300 passages, 100k chars, typos everywhere',
    percentile(fuzzy, 50),
    'ms',
    '< 2000 ms',
    percentile(fuzzy, 50) < 2000,
  );

  // A passage whose words are nowhere in the text: the full approximate search runs and finds nothing.
  const gone = passages[150]!;
  const quote = {
    ...gone.quote,
    exact: 'Nothing in these articles reads like this sentence about marmalade, zebras and quantum tea.',
  };
  const orphan = time(() => anchor(text, { quote, position: gone.position }), 5);
  if (anchor(text, { quote, position: gone.position }) !== null) throw new Error('bench: the orphan was placed');
  report(
    'orphan search (quote nowhere in the text), 100k chars',
    percentile(orphan, 50),
    'ms',
    '< 50 ms',
    percentile(orphan, 50) < 50,
  );
}
