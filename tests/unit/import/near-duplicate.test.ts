// Near-duplicates: the same article saved twice with small differences is found;
// two outlets' reports of the same event (sharing quotes) and unrelated articles are not.
import { describe, expect, it } from 'vitest';
import { findNearDuplicate, fingerprintSimilarity, textFingerprint } from '../../../electron/core/import/near-duplicate.js';
import { extractArticles } from '../../../electron/core/import/registry.js';
import { fixtureBytes, hasShared, jsonlLines } from './helpers.js';

async function sampleText(name: string): Promise<string> {
  const [a] = await extractArticles({ name, bytes: fixtureBytes(name) });
  return a!.text;
}

describe('near-duplicate detection', () => {
  it('stores a compact fingerprint', async () => {
    const fp = textFingerprint(await sampleText('rferl-blinken-iranian-drones.txt'));
    expect(fp).toMatch(/^m1:[A-Za-z0-9+/=]+$/);
    expect(fp.length).toBeLessThan(400);
    expect(textFingerprint('')).toBe('');
  });

  it('finds a re-saved copy with a changed paragraph and a dropped one', async () => {
    const text = await sampleText('rferl-blinken-iranian-drones.txt');
    const paragraphs = text.split('\n\n');
    const edited = [...paragraphs.slice(0, 3), 'Editor\'s note: this story was updated on October 28.', ...paragraphs.slice(4)].join('\n\n');
    const library = [
      { id: 'a_mt', fingerprint: textFingerprint(await sampleText('moscow-times-blinken-iranian-drones.txt')) },
      { id: 'a_rferl', fingerprint: textFingerprint(text) },
    ];
    const hit = findNearDuplicate(edited, library);
    expect(hit?.id).toBe('a_rferl');
    expect(hit!.similarity).toBeGreaterThan(0.6);
  });

  it('does not confuse two outlets reporting the same event with the same quotes', async () => {
    const mt = textFingerprint(await sampleText('moscow-times-blinken-iranian-drones.txt'));
    const rferl = textFingerprint(await sampleText('rferl-blinken-iranian-drones.txt'));
    expect(fingerprintSimilarity(mt, rferl)).toBeLessThan(0.3);
    expect(findNearDuplicate('', [{ id: 'x', fingerprint: mt }])).toBeNull();
  });

  it.skipIf(!hasShared)('on BBC News: finds the corpus\'s duplicate articles and no false pairs', () => {
    const rows = jsonlLines('news/bbc/bbc.jsonl').slice(0, 600);
    const seen: { id: string; fingerprint: string; text: string }[] = [];
    let truePairs = 0;
    let found = 0;
    let falsePairs = 0;
    for (const r of rows) {
      const text = String(r.text);
      const fp = textFingerprint(text);
      const exact = seen.find((s) => s.text.replace(/\s+/g, ' ').trim() === text.replace(/\s+/g, ' ').trim());
      const hit = findNearDuplicate(text, seen, { fingerprint: fp });
      if (exact) {
        truePairs++;
        if (hit) found++;
      } else if (hit) {
        falsePairs++;
      }
      seen.push({ id: String(r.id), fingerprint: fp, text });
    }
    expect(truePairs).toBeGreaterThan(5);
    expect(found).toBe(truePairs);
    expect(falsePairs).toBeLessThanOrEqual(1);
  });
});
