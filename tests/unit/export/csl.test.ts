import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { toCsl } from '../../../electron/core/export/formats/csl.js';
import { renderExport } from '../../../electron/core/export/run.js';
import type { ArticleMeta } from '../../../electron/core/model.js';
import { cslDataSchema } from './csl-data-schema.js';
import { fillSample, openJsonLibrary } from './library.js';

const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(cslDataSchema);
const BASIL = path.resolve(__dirname, '../../../../shared/datasets/news/basil/articles.jsonl');

describe('CSL-JSON export', () => {
  it('cites the sources of the exported notes, valid against the CSL data schema', async () => {
    const ctx = await openJsonLibrary();
    const ids = await fillSample(ctx);
    // Only the synthesis note: its two cited articles come along as sources.
    const { files } = await renderExport(ctx, { format: 'csl', scope: { noteIds: [ids.synthesis] } });
    const items = JSON.parse(files[0]!.text!) as Array<Record<string, unknown>>;
    expect(validate(items), JSON.stringify(validate.errors)).toBe(true);
    expect(items).toHaveLength(2);
    expect(items[1]).toMatchObject({
      type: 'article-newspaper',
      'container-title': 'RFE/RL',
      author: [
        { family: 'Doe', given: 'Jane' },
        { family: 'Smith', given: 'John' },
      ],
      issued: { 'date-parts': [[2022, 10, 27]] },
      URL: 'https://www.rferl.org/a/blinken-russia-iranian-drones-appalling/32104580.html',
    });
    // An agency byline stays a literal name: a citation never invents a given name.
    expect(items[0]!.author).toEqual([{ literal: 'AFP' }]);
    expect(new Set(items.map((i) => i.id)).size).toBe(2);
  });

  it('the schema check can fail: a misspelt variable or unknown type is rejected', () => {
    expect(validate([{ id: 'x', type: 'newspaper-article', title: 't' }])).toBe(false);
    expect(validate([{ id: 'x', type: 'webpage', url: 'https://x' }])).toBe(false);
  });

  it('stays valid on 300 real news articles, with distinct ids', () => {
    if (!existsSync(BASIL)) {
      console.log(`skipped: ${BASIL} is absent (shared datasets not available)`);
      return;
    }
    const metas: ArticleMeta[] = readFileSync(BASIL, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l, i) => {
        const r = JSON.parse(l) as { id: string; title: string; source: string; date: string; url: string };
        return {
          id: `a_${i}`,
          title: r.title,
          source: r.source,
          author: '',
          published: r.date,
          url: r.url,
          lang: 'en',
          tags: [],
          words: 0,
          format: 'jsonl',
          origin: 'basil',
          contentHash: '',
          addedAt: '2026-11-20T00:00:00Z',
          updatedAt: '2026-11-20T00:00:00Z',
        };
      });
    const items = toCsl(metas);
    expect(validate(items), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(new Set(items.map((i) => i.id)).size).toBe(metas.length);
  });
});
