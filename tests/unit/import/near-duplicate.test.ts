// Near-duplicates: the same article saved twice with small differences is found;
// two outlets' reports of the same event (sharing quotes) and unrelated articles are not.
import { describe, expect, it } from 'vitest';
import {
  findNearDuplicate,
  fingerprintSimilarity,
  textFingerprint,
} from '../../../electron/core/import/near-duplicate.js';
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
    const edited = [
      ...paragraphs.slice(0, 3),
      "Editor's note: this story was updated on October 28.",
      ...paragraphs.slice(4),
    ].join('\n\n');
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

  it.skipIf(!hasShared)("on BBC News: finds the corpus's duplicates and revised copies, never across topics", () => {
    // The corpus holds exact duplicates and revised versions of stories under the
    // same headline; stories in different categories are never the same article.
    const rows = jsonlLines('news/bbc/bbc.jsonl');
    const seen: { id: string; fingerprint: string }[] = [];
    const byText = new Map<string, string>();
    const byId = new Map<string, Record<string, unknown>>();
    const textsByTitle = new Map<string, string[]>();
    let exact = 0;
    let exactFound = 0;
    let crossTopic = 0;
    let sameTitle = 0;
    let sameTitleFound = 0;
    for (const r of rows) {
      const text = String(r.text);
      const key = text.replace(/\s+/g, ' ').trim();
      const fp = textFingerprint(text);
      const hit = findNearDuplicate(text, seen, { fingerprint: fp });
      const twin = byText.get(key);
      const namesake = (textsByTitle.get(String(r.title)) ?? []).some((t) => t !== text);
      if (twin) {
        exact++;
        if (hit) exactFound++;
      } else if (namesake) {
        sameTitle++;
        if (hit) sameTitleFound++;
      }
      if (hit && byId.get(hit.id)!.category !== r.category) crossTopic++;
      byText.set(key, String(r.id));
      byId.set(String(r.id), r);
      textsByTitle.set(String(r.title), [...(textsByTitle.get(String(r.title)) ?? []), text]);
      seen.push({ id: String(r.id), fingerprint: fp });
    }
    expect(exact).toBeGreaterThan(50);
    expect(exactFound).toBe(exact);
    expect(sameTitle).toBeGreaterThan(10);
    expect(sameTitleFound / sameTitle).toBeGreaterThanOrEqual(0.7);
    expect(crossTopic).toBe(0);
  });
});
