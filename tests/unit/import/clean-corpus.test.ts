// The boilerplate rules must be general: on clean news text (BBC, and the NYT / Fox /
// HuffPost articles of BASIL) they should find the headline and remove (almost) nothing.
import { describe, expect, it } from 'vitest';
import { structurePlainText } from '../../../electron/core/import/plain-text.js';
import { hasShared, jsonlLines } from './helpers.js';

const corpora = [
  { name: 'BBC News', file: 'news/bbc/bbc.jsonl', every: 5 },
  { name: 'BASIL (NYT, Fox News, HuffPost)', file: 'news/basil/articles.jsonl', every: 1 },
];

describe.skipIf(!hasShared)('plain text rules on clean news corpora (../shared/datasets/news)', () => {
  for (const c of corpora) {
    it(`${c.name}: keeps the reporting, finds the headline, invents no outlet`, () => {
      let paragraphs = 0;
      let removed = 0;
      let titles = 0;
      let outlets = 0;
      const articles = jsonlLines(c.file, c.every).filter(
        (a) => String(a.title ?? '').trim() && String(a.text ?? '').trim(),
      );
      for (const a of articles) {
        const title = String(a.title).replace(/\s+/g, ' ').trim();
        const text = String(a.text);
        const s = structurePlainText(`${title}\n\n${text}`, 'article.txt');
        paragraphs += text.split(/\n\s*\n/).length;
        removed += s.removed.length;
        if (s.title === title) titles++;
        if (s.source) outlets++;
      }
      expect(articles.length).toBeGreaterThan(200);
      // At most one paragraph in a thousand set aside, on text that has no boilerplate.
      expect(removed / paragraphs).toBeLessThanOrEqual(0.001);
      expect(titles / articles.length).toBeGreaterThanOrEqual(0.99);
      // These texts never name their outlet in a self-referring frame.
      expect(outlets / articles.length).toBeLessThanOrEqual(0.01);
    });
  }
});
